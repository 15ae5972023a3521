"""The worklist's sources, one indexed Core query each (no ORM objects).

Every branch selects the same labelled columns, orders by its own due column and the row id, and
can be limited on its own: the first page of the merged worklist is then the first page of the
merge of each branch's first page, so a page costs the same at 1,000 and 100,000 plans.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, exists, literal, null, select
from sqlalchemy.orm import aliased

from sip_desk.db.models import (
    Action,
    InformationConsent,
    Meeting,
    Organisation,
    Participant,
    Person,
    Plan,
)
from sip_desk.db.queries.worklist_filters import plan_filters, responsible_ids, status_is
from sip_desk.domain.enums import ActionStatus, MeetingKind, MeetingStatus, PlanStatus
from sip_desk.domain.worklist import WarningKind, WorklistFilter, WorklistKind

OPEN_ACTION_STATUSES = (ActionStatus.PLANNED, ActionStatus.ONGOING)

# Built once: making aliases per query cost more than running the query on a small store.
_COORDINATOR = aliased(Participant, name="coordinator_p")
_PERSON_IN_CHARGE = aliased(Participant, name="in_charge")
_ORGANISATION = aliased(Organisation, name="item_org")
_COORDINATOR_NAME = (
    select(_COORDINATOR.name)
    .where(_COORDINATOR.plan_id == Plan.id, _COORDINATOR.is_coordinator.is_(True))
    .limit(1)
    .scalar_subquery()
)


@dataclass(frozen=True)
class Branch:
    """One source of worklist rows.

    Attributes:
        due: the column the branch is ordered and windowed by (``None``: always due today).
        shift_days: days to add to ``due`` to get the due date (the first-meeting deadline).
        id_col: the tie-breaking id (item id, or plan id for plan-level warnings).
        rank: order among rows due the same day.
        stmt: the select with every join and filter, but without window, order or limit.
        anti_join: the rows are plans found by what they lack (no meeting of a kind), so the
            first row may lie behind many plans; such a branch is read last, bounded by the
            rows already found.
    """

    kind: WorklistKind
    warning: WarningKind | None
    rank: int
    due: Any
    shift_days: int
    id_col: Any
    stmt: Select[Any]
    anti_join: bool = False


def _columns(**values: Any) -> list[Any]:
    """The common column list; missing values are NULL."""
    names = ("item_id", "due", "starts_at", "title", "responsible", "organisation")
    cols: list[Any] = [Plan.id.label("plan_id")]
    cols += [(values.get(n, null())).label(n) for n in names]
    cols += [
        _COORDINATOR_NAME.label("coordinator"),
        Plan.lead_principal.label("lead_principal"),
        Plan.status.label("plan_status"),
        Person.first_name.label("first_name"),
        Person.last_name.label("last_name"),
    ]
    return cols


def meeting_branch(f: WorklistFilter) -> Branch:
    """Booked follow-up meetings (overdue ones were never recorded as held)."""
    convenor = _PERSON_IN_CHARGE
    lead = _ORGANISATION
    stmt: Select[Any] = (
        select(
            *_columns(
                item_id=Meeting.id,
                due=Meeting.starts_at,
                starts_at=Meeting.starts_at,
                title=Meeting.place,
                responsible=convenor.name,
                organisation=lead.name,
            ),
            Meeting.video_link.label("video_link"),
        )
        .select_from(Meeting)
        .join(Plan, Plan.id == Meeting.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(convenor, convenor.id == Meeting.convenor_participant_id)
        .outerjoin(lead, lead.id == Plan.lead_organisation_id)
        .where(
            status_is(Meeting.status, MeetingStatus.BOOKED, bool(f.coordinator.strip())),
            Meeting.kind == MeetingKind.FOLLOW_UP,
        )
    )
    stmt = plan_filters(stmt, f, Plan.lead_organisation_id, Meeting.plan_id)
    if f.responsible.strip():
        stmt = stmt.where(Meeting.convenor_participant_id.in_(responsible_ids(f)))
    return Branch(WorklistKind.FOLLOW_UP_MEETING, None, 0, Meeting.starts_at, 0, Meeting.id, stmt)


def action_branch(f: WorklistFilter, status: ActionStatus) -> Branch:
    """Open actions with ``status`` by their end date (one branch per status keeps the index)."""
    responsible = _PERSON_IN_CHARGE
    org = _ORGANISATION
    few = bool(f.coordinator.strip() or f.responsible.strip())
    stmt = (
        select(
            *_columns(
                item_id=Action.id,
                due=Action.end_date,
                title=Action.description,
                responsible=responsible.name,
                organisation=org.name,
            )
        )
        .select_from(Action)
        .join(Plan, Plan.id == Action.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(responsible, responsible.id == Action.responsible_participant_id)
        .outerjoin(org, org.id == Action.organisation_id)
        .where(status_is(Action.status, status, few), Action.end_date.is_not(None))
    )
    stmt = plan_filters(stmt, f, Action.organisation_id, Action.plan_id)
    if f.responsible.strip():
        stmt = stmt.where(Action.responsible_participant_id.in_(responsible_ids(f)))
    return Branch(WorklistKind.ACTION, None, 2, Action.end_date, 0, Action.id, stmt)


def consent_branch(f: WorklistFilter, warning: WarningKind, today: date) -> Branch:
    """Consents ending on or after today and not revoked, or revoked ones (stop sharing)."""
    c = InformationConsent
    org = _ORGANISATION
    rows: tuple[Any, ...]
    if warning is WarningKind.CONSENT_EXPIRING:
        due, rows = c.valid_until, (c.valid_until >= today, c.revoked_on.is_(None))
    else:
        due, rows = c.revoked_on, (c.revoked_on.is_not(None),)
    stmt = (
        select(*_columns(item_id=c.id, due=due, title=org.name, organisation=org.name))
        .select_from(c)
        .join(Plan, Plan.id == c.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .join(org, org.id == c.organisation_id)
        .where(*rows)
    )
    stmt = plan_filters(stmt, f, c.organisation_id, c.plan_id)
    return Branch(WorklistKind.WARNING, warning, 1, due, 0, c.id, stmt)


def _plan_stmt(f: WorklistFilter, due: Any) -> Select[Any]:
    lead = _ORGANISATION
    stmt = (
        select(*_columns(due=due, organisation=lead.name))
        .select_from(Plan)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(lead, lead.id == Plan.lead_organisation_id)
    )
    return plan_filters(stmt, f, Plan.lead_organisation_id)


def no_follow_up_branch(f: WorklistFilter, today: date) -> Branch:
    """Active plans with no booked follow-up at all (due today: book one)."""
    booked = exists().where(
        Meeting.plan_id == Plan.id,
        Meeting.kind == MeetingKind.FOLLOW_UP,
        Meeting.status == MeetingStatus.BOOKED,
    )
    stmt = _plan_stmt(f, literal(today)).where(Plan.status == PlanStatus.ACTIVE, ~booked)
    return Branch(
        WorklistKind.WARNING, WarningKind.NO_FOLLOW_UP, 1, None, 0, Plan.id, stmt, anti_join=True
    )


def no_first_meeting_branch(f: WorklistFilter, limit_days: int) -> Branch:
    """Requested SIPs with no first meeting booked or held; due at request + the limit."""
    first = exists().where(
        Meeting.plan_id == Plan.id,
        Meeting.kind == MeetingKind.FIRST,
        Meeting.status != MeetingStatus.CANCELLED,
    )
    stmt = _plan_stmt(f, Plan.requested_on).where(Plan.requested_on.is_not(None), ~first)
    return Branch(
        WorklistKind.WARNING,
        WarningKind.NO_FIRST_MEETING,
        1,
        Plan.requested_on,
        limit_days,
        Plan.id,
        stmt,
        anti_join=True,
    )


def unstarted_draft_branch(f: WorklistFilter, today: date) -> Branch:
    """Drafts with no request date and no meeting at all, often no coordinator: due today.

    There is no deadline to count from; without this branch such a plan never reached the list.
    """
    met = exists().where(Meeting.plan_id == Plan.id, Meeting.status != MeetingStatus.CANCELLED)
    stmt = _plan_stmt(f, literal(today)).where(
        Plan.status == PlanStatus.DRAFT, Plan.requested_on.is_(None), ~met
    )
    warning = WarningKind.NO_FIRST_MEETING
    return Branch(WorklistKind.WARNING, warning, 1, None, 0, Plan.id, stmt, anti_join=True)


def branches(f: WorklistFilter, today: date, first_meeting_days: int) -> list[Branch]:
    """Every branch the filter asks for (paging ignored)."""
    unpaged = dataclasses.replace(f, offset=0, limit=None, from_due=None)
    return list(_branches(unpaged, today, first_meeting_days))


@lru_cache(maxsize=64)
def _branches(f: WorklistFilter, today: date, first_meeting_days: int) -> tuple[Branch, ...]:
    # Cached: building the statements costs a third of a page on a small store, and a select
    # is immutable, so threads may share it.
    found: list[Branch] = []
    if WorklistKind.FOLLOW_UP_MEETING in f.kinds:
        found.append(meeting_branch(f))
    if WorklistKind.ACTION in f.kinds:
        found += [action_branch(f, s) for s in OPEN_ACTION_STATUSES]
    # Warnings have no responsible person; filtering by one leaves them out.
    if WorklistKind.WARNING in f.kinds and not f.responsible.strip():
        found += [
            consent_branch(f, WarningKind.CONSENT_EXPIRING, today),
            consent_branch(f, WarningKind.CONSENT_REVOKED, today),
            no_first_meeting_branch(f, first_meeting_days),
            unstarted_draft_branch(f, today),
            # Last: a page already full of overdue rows never runs this anti-join.
            no_follow_up_branch(f, today),
        ]
    return tuple(found)
