"""The plan list sorted by a column and paged by key (``WHERE (key, id) > (:key, :id)``).

Every order walks an index from the cursor on, so a page 50,000 rows down costs what the first
does (OFFSET reads and throws away every row before it). Rows without a value in the sort column
(no coordinator, no booked follow-up) form a second phase after the others, ordered by id, in
either direction. A coordinator or a follow-up sort is driven from the participants or meetings
index, one row per plan (its first coordinator by id, its next booked follow-up).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from sip_desk.db.queries.plan_list import COLUMNS, FROM, run, summary, where_clauses
from sip_desk.domain.plan_list import PlanCursor, PlanPage, PlanPageQuery, PlanSort

_NEXT = "m.plan_id = p.id AND m.kind = 'follow_up' AND m.status = 'booked' AND m.starts_at >= :now"
_OTHER_NEXT = _NEXT.replace("m.", "m2.")
_WIDTH = 12  # the columns of COLUMNS; the sort key follows them


@dataclass(frozen=True)
class _Order:
    """How one column sorts.

    Attributes:
        keys: the sort key, most significant first (the plan id breaks the last tie).
        join: the table the order is driven from, when it is not the plan's own row.
        present: what a phase-0 row must meet (one row per plan).
        absent: the phase-1 rows (no value), or ``None`` when every plan has a value.
        source: the FROM clause of phase 0 when the plan's own one does not fit.
    """

    keys: tuple[str, ...]
    join: str = ""
    source: str = FROM
    present: str = ""
    absent: str | None = None


_ORDERS = {
    PlanSort.UPDATED: _Order(("p.updated_at",)),
    PlanSort.PERSON: _Order(("pe.first_name", "pe.last_name", "pe.id")),
    PlanSort.IDENTITY: _Order(
        ("pe.identity_number",),
        present="pe.identity_number >= ''",  # not NULL, and a range the index can seek
        absent="pe.identity_number IS NULL",
    ),
    PlanSort.STATUS: _Order(("p.status",)),
    # CROSS JOIN: SQLite walks the few organisations in name order and each one's plans by id
    # (otherwise it sorts every plan); PostgreSQL plans it as any join.
    PlanSort.LEAD: _Order(
        ("o.name", "o.id"),
        source=" FROM organisations o CROSS JOIN plans p JOIN persons pe ON pe.id = p.person_id",
        present="p.lead_organisation_id = o.id",
        absent="p.lead_organisation_id IS NULL",
    ),
    PlanSort.COORDINATOR: _Order(
        ("c.name",),
        join=" JOIN participants c ON c.plan_id = p.id AND c.is_coordinator = TRUE",
        present="NOT EXISTS (SELECT 1 FROM participants c2"
        " WHERE c2.plan_id = p.id AND c2.is_coordinator AND c2.id < c.id)",
        absent="NOT EXISTS (SELECT 1 FROM participants c2"
        " WHERE c2.plan_id = p.id AND c2.is_coordinator)",
    ),
    PlanSort.NEXT_FOLLOW_UP: _Order(
        ("m.starts_at", "m.id"),
        join=f" JOIN meetings m ON {_NEXT}",
        present=f"NOT EXISTS (SELECT 1 FROM meetings m2 WHERE {_OTHER_NEXT}"
        " AND (m2.starts_at < m.starts_at OR (m2.starts_at = m.starts_at AND m2.id < m.id)))",
        absent=f"NOT EXISTS (SELECT 1 FROM meetings m2 WHERE {_OTHER_NEXT})",
    ),
}


def plan_page(conn: Connection, query: PlanPageQuery, now: datetime) -> PlanPage:
    """One page of the plan list in ``query``'s order, after (or before) its cursor."""
    order = _ORDERS[query.sort]
    phases = [0] if order.absent is None else [0, 1]
    if query.backwards:
        phases.reverse()
    start = query.after.phase if query.after is not None else phases[0]
    found: list[tuple[Sequence[Any], PlanCursor]] = []
    for phase in phases[phases.index(start) :]:
        after = query.after if query.after is not None and query.after.phase == phase else None
        want = query.limit - len(found)
        found += _read_phase(conn, query, order, phase, after, want, now)
        if len(found) >= query.limit:
            break
    if query.backwards:
        found.reverse()
    return PlanPage([summary(row, now) for row, _c in found], [c for _r, c in found])


def _read_phase(
    conn: Connection,
    query: PlanPageQuery,
    order: _Order,
    phase: int,
    after: PlanCursor | None,
    limit: int,
    now: datetime,
) -> list[tuple[Sequence[Any], PlanCursor]]:
    """Up to ``limit`` rows of one phase, after ``after``, in two seeks.

    First the rest of the cursor's own leading key (``key = :k0 AND (rest, id) > …``), then
    the keys beyond it (``key > :k0``).

    One row-value condition ``(key, id) > (:k0, :kid)`` would seek by ``key`` alone and then
    walk every row sharing it (a third of the store for a status).
    """
    keys = order.keys if phase == 0 else ()
    # Rows without a value keep ascending ids unless the whole list is read backwards.
    descending = (query.descending if phase == 0 else False) != query.backwards
    found: list[tuple[Sequence[Any], PlanCursor]] = []
    for condition in _after(keys, after, descending):
        want = limit - len(found)
        if want <= 0:
            break
        params: dict[str, Any] = {"now": now, "limit": want}
        clauses = where_clauses(query, params)
        if phase == 0:
            sql = COLUMNS + "".join(f", {k}" for k in keys) + order.source + order.join
            clauses.append(order.present or "1 = 1")
        else:
            sql = COLUMNS + FROM
            clauses.append(order.absent or "1 = 0")
        if after is not None:
            params.update({f"k{i}": v for i, v in enumerate(after.keys)}, kid=after.plan_id)
        if condition:
            clauses.append(condition)
        sql += " WHERE " + " AND ".join(f"({c})" for c in clauses)
        direction = " DESC" if descending else ""
        sql += " ORDER BY " + ", ".join(f"{k}{direction}" for k in (*keys, "p.id"))
        found += [
            (row, PlanCursor(phase, tuple(row[_WIDTH : _WIDTH + len(keys)]), int(row[0])))
            for row in run(conn, sql + " LIMIT :limit", params)
        ]
    return found


def _after(keys: tuple[str, ...], cursor: PlanCursor | None, descending: bool) -> list[str]:
    """The conditions, in order, for the rows after ``cursor`` ("": every row)."""
    if cursor is None:
        return [""]
    op = "<" if descending else ">"
    if not keys:
        return [f"p.id {op} :kid"]
    rest = ", ".join((*keys[1:], "p.id"))
    values = ", ".join((*(f":k{i}" for i in range(1, len(keys))), ":kid"))
    return [f"{keys[0]} = :k0 AND ({rest}) {op} ({values})", f"{keys[0]} {op} :k0"]
