"""Worklist pages and the caseload as Core queries that take a Session; they never write.

Paging: each branch is asked for its first ``offset + limit`` rows in due order (an index range
scan), the branches are merged, and the page is cut from the merge.
"""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from operator import itemgetter
from typing import Any

from sqlalchemy import Row, Select, distinct, func, select
from sqlalchemy.orm import Session

from sip_desk.db.models import Action, Meeting, Organisation, Participant, Plan, Setting
from sip_desk.db.queries.worklist_branches import OPEN_ACTION_STATUSES, Branch, branches
from sip_desk.domain.enums import MeetingKind, MeetingStatus, PlanStatus
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.worklist import (
    DEFAULT_FIRST_MEETING_DAYS,
    FIRST_MEETING_SETTING,
    MAX_FIRST_MEETING_DAYS,
    CaseloadRow,
    Urgency,
    WorklistFilter,
    WorklistItem,
    WorklistKind,
)

_EARLIEST = datetime.min.replace(tzinfo=UTC)


def local_midnight(day: date) -> datetime:
    """The start of ``day`` in Sweden, as UTC."""
    return datetime.combine(day, time(0), LOCAL_TZ).astimezone(UTC)


@dataclass(frozen=True)
class Window:
    """Today and which due dates the worklist shows.

    Attributes:
        days: how far ahead of today (``None``: no end).
        start: the first due day shown (a range's first day, or the page's day), if any.
        last: the last due day shown, if any.
    """

    today: date
    days: int | None
    overdue_only: bool = False
    start: date | None = None
    last: date | None = None

    @classmethod
    def of(cls, f: WorklistFilter, today: date) -> Window:
        """The window a filter asks for (``from_due``, the paging day, starts it too)."""
        starts = [d for d in (f.first_day, f.from_due) if d is not None]
        return cls(today, f.due_within_days, f.overdue_only, max(starts, default=None), f.last_day)

    @property
    def end(self) -> date | None:
        """The first day after the window (``None``: no end)."""
        ends = [self.today] if self.overdue_only else []
        if self.days is not None:
            ends.append(self.today + timedelta(days=self.days + 1))
        if self.last is not None:
            ends.append(self.last + timedelta(days=1))
        return min(ends, default=None)

    @staticmethod
    def limit(day: date, branch: Branch) -> Any:
        """The start of the local ``day`` as a value of the branch's due column."""
        if branch.kind is WorklistKind.FOLLOW_UP_MEETING:
            return local_midnight(day)
        return day - timedelta(days=branch.shift_days)

    def bounds(self, branch: Branch) -> tuple[Any, Any, Any, Any]:
        """Start of today, of tomorrow, of day 8 and the window's end (or ``None``), as due."""
        end = self.end
        days = (
            self.today,
            self.today + timedelta(days=1),
            self.today + timedelta(days=8)
            if end is None
            else min(self.today + timedelta(days=8), end),
        )
        limits = tuple(self.limit(d, branch) for d in days)
        return (*limits, None if end is None else self.limit(end, branch))

    def apply(self, branch: Branch, until: date | None = None) -> Select[Any] | None:
        """The branch limited to the window, to rows due from ``start`` and by ``until``.

        Returns ``None`` when nothing of the branch can be in the window.
        """
        ends = [d for d in (self.end, None if until is None else until + timedelta(days=1)) if d]
        end = min(ends, default=None)
        if branch.due is None:
            due_today = (end is None or self.today < end) and (
                self.start is None or self.start <= self.today
            )
            return branch.stmt if due_today else None
        stmt = branch.stmt
        if end is not None:
            stmt = stmt.where(branch.due < self.limit(end, branch))
        if self.start is not None:
            stmt = stmt.where(branch.due >= self.limit(self.start, branch))
        return stmt


def _due(branch: Branch, row: Row[Any], today: date) -> date:
    if branch.due is None:
        return today
    if isinstance(row.due, datetime):
        return row.due.astimezone(LOCAL_TZ).date()
    due: date = row.due
    return due + timedelta(days=branch.shift_days)


def _item(branch: Branch, row: Row[Any], today: date, due: date) -> WorklistItem:
    title = row.title or ""
    if branch.kind is WorklistKind.FOLLOW_UP_MEETING and not title:
        title = row.video_link or ""
    return WorklistItem(
        kind=branch.kind,
        warning=branch.warning,
        plan_id=row.plan_id,
        item_id=row.item_id,
        due=due,
        urgency=Urgency.of(due, today),
        person_name=f"{row.first_name} {row.last_name}",
        title=title,
        responsible=row.responsible or "",
        organisation=row.organisation or "",
        coordinator=row.coordinator or "",
        lead_principal=row.lead_principal,
        plan_status=row.plan_status,
        starts_at=row.starts_at,
    )


_Found = tuple[tuple[Any, ...], Branch, Row[Any]]
"""A fetched row with its place in the worklist's order: (due, rank, warning, start, id)."""


def _found(branch: Branch, row: Row[Any], today: date) -> _Found:
    warning = branch.warning.value if branch.warning else ""
    tie = row.item_id if row.item_id is not None else row.plan_id
    key = (_due(branch, row, today), branch.rank, warning, row.starts_at or _EARLIEST, tie)
    return key, branch, row


