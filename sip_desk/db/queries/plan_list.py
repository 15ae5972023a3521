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
from sip_desk.domain.plan_list import PlanPageQuery

COLUMNS = """
SELECT p.id, pe.first_name, pe.last_name, pe.identity_number, pe.reserve_id,
       pe.protected_identity, p.status, p.lead_principal, o.name,
       (SELECT pa.name FROM participants pa
         WHERE pa.plan_id = p.id AND pa.is_coordinator ORDER BY pa.id LIMIT 1),
       (SELECT min(m.starts_at) FROM meetings m
         WHERE m.plan_id = p.id AND m.kind = 'follow_up' AND m.status = 'booked'
           AND m.starts_at >= :now),
       p.updated_at
"""
FROM = """
  FROM plans p
  JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN organisations o ON o.id = p.lead_organisation_id
"""
# The matching plans are found once (an ephemeral table), then the page walks its order's index
# and keeps those in it. Organisations are matched first (few rows), then their plans through
# the indexes. People on the plan count when they are its coordinator or responsible for one of
# its actions.
_SEARCH = """
 p.id IN (
  SELECT sp.id FROM plans sp JOIN persons spe ON spe.id = sp.person_id
   WHERE fold(spe.first_name || ' ' || spe.last_name) LIKE :like
      OR fold(spe.identity_number) LIKE :like
      OR fold(spe.reserve_id) LIKE :like
  UNION SELECT id FROM plans WHERE lead_organisation_id IN
   (SELECT id FROM organisations WHERE fold(name) LIKE :like)
  UNION SELECT plan_id FROM participants WHERE organisation_id IN
   (SELECT id FROM organisations WHERE fold(name) LIKE :like)
  UNION SELECT sa.plan_id FROM participants sa
   WHERE fold(sa.name) LIKE :like
     AND (sa.is_coordinator OR sa.id IN (SELECT responsible_participant_id FROM actions)))
"""


def where_clauses(query: PlanQuery | PlanPageQuery, params: dict[str, Any]) -> list[str]:
    """The search and status conditions of ``query``; fills ``params``."""
    clauses = []
    if query.status is not None:
        clauses.append("p.status = :status")
        params["status"] = query.status.value
    text = query.text.strip()
    if text:
        params["like"] = f"%{text.replace('%', '').replace('_', '').lower()}%"
        clauses.append(_SEARCH)
    return clauses


def _where(query: PlanQuery | PlanPageQuery, params: dict[str, Any]) -> str:
    clauses = where_clauses(query, params)
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def run(conn: Connection, sql: str, params: dict[str, Any]) -> list[Sequence[Any]]:
    """Execute ``sql`` (named ``:params``) on the raw DBAPI cursor of either dialect."""
    if conn.dialect.name == "sqlite":
        # SQLite's LIKE ignores the case of ASCII letters only; sip_fold (db/engine.py) folds Å,
        # Ö, Ђ, … too, at a Python call per value (~1 s for 100,000 plans), so only when needed.
        like = params.get("like")
        sql = sql.replace("fold(", "(" if like is None or like.isascii() else "sip_fold(")
        params = {k: _sqlite_value(v) for k, v in params.items()}
    else:
        sql = sql.replace("fold(", "lower(")
        for name in sorted(params, key=len, reverse=True):  # :k10 before :k1
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
    """One page of plans, most recently changed first, by offset (the CLI; the app pages by key)."""
    params: dict[str, Any] = {"now": now, "offset": query.offset}
    sql = COLUMNS + FROM + _where(query, params) + " ORDER BY p.updated_at DESC, p.id DESC"
    if query.limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = query.limit
    elif conn.dialect.name == "sqlite":
        sql += " LIMIT -1"
    sql += " OFFSET :offset"
    return [summary(row, now) for row in run(conn, sql, params)]


def summary(row: Sequence[Any], now: datetime) -> PlanSummary:
    """A row of :data:`COLUMNS` as the list's DTO."""
    return PlanSummary(
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


def count_plans(conn: Connection, query: PlanQuery | PlanPageQuery) -> int:
    """How many plans match (paging ignored)."""
    params: dict[str, Any] = {}
    rows = run(conn, "SELECT count(*) " + FROM + _where(query, params), params)
    return int(rows[0][0])
