"""Probing the shared store for an identity number is slow, counted and logged (PostgreSQL).

``persons.identity_number`` is unique across all units, so an insert that fails tells whether a
number is stored, also for a person the user may not see (a protected person of another unit).
A ``BEFORE INSERT OR UPDATE OF identity_number`` trigger (``SECURITY DEFINER``, pinned search
path) refuses such a number itself, before the unique index answers:

- it writes a line to the server's log (``RAISE LOG``: who, and the other person's id only),
- it counts the refusal in the sequence :data:`PROBES`. Both outlast a rollback, which the
  caller controls: an access-log row written here would be rolled back with the refusal,
- it waits :data:`PENALTY_S` seconds, then refuses with one message whatever the reason.

A number held by a person the user sees is left to the unique index, as before. What remains:
the refusal still differs from a success, so a number can be confirmed (slowly, and on record);
removing that needs identity numbers unique per unit, a change of the data model.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sip_desk.db.row_security import PINNED

PROBES = "sip_desk_identity_probes"
"""Refused registrations of a number held by a person the user may not see (non-transactional)."""
PENALTY_S = 1.0
MESSAGE = "sip_desk: the identity number cannot be registered here"

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION sip_desk_guard_identity_number() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
DECLARE
    other integer;
    other_creator text;
BEGIN
    IF NEW.identity_number IS NULL OR NEW.identity_number = ''
       OR (TG_OP = 'UPDATE' AND NEW.identity_number IS NOT DISTINCT FROM OLD.identity_number)
       OR session_user = (SELECT tableowner FROM pg_catalog.pg_tables
                          WHERE tablename = TG_TABLE_NAME AND schemaname = TG_TABLE_SCHEMA) THEN
        RETURN NEW;
    END IF;
    SELECT pe.id, pe.created_by INTO other, other_creator FROM public.persons pe
        WHERE pe.identity_number = NEW.identity_number AND pe.id IS DISTINCT FROM NEW.id;
    IF other IS NULL OR public.sip_desk_person_visible(other, other_creator) THEN
        RETURN NEW;
    END IF;
    PERFORM pg_catalog.nextval('public.{PROBES}');
    RAISE LOG 'sip_desk: identity probe: % tried the identity number of person % (not theirs)',
        session_user, other;
    PERFORM pg_catalog.pg_sleep({PENALTY_S});
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END $$
"""


def install_identity_guard(conn: Connection) -> None:
    """Create the counter, function and trigger (PostgreSQL; nothing elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text(f"CREATE SEQUENCE IF NOT EXISTS {PROBES}"))
    conn.execute(text(_FUNCTION))
    conn.execute(text("DROP TRIGGER IF EXISTS trg_persons_identity_guard ON persons"))
    conn.execute(
        text(
            "CREATE TRIGGER trg_persons_identity_guard BEFORE INSERT OR UPDATE OF identity_number "
            "ON persons FOR EACH ROW EXECUTE FUNCTION sip_desk_guard_identity_number()"
        )
    )


def probe_count(conn: Connection) -> int:
    """How many registrations were refused so far (PostgreSQL)."""
    last, called = conn.execute(text(f"SELECT last_value, is_called FROM {PROBES}")).one()
    return int(last) if called else 0


def remove_identity_guard(conn: Connection) -> None:
    """Undo :func:`install_identity_guard`."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("DROP TRIGGER IF EXISTS trg_persons_identity_guard ON persons"))
    conn.execute(text("DROP FUNCTION IF EXISTS sip_desk_guard_identity_number()"))
    conn.execute(text(f"DROP SEQUENCE IF EXISTS {PROBES}"))
