"""The raw sqlite3 side of the store benchmark: hand-written queries for the same rows."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

_LIST = """
SELECT p.id, pe.first_name, pe.last_name, pe.identity_number, pe.reserve_id,
       pe.protected_identity, p.status, p.lead_principal, o.name,
       (SELECT pa.name FROM participants pa
         WHERE pa.plan_id = p.id AND pa.is_coordinator = 1 LIMIT 1),
       (SELECT min(m.starts_at) FROM meetings m
         WHERE m.plan_id = p.id AND m.kind = 'follow_up' AND m.status = 'booked'
           AND m.starts_at >= :now),
       p.updated_at
  FROM plans p
  JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN organisations o ON o.id = p.lead_organisation_id
 {where}
 ORDER BY p.updated_at DESC, p.id DESC
 LIMIT :limit
"""
_SEARCH = """
 WHERE lower(pe.first_name || ' ' || pe.last_name) LIKE lower(:like)
    OR lower(pe.identity_number) LIKE lower(:like)
    OR lower(pe.reserve_id) LIKE lower(:like)
    OR p.lead_organisation_id IN (SELECT id FROM organisations WHERE lower(name) LIKE lower(:like))
    OR p.id IN (SELECT plan_id FROM participants WHERE organisation_id IN
                (SELECT id FROM organisations WHERE lower(name) LIKE lower(:like)))
"""

_PLAN = {
    "plan": "SELECT p.*, pe.*, o.name FROM plans p JOIN persons pe ON pe.id = p.person_id "
    "LEFT JOIN organisations o ON o.id = p.lead_organisation_id WHERE p.id = :id",
    "representatives": "SELECT r.* FROM representatives r JOIN plans p ON p.person_id = "
    "r.person_id WHERE p.id = :id ORDER BY r.position",
    "participants": "SELECT x.*, o.name, o.principal_type, u.name FROM participants x "
    "LEFT JOIN organisations o ON o.id = x.organisation_id LEFT JOIN units u ON u.id = x.unit_id "
    "WHERE x.plan_id = :id ORDER BY x.position",
    "consents": "SELECT c.*, o.name, o.principal_type FROM information_consents c "
    "JOIN organisations o ON o.id = c.organisation_id WHERE c.plan_id = :id ORDER BY c.id",
    "goals": "SELECT * FROM goals WHERE plan_id = :id ORDER BY position",
    "needs": "SELECT * FROM needs WHERE plan_id = :id ORDER BY position",
    "actions": "SELECT a.*, o.name, u.name FROM actions a "
    "LEFT JOIN organisations o ON o.id = a.organisation_id LEFT JOIN units u ON u.id = a.unit_id "
    "WHERE a.plan_id = :id ORDER BY a.position",
    "action_goals": "SELECT ag.* FROM action_goals ag JOIN actions a ON a.id = ag.action_id "
    "WHERE a.plan_id = :id",
    "meetings": "SELECT * FROM meetings WHERE plan_id = :id ORDER BY starts_at",
    "action_reviews": "SELECT r.* FROM action_reviews r JOIN meetings m ON m.id = r.meeting_id "
    "WHERE m.plan_id = :id ORDER BY r.id",
    "goal_reviews": "SELECT r.* FROM goal_reviews r JOIN meetings m ON m.id = r.meeting_id "
    "WHERE m.plan_id = :id ORDER BY r.id",
    "versions": "SELECT * FROM plan_versions WHERE plan_id = :id ORDER BY number",
}


def stored(moment: datetime) -> str:
    """A UTC datetime as SQLAlchemy stores it in SQLite (naive UTC text)."""
    return moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def raw_list(conn: sqlite3.Connection, now: datetime, text: str, limit: int) -> list[Any]:
    """The plan list page, as the services' list query, in one hand-written statement."""
    where = _SEARCH if text else ""
    params = {"now": stored(now), "like": f"%{text}%", "limit": limit}
    return conn.execute(_LIST.format(where=where), params).fetchall()


def raw_get_plan(conn: sqlite3.Connection, plan_id: int) -> dict[str, list[Any]]:
    """Every row of one plan, one query per list."""
    return {name: conn.execute(sql, {"id": plan_id}).fetchall() for name, sql in _PLAN.items()}
