"""Worklist, counts and caseload as Core queries that take a Session; they never write.

Paging: each branch is asked for its first ``offset + limit`` rows in due order (an index range
scan), the branches are merged, and the page is cut from the merge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Row, Select, case, distinct, func, select
from sqlalchemy.orm import Session

from sip_desk.db.models import Action, Meeting, Organisation, Participant, Plan
from sip_desk.domain.enums import MeetingKind, MeetingStatus, PlanStatus
from sip_desk.domain.worklist import (
    CaseloadRow,
    Urgency,
    WorklistCounts,
    WorklistFilter,
    WorklistItem,
    WorklistKind,
)
from sip_desk.services.context import LOCAL_TZ
from sip_desk.services.worklist_branches import OPEN_ACTION_STATUSES, Branch, branches

_EARLIEST = datetime.min.replace(tzinfo=UTC)


def local_midnight(day: date) -> datetime:
    """The start of ``day`` in Sweden, as UTC."""
    return datetime.combine(day, time(0), LOCAL_TZ).astimezone(UTC)


@dataclass(frozen=True)
class Window:
    """Today and how far ahead the worklist looks."""

    today: date
    days: int
    overdue_only: bool = False

    def bounds(self, branch: Branch) -> tuple[Any, Any, Any, Any]:
        """Start of today, of tomorrow, of day 8 and the end of the window, in the due column."""
        shift = timedelta(days=branch.shift_days)
        end = self.today + timedelta(days=self.days + 1)
        days = (
            self.today,
            self.today + timedelta(days=1),
            min(self.today + timedelta(days=8), end),
            end,
        )
        if branch.kind is WorklistKind.FOLLOW_UP_MEETING:
            return tuple(local_midnight(d) for d in days)  # type: ignore[return-value]
        return tuple(d - shift for d in days)  # type: ignore[return-value]

    def apply(self, branch: Branch) -> Select[Any] | None:
        """The branch limited to the window; ``None`` when nothing of it can be in the window."""
        if branch.due is None:
            return None if self.overdue_only else branch.stmt
        start, _tomorrow, _week, end = self.bounds(branch)
        return branch.stmt.where(branch.due < (start if self.overdue_only else end))


def _due(branch: Branch, row: Row[Any], today: date) -> date:
    if branch.due is None:
        return today
    if isinstance(row.due, datetime):
        return row.due.astimezone(LOCAL_TZ).date()
    due: date = row.due
    return due + timedelta(days=branch.shift_days)


def _item(branch: Branch, row: Row[Any], today: date) -> WorklistItem:
    due = _due(branch, row, today)
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


def _sort_key(pair: tuple[Branch, WorklistItem]) -> tuple[Any, ...]:
    branch, item = pair
    warning = item.warning.value if item.warning else ""
    tie = item.item_id if item.item_id is not None else item.plan_id
    return (item.due, branch.rank, warning, item.starts_at or _EARLIEST, tie)


def list_items(
    session: Session, f: WorklistFilter, today: date, first_meeting_days: int
) -> list[WorklistItem]:
    """One page of the worklist, most urgent first."""
    window = Window(today, f.due_within_days, f.overdue_only)
    wanted = None if f.limit is None else f.offset + f.limit
    found: list[tuple[Branch, WorklistItem]] = []
    for branch in branches(f, today, first_meeting_days):
        stmt = window.apply(branch)
        if stmt is None:
            continue
        order = (branch.id_col,) if branch.due is None else (branch.due, branch.id_col)
        stmt = stmt.order_by(*order)
        if wanted is not None:
            stmt = stmt.limit(wanted)
        found += [(branch, _item(branch, row, today)) for row in session.execute(stmt)]
    found.sort(key=_sort_key)
    return [item for _branch, item in found[f.offset : wanted]]


def _branch_counts(session: Session, branch: Branch, window: Window) -> WorklistCounts:
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


def count_items(
    session: Session, f: WorklistFilter, today: date, first_meeting_days: int
) -> WorklistCounts:
    """Rows per urgency bucket, with the filter applied (paging ignored)."""
    window = Window(today, f.due_within_days, f.overdue_only)
    total = WorklistCounts()
    for branch in branches(f, today, first_meeting_days):
        total += _branch_counts(session, branch, window)
    return total


def _named_counts(session: Session, stmt: Select[str, int]) -> dict[str, int]:
    return {str(name): int(count) for name, count in session.execute(stmt)}


def caseload(session: Session, today: date) -> list[CaseloadRow]:
    """Per coordinator: active plans, follow-ups in the next 30 days, overdue actions."""
    coord = Participant
    base = select(coord.name, func.count(distinct(Plan.id))).join(Plan, Plan.id == coord.plan_id)
    base = base.where(coord.is_coordinator.is_(True)).group_by(coord.name)
    active = _named_counts(session, base.where(Plan.status == PlanStatus.ACTIVE))
    start = local_midnight(today)
    follow_ups = _named_counts(
        session,
        select(coord.name, func.count(Meeting.id))
        .join(Plan, Plan.id == coord.plan_id)
        .join(Meeting, Meeting.plan_id == Plan.id)
        .where(
            coord.is_coordinator.is_(True),
            Plan.status != PlanStatus.CLOSED,
            Meeting.kind == MeetingKind.FOLLOW_UP,
            Meeting.status == MeetingStatus.BOOKED,
            Meeting.starts_at >= start,
            Meeting.starts_at < local_midnight(today + timedelta(days=31)),
        )
        .group_by(coord.name),
    )
    overdue = _named_counts(
        session,
        select(coord.name, func.count(Action.id))
        .join(Plan, Plan.id == coord.plan_id)
        .join(Action, Action.plan_id == Plan.id)
        .where(
            coord.is_coordinator.is_(True),
            Plan.status != PlanStatus.CLOSED,
            Action.status.in_(OPEN_ACTION_STATUSES),
            Action.end_date < today,
        )
        .group_by(coord.name),
    )
    names = sorted(set(active) | set(follow_ups) | set(overdue), key=str.casefold)
    return [
        CaseloadRow(
            coordinator=name,
            active_plans=int(active.get(name, 0)),
            follow_ups_next_30_days=int(follow_ups.get(name, 0)),
            overdue_actions=int(overdue.get(name, 0)),
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