def _ordered(branch: Branch, stmt: Select[Any], wanted: int | None) -> Select[Any]:
    order = (branch.id_col,) if branch.due is None else (branch.due, branch.id_col)
    stmt = stmt.order_by(*order)
    return stmt if wanted is None else stmt.limit(wanted)


def _stream(branch: Branch, rows: Iterable[Row[Any]], today: date) -> Iterator[_Found]:
    for row in rows:
        yield _found(branch, row, today)


def _merge(
    session: Session, streams: list[tuple[Branch, Select[Any]]], today: date, wanted: int | None
) -> list[_Found]:
    """The first ``wanted`` rows of the branches, read side by side and merged as they come.

    SQLite hands out rows one by one, so a branch is read only as far as it reaches the page.
    """
    conn = session.connection()
    results = [(branch, conn.execute(stmt)) for branch, stmt in streams]
    try:
        rows = [_stream(branch, result, today) for branch, result in results]
        return list(islice(heapq.merge(*rows, key=itemgetter(0)), wanted))
    finally:
        for _branch, result in results:
            result.close()


def first_meeting_days(session: Session) -> int:
    """Days allowed from a SIP request to the first meeting (the setting, else the default)."""
    value = session.scalar(select(Setting.value).where(Setting.key == FIRST_MEETING_SETTING))
    try:
        days = int(value) if value is not None else DEFAULT_FIRST_MEETING_DAYS
    except ValueError:
        return DEFAULT_FIRST_MEETING_DAYS
    return days if 1 <= days <= MAX_FIRST_MEETING_DAYS else DEFAULT_FIRST_MEETING_DAYS


def follow_up_meeting_ids(session: Session, f: WorklistFilter, today: date) -> list[int]:
    """The booked follow-up meetings in the window of ``f``, in due order (no paging)."""
    f = dataclasses.replace(
        f, kinds=frozenset({WorklistKind.FOLLOW_UP_MEETING}), offset=0, limit=None
    )
    items = list_items(session, f, today, first_meeting_days(session))
    return [item.item_id for item in items if item.item_id]


def list_items(
    session: Session, f: WorklistFilter, today: date, first_meeting_days: int
) -> list[WorklistItem]:
    """One page of the worklist, most urgent first.

    The branches read in due order are merged as they stream in. The anti-join branches come
    after, only for rows due on or before the last row of the page so far: "no booked
    follow-up" (due today) never runs when the page is already full of overdue rows. Rows
    become DTOs only once they are known to be on the page.
    """
    window = Window.of(f, today)
    wanted = None if f.limit is None else f.offset + f.limit
    streams: list[tuple[Branch, Select[Any]]] = []
    later: list[Branch] = []
    for branch in branches(f, today, first_meeting_days):
        stmt = window.apply(branch)
        if branch.anti_join:
            later.append(branch)
        elif stmt is not None:
            streams.append((branch, _ordered(branch, stmt, wanted)))
    found = _merge(session, streams, today, wanted)
    for branch in later:
        full = wanted is not None and len(found) >= wanted
        stmt = window.apply(branch, found[-1][0][0] if full else None)
        if stmt is not None:
            found += [
                _found(branch, row, today)
                for row in session.execute(_ordered(branch, stmt, wanted))
            ]
            found = sorted(found, key=itemgetter(0))[:wanted]
    return [_item(branch, row, today, key[0]) for key, branch, row in found[f.offset : wanted]]


def caseload(session: Session, today: date) -> list[CaseloadRow]:
    """Per coordinator: active plans, follow-ups in the next 30 days, overdue actions."""
    coord = Participant

    def per_coordinator(counted: Any, *where: Any) -> dict[str, int]:
        stmt = (
            select(coord.name, func.count(distinct(counted)))
            .join(Plan, Plan.id == coord.plan_id)
            .where(coord.is_coordinator.is_(True), *where)
            .group_by(coord.name)
        )
        return {str(name): int(count) for name, count in session.execute(stmt)}

    active = per_coordinator(Plan.id, Plan.status == PlanStatus.ACTIVE)
    open_plan = Plan.status != PlanStatus.CLOSED
    follow_ups = per_coordinator(
        Meeting.id,
        Meeting.plan_id == Plan.id,
        open_plan,
        Meeting.kind == MeetingKind.FOLLOW_UP,
        Meeting.status == MeetingStatus.BOOKED,
        Meeting.starts_at >= local_midnight(today),
        Meeting.starts_at < local_midnight(today + timedelta(days=31)),
    )
    overdue = per_coordinator(
        Action.id,
        Action.plan_id == Plan.id,
        open_plan,
        Action.status.in_(OPEN_ACTION_STATUSES),
        Action.end_date < today,
    )
    names = sorted(set(active) | set(follow_ups) | set(overdue), key=str.casefold)
    return [
        CaseloadRow(
            coordinator=name,
            active_plans=active.get(name, 0),
            follow_ups_next_30_days=follow_ups.get(name, 0),
            overdue_actions=overdue.get(name, 0),
        )
        for name in names
    ]


def coordinator_names(session: Session) -> list[str]:
    """Every name chosen as coordinator on some plan, sorted."""
    stmt = select(Participant.name).where(Participant.is_coordinator.is_(True)).distinct()
    return sorted(session.scalars(stmt), key=str.casefold)


def organisation_names(session: Session) -> list[str]:
    """Every organisation known to the store, sorted."""
    return sorted(set(session.scalars(select(Organisation.name))), key=str.casefold)
