"""Audit rows for the administrator's changes: units, organisations, memberships, role grants.

Written through :func:`sip_desk.db.chain.append` in the same transaction as the change, so the
audit chain holds. The user is the database's ``session_user`` on PostgreSQL (the log guard
stamps it there anyway) and the OS account on SQLite. Rows name no person and no plan.
"""

from __future__ import annotations

import getpass

from sqlalchemy import Connection, text

from sip_desk.db.base import utcnow
from sip_desk.db.chain import append
from sip_desk.domain.enums import AuditAction


def _user(conn: Connection) -> str:
    if conn.dialect.name == "postgresql":
        return str(conn.execute(text("SELECT session_user")).scalar_one())
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def audit_admin_change(
    conn: Connection,
    action: AuditAction,
    entity: str,
    entity_id: int | None,
    field: str,
    old: str | None = None,
    new: str | None = None,
) -> None:
    """Append one audit row: ``action`` on ``entity`` ``entity_id`` (``field``: old → new)."""
    row = {
        "at": utcnow(),
        "user": _user(conn),
        "unit": "",
        "action": action,
        "plan_id": None,
        "person_id": None,
        "entity": entity,
        "entity_id": entity_id,
        "field": field,
        "old": old,
        "new": new,
    }
    append(conn, "audit_entries", [row])
