"""The worklist's first page by hand-written sqlite3, for bench_worklist.py to compare with.

One ``SELECT * FROM (... ORDER BY due LIMIT :page)`` per worklist source. ``raw_page`` follows
the service's plan; ``RAW_SQL`` is the naive single statement of every source.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

from sip_desk.db.queries.worklist import local_midnight
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.worklist import DEFAULT_FIRST_MEETING_DAYS

PAGE = 200

_COORD = (
    "(SELECT c.name FROM participants c WHERE c.plan_id = p.id AND c.is_coordinator = 1 LIMIT 1)"
)
_PLAN = "JOIN plans p ON p.id = {t}.plan_id JOIN persons pe ON pe.id = p.person_id"
_COLS = "p.id AS plan_id, pe.first_name, pe.last_name, p.status, " + _COORD + " AS coordinator"

RAW_PARTS = {
    "meetings": f"""
SELECT * FROM (SELECT 'follow_up_meeting' AS kind, m.id AS item_id,
    date(m.starts_at, :offset) AS due, 0 AS rnk, '' AS w, m.starts_at AS ts, m.id AS tie,
    m.place AS title, cv.name AS responsible, lo.name AS organisation, {_COLS}
  FROM meetings m {_PLAN.format(t="m")}
  LEFT JOIN participants cv ON cv.id = m.convenor_participant_id
  LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
  WHERE m.status = 'booked' AND m.kind = 'follow_up' AND p.status != 'closed'
    AND m.starts_at < :end_ts ORDER BY m.starts_at, m.id LIMIT :page)
""",
    "planned_actions": f"""
SELECT * FROM (SELECT 'action', a.id, a.end_date, 2, '', '', a.id, a.description,
    r.name, o.name, {_COLS}
  FROM actions a {_PLAN.format(t="a")}
  LEFT JOIN participants r ON r.id = a.responsible_participant_id
  LEFT JOIN organisations o ON o.id = a.organisation_id
  WHERE a.status = 'planned' AND a.end_date IS NOT NULL AND a.end_date < :end_date
    AND p.status != 'closed' ORDER BY a.end_date, a.id LIMIT :page)
""",
    "ongoing_actions": f"""
SELECT * FROM (SELECT 'action', a.id, a.end_date, 2, '', '', a.id, a.description,
    r.name, o.name, {_COLS}
  FROM actions a {_PLAN.format(t="a")}
  LEFT JOIN participants r ON r.id = a.responsible_participant_id
  LEFT JOIN organisations o ON o.id = a.organisation_id
  WHERE a.status = 'ongoing' AND a.end_date IS NOT NULL AND a.end_date < :end_date
    AND p.status != 'closed' ORDER BY a.end_date, a.id LIMIT :page)
""",
    "consent_expiring": f"""
SELECT * FROM (SELECT 'consent_expiring', ic.id, ic.valid_until, 1, 'consent_expiring',
    '', ic.id, o.name, '', o.name, {_COLS}
  FROM information_consents ic {_PLAN.format(t="ic")}
  JOIN organisations o ON o.id = ic.organisation_id
  WHERE ic.valid_until >= :today AND ic.revoked_on IS NULL AND ic.valid_until < :end_date
    AND p.status != 'closed' ORDER BY ic.valid_until, ic.id LIMIT :page)
""",
    "consent_revoked": f"""
SELECT * FROM (SELECT 'consent_revoked', ic.id, ic.revoked_on, 1, 'consent_revoked',
    '', ic.id, o.name, '', o.name, {_COLS}
  FROM information_consents ic {_PLAN.format(t="ic")}
  JOIN organisations o ON o.id = ic.organisation_id
  WHERE ic.revoked_on IS NOT NULL AND ic.revoked_on < :end_date AND p.status != 'closed'
  ORDER BY ic.revoked_on, ic.id LIMIT :page)
""",
    "no_follow_up": f"""
SELECT * FROM (SELECT 'no_follow_up', NULL, :today, 1, 'no_follow_up', '', p.id, '',
    '', lo.name, {_COLS}
  FROM plans p JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
  WHERE p.status = 'active' AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.plan_id = p.id
    AND m.kind = 'follow_up' AND m.status = 'booked') ORDER BY p.id LIMIT :page)
""",
    "no_first_meeting": f"""
SELECT * FROM (SELECT 'no_first_meeting', NULL, date(p.requested_on, :limit_days), 1,
    'no_first_meeting', '', p.id, '', '', lo.name, {_COLS}
  FROM plans p JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
  WHERE p.requested_on IS NOT NULL AND p.status != 'closed' AND p.requested_on < :first_end
    AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.plan_id = p.id AND m.kind = 'first'
      AND m.status != 'cancelled') ORDER BY p.requested_on, p.id LIMIT :page)
""",
}
"""One ``SELECT * FROM (... ORDER BY due LIMIT :page)`` per worklist source, as hand-written SQL."""


def raw_sql(names: list[str]) -> str:
    """The sources merged in one statement: the first page in urgency order."""
    union = " UNION ALL ".join(RAW_PARTS[n].strip() for n in names)
    return union + " ORDER BY due, rnk, w, ts, tie LIMIT :page"


RAW_SQL = raw_sql(list(RAW_PARTS))
ANTI_JOINS = ("no_first_meeting", "no_follow_up")
RAW_SQL_STREAMED = raw_sql([n for n in RAW_PARTS if n not in ANTI_JOINS])


def raw_page(conn: sqlite3.Connection, params: dict[str, object]) -> list[tuple[object, ...]]:
    """The first page by raw sqlite3, by the service's plan.

    The sources read in due order are merged by SQLite; the anti-joins then run only for rows
    due by the last row of that page ("no booked follow-up", due today, not at all when the
    page is full of overdue rows). The rows are merged in Python like the service does.
    """
    rows = conn.execute(RAW_SQL_STREAMED, params).fetchall()
    last = date.fromisoformat(str(rows[-1][2])) if len(rows) == PAGE else None
    today = date.fromisoformat(str(params["today"]))
    if last is None or last >= today:
        rows += conn.execute(RAW_PARTS["no_follow_up"], params).fetchall()
    bounded = dict(params)
    if last is not None:
        by_last = last + timedelta(days=1 - DEFAULT_FIRST_MEETING_DAYS)
        bounded["first_end"] = min(str(params["first_end"]), by_last.isoformat())
    rows += conn.execute(RAW_PARTS["no_first_meeting"], bounded).fetchall()
    rows.sort(key=lambda r: (str(r[2]), r[3], r[4], str(r[5]), r[6]))
    return rows[:PAGE]


def raw_params(today_utc: datetime) -> dict[str, object]:
    today = today_utc.astimezone(LOCAL_TZ).date()
    end = today + timedelta(days=31)
    offset = today_utc.astimezone(LOCAL_TZ).utcoffset() or timedelta()
    end_ts = local_midnight(end).replace(tzinfo=None).isoformat(sep=" ")
    return {
        "today": today.isoformat(),
        "end_date": end.isoformat(),
        "end_ts": end_ts,
        "first_end": (end - timedelta(days=DEFAULT_FIRST_MEETING_DAYS)).isoformat(),
        "limit_days": f"+{DEFAULT_FIRST_MEETING_DAYS} days",
        "offset": f"+{int(offset.total_seconds() // 3600)} hours",
        "page": PAGE,
    }
