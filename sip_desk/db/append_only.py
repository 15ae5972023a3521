"""Triggers that keep the access log and the audit trail append-only (SQLite and PostgreSQL).

Any ``UPDATE`` or ``DELETE`` of a row is refused, whatever program writes to the store. Someone
who can drop the triggers (the file's owner, the database owner) can still change rows: the
hash chain (:mod:`sip_desk.db.chain`) then shows where. Installed by migration ``0009`` and
for a brand-new store by :func:`install_append_only`.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

APPEND_ONLY_MESSAGE = "sip_desk: the log is append-only"
LOG_TABLES = ("access_log", "audit_entries")


def _sqlite_create(table: str) -> tuple[str, ...]:
    return tuple(
        f"""
        CREATE TRIGGER IF NOT EXISTS trg_{table}_no_{op.lower()}
        BEFORE {op} ON {table} FOR EACH ROW
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END
        """
        for op in ("UPDATE", "DELETE")
    )


def _pg_create(table: str) -> tuple[str, ...]:
    return (
        f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}",
        f"""
        CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION sip_desk_append_only()
        """,
    )


_PG_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION sip_desk_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END $$
"""


def append_only_statements(dialect: str, *, drop: bool = False) -> tuple[str, ...]:
    """The SQL that installs (or, with ``drop``, removes) the triggers on ``dialect``."""
    if dialect == "sqlite":
        if drop:
            return tuple(
                f"DROP TRIGGER IF EXISTS trg_{t}_no_{op}"
                for t in LOG_TABLES
                for op in ("update", "delete")
            )
        return tuple(s for t in LOG_TABLES for s in _sqlite_create(t))
    if dialect == "postgresql":
        if drop:
            return (
                *(f"DROP TRIGGER IF EXISTS trg_{t}_append_only ON {t}" for t in LOG_TABLES),
                "DROP FUNCTION IF EXISTS sip_desk_append_only()",
            )
        return (_PG_FUNCTION, *(s for t in LOG_TABLES for s in _pg_create(t)))
    raise ValueError(f"no append-only triggers for {dialect}")


def install_append_only(conn: Connection) -> None:
    """Create the triggers on the store behind ``conn``."""
    for statement in append_only_statements(conn.dialect.name):
        conn.execute(text(statement))


def missing_append_only(conn: Connection) -> list[str]:
    """The SQLite triggers that were dropped (a store made by this build has them all).

    Empty for a store without the log tables (an older schema: migration ``0009`` installs
    them) and on PostgreSQL (only the owner role can drop them there).
    """
    if conn.dialect.name != "sqlite":
        return []
    rows = conn.execute(
        text("SELECT type, name FROM sqlite_master WHERE type IN ('table','trigger')")
    )
    found = {(kind, name) for kind, name in rows}
    if not all(("table", t) in found for t in LOG_TABLES):
        return []
    wanted = [f"trg_{t}_no_{op}" for t in LOG_TABLES for op in ("update", "delete")]
    return [name for name in wanted if ("trigger", name) not in found]


def is_append_only_error(error: BaseException) -> bool:
    """True when a driver error comes from these triggers."""
    return APPEND_ONLY_MESSAGE in str(getattr(error, "orig", error))
