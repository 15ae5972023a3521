"""The rights of a store's group roles on PostgreSQL (``sip-desk admin setup``).

``<database>_users`` reads and writes the plans' tables (under row-level security), reads
units, organisations and memberships and may add an organisation or unit, reads and appends to
the logs as :mod:`sip_desk.db.log_security` allows; ``<database>_admin`` also changes units,
organisations and memberships; ``<database>_log_review`` also reads every row of the logs.
"""

from __future__ import annotations

from sqlalchemy import Connection, inspect, text

from sip_desk.db.base import Base
from sip_desk.db.identity_guard import PROBES
from sip_desk.db.log_security import log_grants
from sip_desk.domain.errors import DomainError

LOG_TABLES = ("audit_entries", "access_log")
"""Append-only: the application reads the rows it may see and appends through a function."""
_ADMIN_TABLES = ("memberships", "units", "organisations")


def quoted(conn: Connection, name: str) -> str:
    """``name`` as a quoted SQL identifier."""
    return conn.dialect.identifier_preparer.quote_identifier(name)


def sql_literal(value: str) -> str:
    """``value`` as a quoted SQL string (a role's password: DDL takes no parameters)."""
    if "\x00" in value:
        raise DomainError("admin.bad_password")
    return "'" + value.replace("'", "''") + "'"


def grant_statements(conn: Connection, users: str, admin: str, reviewers: str) -> list[str]:
    """The statements that give the three group roles (quoted names) their rights."""
    tables = set(inspect(conn).get_table_names())
    data = sorted(
        t.name
        for t in Base.metadata.sorted_tables
        if t.name in tables and t.name not in (*LOG_TABLES, *_ADMIN_TABLES)
    )
    schema = quoted(conn, str(conn.execute(text("SELECT current_schema()")).scalar_one()))
    database = quoted(conn, str(conn.execute(text("SELECT current_database()")).scalar_one()))
    out = [
        # No temporary tables for anyone: a caller's temp table cannot stand in for a table a
        # function reads (the functions pin their search path too: db.pg_hardening).
        f"REVOKE TEMPORARY ON DATABASE {database} FROM PUBLIC",
        # A hardened database revokes USAGE on the schema from PUBLIC: the roles get it here.
        f"GRANT USAGE ON SCHEMA {schema} TO {users}, {admin}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(data)} TO {users}",
        # Memberships (who sees a unit's plans): only the administrator changes them. The
        # editor names organisations and units of participants and actions as they are typed,
        # so a user may add one (which lets nobody see anything), never rename or remove one.
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {', '.join(_ADMIN_TABLES)} FROM {users}",
        f"GRANT SELECT ON organisations, units, memberships, alembic_version TO {users}",
        f"GRANT INSERT ON organisations, units TO {users}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {users}",
    ]
    if all(t in tables for t in LOG_TABLES):
        out += log_grants(users, reviewers)
    # The count of refused identity probes is the server's to raise (db.identity_guard).
    out.append(f"REVOKE ALL ON SEQUENCE {PROBES} FROM {users}")
    out.append(f"GRANT SELECT ON SEQUENCE {PROBES} TO {admin}")
    out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(_ADMIN_TABLES)} TO {admin}")
    out.append(f"GRANT {users} TO {admin}")
    out.append(f"GRANT {users} TO {reviewers}")
    return out
