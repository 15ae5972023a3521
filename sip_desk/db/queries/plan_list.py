"""The plan list as one hand-written statement on the session's DBAPI cursor.

The list is shown at start-up and re-queried while the user types a search, so it skips the
ORM and SQLAlchemy's per-statement result machinery (about 2 ms a page, several times the
SQLite work). The statement is the same on SQLite and PostgreSQL apart from the parameter style
and case-insensitive matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.plan import PlanQuery, PlanSummary

_COLUMNS = """
SELECT p.id, pe.first_name, pe.last_name, pe.identity_number, pe.reserve_id,
       pe.protected_identity, p.status, p.lead_principal, o.name,
       (SELECT pa.name FROM participants pa
         WHERE pa.plan_id = p.id AND pa.is_coordinator LIMIT 1),
       (SELECT min(m.starts_at) FROM meetings m
         WHERE m.plan_id = p.id AND m.kind = 'follow_up' AND m.status = 'booked'
           AND m.starts_at >= :now),
       p.updated_at
"""
_FROM = """
  FROM plans p
  JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN organisations o ON o.id = p.lead_organisation_id
"""
# Organisations are matched first (few rows), then their plans through the indexes.
_SEARCH = """
 (fold(pe.first_name || ' ' || pe.last_name) LIKE :like
  OR fold(pe.identity_number) LIKE :like
  OR fold(pe.reserve_id) LIKE :like
  OR p.lead_organisation_id IN (SELECT id FROM organisations WHERE fold(name) LIKE :like)
  OR p.id IN (SELECT plan_id FROM participants WHERE organisation_id IN
              (SELECT id FROM organisations WHERE fold(name) LIKE :like)))
"""


def _where(query: PlanQuery, params: dict[str, Any]) -> str:
    clauses = []
    if query.status is not None:
        clauses.append("p.status = :status")
        params["status"] = query.status.value
    text = query.text.strip()
    if text:
        params["like"] = f"%{text.replace('%', '').replace('_', '').lower()}%"
        clauses.append(_SEARCH)
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _run(conn: Connection, sql: str, params: dict[str, Any]) -> list[Sequence[Any]]:
    if conn.dialect.name == "sqlite":
        # SQLite's lower() folds ASCII only; sip_fold (db/engine.py) folds Å, Ö, Ђ, … too.
        sql = sql.replace("fold(", "sip_fold(")
        params = {k: _sqlite_value(v) for k, v in params.items()}
    else:
        sql = sql.replace("fold(", "lower(")
        for name in params:
            sql = sql.replace(f":{name}", f"%({name})s")
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):  # stored as naive UTC text, compared as text
        return value.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, bool):
        return int(value)
    return value


_STATUS = {s.value: s for s in PlanStatus}
_PRINCIPAL: dict[str | None, PrincipalType | None] = {p.value: p for p in PrincipalType}
_PRINCIPAL[None] = None


def _utc(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite: naive UTC text
        return datetime.fromisoformat(value + "+00:00")
    assert isinstance(value, datetime)
    return value.astimezone(UTC)


def list_plans(conn: Connection, query: PlanQuery, now: datetime) -> list[PlanSummary]:
    """One page of plans, most recently changed first."""
    params: dict[str, Any] = {"now": now, "offset": query.offset}
    sql = _COLUMNS + _FROM + _where(query, params) + " ORDER BY p.updated_at DESC, p.id DESC"
    if query.limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = query.limit
    elif conn.dialect.name == "sqlite":
        sql += " LIMIT -1"
    sql += " OFFSET :offset"
    rows = _run(conn, sql, params)
    return [
        PlanSummary(
            id=row[0],
            person_name=f"{row[1]} {row[2]}",
            identity_number=row[3],
            reserve_id=row[4],
            protected_identity=bool(row[5]),
            status=_STATUS[row[6]],
            lead_principal=_PRINCIPAL[row[7]],
            lead_organisation=row[8] or "",
            coordinator_name=row[9] or "",
            next_follow_up_at=_utc(row[10]),
            updated_at=_utc(row[11]) or now,
        )
        for row in rows
    ]


def count_plans(conn: Connection, query: PlanQuery) -> int:
    """How many plans match (paging ignored)."""
    params: dict[str, Any] = {}
    rows = _run(conn, "SELECT count(*) " + _FROM + _where(query, params), params)
    return int(rows[0][0])
