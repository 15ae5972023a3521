"""Database-level protection of signed plan versions (SQLite and PostgreSQL triggers).

A signed row of ``plan_versions`` and the signatures of a signed version can be neither updated
nor deleted, whatever program writes to the store. Two things stay possible: turning a draft
into a signed version (the row's *old* state is ``draft``), and deleting a whole plan when its
retention period ends (the cascade from ``plans``: the trigger lets a signed row go once its
plan row is gone). New signatures may still be inserted (paper signatures collected later).

The migrations ``0002`` and ``0005`` and a brand-new store (:func:`install_immutability`) install
the same triggers. The seals of signed versions (``version_seals``) are protected the same way:
never updated, deleted only with their plan.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

IMMUTABLE_MESSAGE = "sip_desk: signed plan version is immutable"

_SQLITE_CREATE = (
    f"""
    CREATE TRIGGER IF NOT EXISTS trg_plan_versions_signed_no_update
    BEFORE UPDATE ON plan_versions FOR EACH ROW WHEN OLD.state = 'signed'
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS trg_plan_versions_signed_no_delete
    BEFORE DELETE ON plan_versions FOR EACH ROW
    WHEN OLD.state = 'signed' AND EXISTS (SELECT 1 FROM plans WHERE plans.id = OLD.plan_id)
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS trg_signatures_signed_no_update
    BEFORE UPDATE ON signatures FOR EACH ROW
    WHEN EXISTS (SELECT 1 FROM plan_versions v WHERE v.id = OLD.version_id AND v.state = 'signed')
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS trg_signatures_signed_no_delete
    BEFORE DELETE ON signatures FOR EACH ROW
    WHEN EXISTS (SELECT 1 FROM plan_versions v WHERE v.id = OLD.version_id AND v.state = 'signed')
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}'); END
    """,
)

_SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS trg_plan_versions_signed_no_update",
    "DROP TRIGGER IF EXISTS trg_plan_versions_signed_no_delete",
    "DROP TRIGGER IF EXISTS trg_signatures_signed_no_update",
    "DROP TRIGGER IF EXISTS trg_signatures_signed_no_delete",
)

_PG_CREATE = (
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_protect_signed_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF OLD.state = 'signed' AND (
            TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM plans WHERE plans.id = OLD.plan_id)
        ) THEN
            RAISE EXCEPTION '{IMMUTABLE_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_protect_signed_signature() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF EXISTS (
            SELECT 1 FROM plan_versions v WHERE v.id = OLD.version_id AND v.state = 'signed'
        ) THEN
            RAISE EXCEPTION '{IMMUTABLE_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END $$
    """,
    "DROP TRIGGER IF EXISTS trg_plan_versions_signed ON plan_versions",
    """
    CREATE TRIGGER trg_plan_versions_signed BEFORE UPDATE OR DELETE ON plan_versions
    FOR EACH ROW EXECUTE FUNCTION sip_desk_protect_signed_version()
    """,
    "DROP TRIGGER IF EXISTS trg_signatures_signed ON signatures",
    """
    CREATE TRIGGER trg_signatures_signed BEFORE UPDATE OR DELETE ON signatures
    FOR EACH ROW EXECUTE FUNCTION sip_desk_protect_signed_signature()
    """,
)

_PG_DROP = (
    "DROP TRIGGER IF EXISTS trg_plan_versions_signed ON plan_versions",
    "DROP TRIGGER IF EXISTS trg_signatures_signed ON signatures",
    "DROP FUNCTION IF EXISTS sip_desk_protect_signed_version()",
    "DROP FUNCTION IF EXISTS sip_desk_protect_signed_signature()",
)


_SQLITE_SEAL_CREATE = (
    f"""
    CREATE TRIGGER IF NOT EXISTS trg_version_seals_no_update
    BEFORE UPDATE ON version_seals FOR EACH ROW
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS trg_version_seals_no_delete
    BEFORE DELETE ON version_seals FOR EACH ROW
    WHEN EXISTS (SELECT 1 FROM plan_versions v WHERE v.id = OLD.version_id)
    BEGIN SELECT RAISE(ABORT, '{IMMUTABLE_MESSAGE}'); END
    """,
)

_SQLITE_SEAL_DROP = (
    "DROP TRIGGER IF EXISTS trg_version_seals_no_update",
    "DROP TRIGGER IF EXISTS trg_version_seals_no_delete",
)

_PG_SEAL_CREATE = (
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_protect_version_seal() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' OR EXISTS (
            SELECT 1 FROM plan_versions v WHERE v.id = OLD.version_id
        ) THEN
            RAISE EXCEPTION '{IMMUTABLE_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END $$
    """,
    "DROP TRIGGER IF EXISTS trg_version_seals ON version_seals",
    """
    CREATE TRIGGER trg_version_seals BEFORE UPDATE OR DELETE ON version_seals
    FOR EACH ROW EXECUTE FUNCTION sip_desk_protect_version_seal()
    """,
)

_PG_SEAL_DROP = (
    "DROP TRIGGER IF EXISTS trg_version_seals ON version_seals",
    "DROP FUNCTION IF EXISTS sip_desk_protect_version_seal()",
)


_STATEMENTS = {
    ("sqlite", "versions"): (_SQLITE_CREATE, _SQLITE_DROP),
    ("postgresql", "versions"): (_PG_CREATE, _PG_DROP),
    ("sqlite", "seals"): (_SQLITE_SEAL_CREATE, _SQLITE_SEAL_DROP),
    ("postgresql", "seals"): (_PG_SEAL_CREATE, _PG_SEAL_DROP),
}


def _statements(dialect: str, part: str, drop: bool) -> tuple[str, ...]:
    if (dialect, part) not in _STATEMENTS:
        raise ValueError(f"no immutability triggers for {dialect}")
    create, remove = _STATEMENTS[dialect, part]
    return remove if drop else create


def install_statements(dialect: str) -> tuple[str, ...]:
    """The SQL that installs the version triggers on ``dialect`` (ValueError for another)."""
    return _statements(dialect, "versions", drop=False)


def drop_statements(dialect: str) -> tuple[str, ...]:
    """The SQL that removes the version triggers again (migration downgrade)."""
    return _statements(dialect, "versions", drop=True)


def seal_statements(dialect: str, *, drop: bool = False) -> tuple[str, ...]:
    """The SQL that installs (or, with ``drop``, removes) the triggers on ``version_seals``."""
    return _statements(dialect, "seals", drop)


def install_immutability(conn: Connection) -> None:
    """Create every trigger (versions, signatures, seals) on the store behind ``conn``."""
    for statement in install_statements(conn.dialect.name) + seal_statements(conn.dialect.name):
        conn.execute(text(statement))


def is_immutability_error(error: BaseException) -> bool:
    """True when a driver error comes from these triggers."""
    return IMMUTABLE_MESSAGE in str(getattr(error, "orig", error))
