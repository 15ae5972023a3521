"""The server hashes every new log row itself (PostgreSQL): no client can break or forge the chain.

A ``BEFORE INSERT`` trigger on the access log and the audit trail numbers the row after the
newest one and sets its ``prev_hash`` and ``row_hash`` as :mod:`sip_desk.db.chain` does
(SHA-256 over the same canonical JSON), under the same advisory lock as
:func:`sip_desk.db.chain.append`. A row the application wrote gets the hash it computed; a row a
client wrote without a hash, or with a made-up one, is chained like any other instead of
breaking the chain for good. It runs after the writer's name is stamped (``db.log_guard``):
triggers of one event fire in name order. Nothing on SQLite (one user; the file is theirs).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sip_desk.db.chain import _INTEGERS, GENESIS, TABLES, ChainedTable
from sip_desk.db.row_security import PINNED

TRIGGER = "trg_{table}_zz_chain"
"""Named to sort after ``trg_{table}_stamp_user``: the name it hashes is the stamped one."""


def _json(name: str) -> str:
    """SQL for the field as ``json.dumps(..., ensure_ascii=False)`` writes it."""
    if name == "at":
        stamp = "to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
        return f"to_json({stamp} || '+00:00')::text"
    if name in _INTEGERS:
        return f"COALESCE(NEW.{name}::text, 'null')"
    return f"COALESCE(to_json(NEW.\"{name}\"::text)::text, 'null')"


def function_name(spec: ChainedTable) -> str:
    """The name of the trigger function of ``spec``'s table."""
    return f"sip_desk_chain_{spec.name}"


def _function(spec: ChainedTable) -> str:
    parts = " || ',' || ".join(_json(f) for f in spec.fields)
    return f"""
    CREATE OR REPLACE FUNCTION {function_name(spec)}() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
    DECLARE
        last_id integer;
        last_hash text;
    BEGIN
        PERFORM pg_catalog.pg_advisory_xact_lock({spec.lock_key});
        SELECT t.id, t.row_hash INTO last_id, last_hash
            FROM public.{spec.name} t ORDER BY t.id DESC LIMIT 1;
        NEW.id := COALESCE(last_id, 0) + 1;
        NEW.prev_hash := COALESCE(NULLIF(last_hash, ''), '{GENESIS}');
        NEW.row_hash := encode(sha256(convert_to(
            '[' || to_json(NEW.prev_hash::text)::text || ',' || {parts} || ']', 'UTF8')), 'hex');
        RETURN NEW;
    END $$
    """


def install_log_chain_guard(conn: Connection) -> None:
    """Create the functions and triggers (PostgreSQL; nothing elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    for spec in TABLES.values():
        trigger = TRIGGER.format(table=spec.name)
        conn.execute(text(_function(spec)))
        conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger} ON {spec.name}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {trigger} BEFORE INSERT ON {spec.name} "
                f"FOR EACH ROW EXECUTE FUNCTION {function_name(spec)}()"
            )
        )


def remove_log_chain_guard(conn: Connection) -> None:
    """Undo :func:`install_log_chain_guard`."""
    if conn.dialect.name != "postgresql":
        return
    for spec in TABLES.values():
        conn.execute(
            text(f"DROP TRIGGER IF EXISTS {TRIGGER.format(table=spec.name)} ON {spec.name}")
        )
        conn.execute(text(f"DROP FUNCTION IF EXISTS {function_name(spec)}()"))
