"""The access log and audit trail on PostgreSQL: the database names the writer, none empties them.

- A row's ``user`` is ``session_user`` (the login role), whatever the client sent; a row that
  a client wrote with another name therefore fails its hash and shows as a break of the chain.
  The tables' owner (migrations, imports, tests that act for named users) is not rewritten.
- ``TRUNCATE`` of either table is refused, for the owner too (a statement-level trigger).
  Whoever must empty them (a test fixture) disables :data:`NO_TRUNCATE` first, in the open.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sip_desk.db.row_security import PINNED

LOG_TABLES = ("access_log", "audit_entries")
NO_TRUNCATE = "trg_{table}_no_truncate"
_STAMP = "trg_{table}_stamp_user"

_FUNCTIONS = (
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_stamp_log_user() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
    BEGIN
        IF session_user IS DISTINCT FROM (SELECT tableowner FROM pg_catalog.pg_tables
                                          WHERE tablename = TG_TABLE_NAME
                                          AND schemaname = TG_TABLE_SCHEMA) THEN
            NEW."user" := session_user;
        END IF;
        RETURN NEW;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION sip_desk_refuse_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'sip_desk: % cannot be emptied', TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END $$
    """,
)


def install_functions(conn: Connection) -> None:
    """(Re)create the guard's functions only."""
    for statement in _FUNCTIONS:
        conn.execute(text(statement))


def install_log_guard(conn: Connection) -> None:
    """Create the functions and triggers (PostgreSQL; nothing elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    install_functions(conn)
    for table in LOG_TABLES:
        stamp, refuse = _STAMP.format(table=table), NO_TRUNCATE.format(table=table)
        conn.execute(text(f"DROP TRIGGER IF EXISTS {stamp} ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {stamp} BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION sip_desk_stamp_log_user()"
            )
        )
        conn.execute(text(f"DROP TRIGGER IF EXISTS {refuse} ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {refuse} BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION sip_desk_refuse_truncate()"
            )
        )


def remove_log_guard(conn: Connection) -> None:
    """Undo :func:`install_log_guard`."""
    if conn.dialect.name != "postgresql":
        return
    for table in LOG_TABLES:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {_STAMP.format(table=table)} ON {table}"))
        conn.execute(text(f"DROP TRIGGER IF EXISTS {NO_TRUNCATE.format(table=table)} ON {table}"))
    conn.execute(text("DROP FUNCTION IF EXISTS sip_desk_stamp_log_user()"))
    conn.execute(text("DROP FUNCTION IF EXISTS sip_desk_refuse_truncate()"))
