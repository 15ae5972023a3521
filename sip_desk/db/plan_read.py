"""Reading one whole plan into a :class:`PlanDetail`: SQLAlchemy Core, named columns.

The one read model of a plan: the editor, the PDF, JSON export and the signing snapshot all
start from :func:`read_plan`. One ``select()`` per list of the plan, on the table objects, in
the caller's transaction; the column types convert values (enums, dates, UTC datetimes), so
the rows go straight into the DTOs.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Select, Table, func, select
from sqlalchemy.orm import Session

import sip_desk.db.models  # noqa: F401  (registers every table read below)
from sip_desk.db.base import Base
from sip_desk.domain.action import ActionDto
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.errors import NotFoundError
from sip_desk.domain.follow_up import (
    ActionEvaluation,
    ActionReviewData,
    FollowUpDraftDto,
    FollowUpRecord,
    GoalEvaluation,
    GoalReviewData,
    MeetingDto,
)
from sip_desk.domain.goal import GoalDto, NeedDto
from sip_desk.domain.participant import InformationConsentDto, ParticipantDto
from sip_desk.domain.person import PersonDto, RepresentativeData
from sip_desk.domain.plan import PlanDetail, PlanFields, VersionSummary
from sip_desk.domain.principals import NoEffortReasonDto
from sip_desk.domain.translation import TranslationDto

_t = Base.metadata.tables
plans, persons, reps = _t["plans"], _t["persons"], _t["representatives"]
orgs, units = _t["organisations"], _t["units"]
participants, consents = _t["participants"], _t["information_consents"]
goals, needs, actions, action_goals = _t["goals"], _t["needs"], _t["actions"], _t["action_goals"]
meetings, action_reviews, goal_reviews = _t["meetings"], _t["action_reviews"], _t["goal_reviews"]
versions, drafts = _t["plan_versions"], _t["follow_up_drafts"]
draft_actions, draft_goals = _t["draft_action_reviews"], _t["draft_goal_reviews"]
translations, reasons = _t["translations"], _t["no_effort_reasons"]

T = TypeVar("T")

PLAN_COLUMNS = tuple(
    f.name
    for f in dataclasses.fields(PlanFields)
    if f.name not in {"lead_organisation", "coordinator_participant_id"}
)
"""The fields of :class:`PlanFields` that are columns of ``plans`` under the same name."""

_PLAN = select(plans, orgs.c.name.label("lead_organisation")).outerjoin(
    orgs, orgs.c.id == plans.c.lead_organisation_id
)
_REPS = select(reps).order_by(reps.c.position, reps.c.id)
_PARTICIPANTS = (
    select(
        participants,
        orgs.c.name.label("organisation"),
        orgs.c.principal_type.label("principal"),
        units.c.name.label("unit"),
    )
    .outerjoin(orgs, orgs.c.id == participants.c.organisation_id)
    .outerjoin(units, units.c.id == participants.c.unit_id)
    .order_by(participants.c.position, participants.c.id)
)
_CONSENTS = (
    select(consents, orgs.c.name.label("organisation"), orgs.c.principal_type.label("principal"))
    .join(orgs, orgs.c.id == consents.c.organisation_id)
    .order_by(consents.c.id)
)
_ACTIONS = (
    select(actions, orgs.c.name.label("organisation"), units.c.name.label("unit"))
    .outerjoin(orgs, orgs.c.id == actions.c.organisation_id)
    .outerjoin(units, units.c.id == actions.c.unit_id)
    .order_by(actions.c.position, actions.c.id)
)
_TRANSLATIONS = select(
    translations.c.language,
    translations.c.field,
    func.coalesce(translations.c.goal_id, translations.c.action_id).label("item_id"),
    translations.c.text,
).order_by(translations.c.language, translations.c.field, translations.c.id)
_REASONS = (
    select(reasons, orgs.c.name.label("organisation"), orgs.c.principal_type.label("principal"))
    .join(orgs, orgs.c.id == reasons.c.organisation_id)
    .order_by(reasons.c.id)
)
_ACTION_GOALS = (
    select(action_goals.c.action_id, action_goals.c.goal_id)
    .join(goals, goals.c.id == action_goals.c.goal_id)
    .order_by(goals.c.position, goals.c.id)
)


def _dto(cls: type[T], row: Row[Any], **given: Any) -> T:
    """``cls`` from the columns of ``row`` named like its fields; ``given`` adds or overrides."""
    columns = row._mapping
    names = {f.name for f in dataclasses.fields(cls)} - given.keys()  # type: ignore[arg-type]
    return cls(**{n: columns[n] for n in names if n in columns}, **given)


def read_plan(source: Connection | Session, plan_id: int) -> PlanDetail:
    """The whole plan ``plan_id`` as seen by the transaction of ``source``.

    A session is flushed first, so pending ORM changes are part of what is read.

    Raises:
        NotFoundError: no such plan.
    """
    if isinstance(source, Session):
        source.flush()
        conn = source.connection()
    else:
        conn = source

    def rows(query: Select[Any]) -> Sequence[Row[Any]]:
        return conn.execute(query).all()

    def listed(table: Table) -> Select[Any]:
        in_plan = select(table).where(table.c.plan_id == plan_id)
        return in_plan.order_by(table.c.position, table.c.id)

    plan = conn.execute(_PLAN.where(plans.c.id == plan_id)).first()
    if plan is None:
        raise NotFoundError("plan", plan_id)
    person = conn.execute(select(persons).where(persons.c.id == plan.person_id)).one()
    the_participants = rows(_PARTICIPANTS.where(participants.c.plan_id == plan_id))
    names = {r.id: r.name for r in the_participants}
    links: dict[int, list[int]] = defaultdict(list)
    for link in rows(_ACTION_GOALS.where(goals.c.plan_id == plan_id)):
        links[link.action_id].append(link.goal_id)
    return _dto(
        PlanDetail,
        plan,
        person=_dto(
            PersonDto,
            person,
            representatives=tuple(
                _dto(RepresentativeData, r)
                for r in rows(_REPS.where(reps.c.person_id == plan.person_id))
            ),
        ),
        fields=_dto(
            PlanFields,
            plan,
            lead_organisation=plan.lead_organisation or "",
            coordinator_participant_id=next(
                (r.id for r in the_participants if r.is_coordinator), None
            ),
        ),
        participants=tuple(
            _dto(
                ParticipantDto,
                r,
                organisation=r.organisation or "",
                principal=r.principal or PrincipalType.OTHER,
                unit=r.unit or "",
            )
            for r in the_participants
        ),
        consents=tuple(
            _dto(InformationConsentDto, r)
            for r in rows(_CONSENTS.where(consents.c.plan_id == plan_id))
        ),
        goals=tuple(_dto(GoalDto, r) for r in rows(listed(goals))),
        needs=tuple(_dto(NeedDto, r) for r in rows(listed(needs))),
        actions=tuple(
            _dto(
                ActionDto,
                r,
                organisation=r.organisation or "",
                unit=r.unit or "",
                responsible_name=names.get(r.responsible_participant_id, ""),
                goal_ids=tuple(links[r.id]),
            )
            for r in rows(_ACTIONS.where(actions.c.plan_id == plan_id))
        ),
        meetings=_meetings(conn, plan_id, names),
        translations=tuple(
            _dto(TranslationDto, r)
            for r in rows(_TRANSLATIONS.where(translations.c.plan_id == plan_id))
        ),
        no_effort_reasons=tuple(
            sorted(
                (
                    _dto(NoEffortReasonDto, r)
                    for r in rows(_REASONS.where(reasons.c.plan_id == plan_id))
                ),
                key=lambda r: r.key,
            )
        ),
        versions=tuple(
            _dto(VersionSummary, r)
            for r in rows(
                select(*(versions.c[f.name] for f in dataclasses.fields(VersionSummary)))
                .where(versions.c.plan_id == plan_id)
                .order_by(versions.c.number)
            )
        ),
        follow_up_draft=read_draft(conn, plan_id),
    )


def _meetings(conn: Connection, plan_id: int, names: dict[int, str]) -> tuple[MeetingDto, ...]:
    in_plan = meetings.c.plan_id == plan_id
    by_action: dict[int, list[ActionReviewData]] = defaultdict(list)
    for r in conn.execute(
        select(action_reviews).join(meetings).where(in_plan).order_by(action_reviews.c.id)
    ):
        by_action[r.meeting_id].append(_dto(ActionReviewData, r))
    by_goal: dict[int, list[GoalReviewData]] = defaultdict(list)
    for r in conn.execute(
        select(goal_reviews).join(meetings).where(in_plan).order_by(goal_reviews.c.id)
    ):
        by_goal[r.meeting_id].append(_dto(GoalReviewData, r))
    return tuple(
        _dto(
            MeetingDto,
            r,
            convenor_name=names.get(r.convenor_participant_id, ""),
            action_reviews=tuple(by_action[r.id]),
            goal_reviews=tuple(by_goal[r.id]),
        )
        for r in conn.execute(
            select(meetings).where(in_plan).order_by(meetings.c.starts_at, meetings.c.id)
        )
    )


def read_draft(conn: Connection, plan_id: int) -> FollowUpDraftDto | None:
    """The plan's follow-up draft, ``None`` when there is none."""
    d = conn.execute(select(drafts).where(drafts.c.plan_id == plan_id)).first()
    if d is None:
        return None
    action_rows = select(draft_actions).where(draft_actions.c.draft_id == d.id)
    goal_rows = select(draft_goals).where(draft_goals.c.draft_id == d.id)
    record = _dto(
        FollowUpRecord,
        d,
        action_reviews=tuple(
            _dto(ActionEvaluation, r)
            for r in conn.execute(action_rows.order_by(draft_actions.c.id))
        ),
        goal_reviews=tuple(
            _dto(GoalEvaluation, r) for r in conn.execute(goal_rows.order_by(draft_goals.c.id))
        ),
    )
    return _dto(FollowUpDraftDto, d, record=record)
