"""The worklist's counts per urgency bucket, exact or capped; Core queries that never write.

An exact count reads every row in the window (seconds at 100,000 plans); a capped count reads
at most ``cap`` rows per branch and bucket, so its cost does not grow with the store.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session

from sip_desk.db.queries.worklist import Window
from sip_desk.db.queries.worklist_branches import Branch, branches
from sip_desk.domain.worklist import Urgency, WorklistCounts, WorklistFilter

_BUCKETS = (Urgency.OVERDUE, Urgency.TODAY, Urgency.THIS_WEEK, Urgency.WITHIN_30_DAYS)


def _exact_counts(session: Session, branch: Branch, window: Window) -> WorklistCounts:
    stmt = window.apply(branch)
    if stmt is None:
        return WorklistCounts()
    if branch.due is None:
        total = session.scalar(select(func.count()).select_from(stmt.subquery()))
        return WorklistCounts(today=int(total or 0))
    sub = stmt.with_only_columns(branch.due.label("due")).subquery()
    start, tomorrow, week, _end = window.bounds(branch)

    def between(low: Any, high: Any) -> Any:
        due = sub.c.due
        cond = due < high if low is None else (due >= low) & (due < high)
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    row = session.execute(
        select(
            between(None, start),
            between(start, tomorrow),
            between(tomorrow, week),
            func.count(),
        )
    ).one()
    overdue, today, this_week, total = (int(v or 0) for v in row)
    return WorklistCounts(
        overdue=overdue,
        today=today,
        this_week=this_week,
        within_30_days=total - overdue - today - this_week,
    )


def _bucket_stmts(branch: Branch, window: Window) -> dict[Urgency, Select[Any]]:
    """One select per urgency bucket the branch can have rows in."""
    stmt = window.apply(branch)
    if stmt is None:
        return {}
    if branch.due is None:
        return {Urgency.TODAY: stmt}
    start, tomorrow, week, end = window.bounds(branch)
    ranges = ((None, start), (start, tomorrow), (tomorrow, week), (week, end))
    found: dict[Urgency, Select[Any]] = {}
    for urgency, (low, high) in zip(_BUCKETS, ranges, strict=True):
        bucket = stmt if high is None else stmt.where(branch.due < high)
        found[urgency] = bucket if low is None else bucket.where(branch.due >= low)
    return found


def _capped_counts(session: Session, branch: Branch, window: Window, cap: int) -> WorklistCounts:
    values: dict[Urgency, int] = {}
    for urgency, stmt in _bucket_stmts(branch, window).items():
        rows = stmt.with_only_columns(literal(1).label("one")).limit(cap).subquery()
        values[urgency] = int(session.scalar(select(func.count()).select_from(rows)) or 0)
    capped = frozenset(u for u, n in values.items() if n >= cap)
    return WorklistCounts(**{u.name.lower(): n for u, n in values.items()}, capped=capped)


def count_items(
    session: Session,
    f: WorklistFilter,
    today: date,
    first_meeting_days: int,
    cap: int | None = None,
) -> WorklistCounts:
    """Rows per urgency bucket, with the filter applied (paging ignored).

    With ``cap``, at most this many rows are read per branch and bucket; a bucket that reached
    it is marked in :attr:`WorklistCounts.capped`. ``None`` counts exactly.
    """
    window = Window.of(dataclasses.replace(f, from_due=None), today)  # paging ignored
    total = WorklistCounts()
    for branch in branches(f, today, first_meeting_days):
        if cap is None:
            total += _exact_counts(session, branch, window)
        else:
            total += _capped_counts(session, branch, window, cap)
    return total
