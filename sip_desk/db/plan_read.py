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
from typing import Any

from sqlalchemy import Connection, Row, Select, Table, select
from sqlalchemy.orm import Session

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


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


plans, persons, reps = _table("plans"), _table("persons"), _table("representatives")
orgs, units = _table("organisations"), _table("units")
participants, consents = _table("participants"), _table("information_consents")
goals, needs, actions, action_goals = (
    _table("goals"),
    _table("needs"),
    _table("actions"),
    _table("action_goals"),
)
meetings, action_reviews, goal_reviews = (
    _table("meetings"),
    _table("action_reviews"),
    _table("goal_reviews"),
)
versions, drafts = _table("plan_versions"), _table("follow_up_drafts")
draft_actions, draft_goals = _table("draft_action_reviews"), _table("draft_goal_reviews")

PLAN_COLUMNS = tuple(
    f.name
    for f in dataclasses.fields(PlanFields)
    if f.name not in {"lead_organisation", "coordinator_participant_id"}
)
"""The fields of :class:`PlanFields` that are columns of ``plans`` under the same name."""
PERSON_COLUMNS = tuple(f.name for f in dataclasses.fields(PersonDto) if f.name != "representatives")

_PLAN = select(
    plans.c.id,
    plans.c.version,
    plans.c.status,
    plans.c.closed_reason,
    plans.c.closed_on,
    plans.c.created_at,
    plans.c.updated_at,
    plans.c.person_id,
    orgs.c.name.label("lead_organisation"),
    *(plans.c[n] for n in PLAN_COLUMNS),
).outerjoin(orgs, orgs.c.id == plans.c.lead_organisation_id)
_PERSON = select(*(persons.c[n] for n in PERSON_COLUMNS))
_REPS = select(reps.c.kind, reps.c.name, reps.c.phone, reps.c.email).order_by(
    reps.c.position, reps.c.id
)
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
_GOALS = select(goals).order_by(goals.c.position, goals.c.id)
_NEEDS = select(needs).order_by(needs.c.position, needs.c.id)
_ACTIONS = (
    select(actions, orgs.c.name.label("organisation"), units.c.name.label("unit"))
    .outerjoin(orgs, orgs.c.id == actions.c.organisation_id)
    .outerjoin(units, units.c.id == actions.c.unit_id)
    .order_by(actions.c.position, actions.c.id)
)
_ACTION_GOALS = (
    select(action_goals.c.action_id, action_goals.c.goal_id)
    .join(goals, goals.c.id == action_goals.c.goal_id)
    .order_by(goals.c.position, goals.c.id)
)
_MEETINGS = select(meetings).order_by(meetings.c.starts_at, meetings.c.id)
_ACTION_REVIEWS = (
    select(action_reviews)
    .join(meetings, meetings.c.id == action_reviews.c.meeting_id)
    .order_by(action_reviews.c.id)
)
_GOAL_REVIEWS = (
    select(goal_reviews)
    .join(meetings, meetings.c.id == goal_reviews.c.meeting_id)
    .order_by(goal_reviews.c.id)
)
_VERSIONS = select(
    versions.c.number,
    versions.c.state,
    versions.c.content_hash,
    versions.c.previous_hash,
    versions.c.created_at,
    versions.c.signed_at,
).order_by(versions.c.number)
_DRAFT = select(drafts)
_DRAFT_ACTIONS = (
    select(draft_actions.c.action_id, draft_actions.c.status, draft_actions.c.comment)
    .join(drafts, drafts.c.id == draft_actions.c.draft_id)
    .order_by(draft_actions.c.id)
)
_DRAFT_GOALS = (
    select(draft_goals.c.goal_id, draft_goals.c.outcome, draft_goals.c.person_view)
    .join(drafts, drafts.c.id == draft_goals.c.draft_id)
    .order_by(draft_goals.c.id)
)


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

    plan = conn.execute(_PLAN.where(plans.c.id == plan_id)).first()
    if plan is None:
        raise NotFoundError("plan", plan_id)
    person = conn.execute(_PERSON.where(persons.c.id == plan.person_id)).one()
    the_participants = rows(_PARTICIPANTS.where(participants.c.plan_id == plan_id))
    names = {r.id: r.name for r in the_participants}
    links: dict[int, list[int]] = defaultdict(list)
    for link in rows(_ACTION_GOALS.where(goals.c.plan_id == plan_id)):
        links[link.action_id].append(link.goal_id)
    return PlanDetail(
        id=plan.id,
        version=plan.version,
        status=plan.status,
        closed_reason=plan.closed_reason,
        closed_on=plan.closed_on,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        person=PersonDto(
            **{n: person._mapping[n] for n in PERSON_COLUMNS},
            representatives=tuple(
                RepresentativeData(kind=r.kind, name=r.name, phone=r.phone, email=r.email)
                for r in rows(_REPS.where(reps.c.person_id == plan.person_id))
            ),
        ),
        fields=PlanFields(
            **{n: plan._mapping[n] for n in PLAN_COLUMNS},
            lead_organisation=plan.lead_organisation or "",
            coordinator_participant_id=next(
                (r.id for r in the_participants if r.is_coordinator), None
            ),
        ),
        participants=tuple(_participant(r) for r in the_participants),
        consents=tuple(_consent(r) for r in rows(_CONSENTS.where(consents.c.plan_id == plan_id))),
        goals=tuple(
            GoalDto(id=r.id, position=r.position, text=r.text, term=r.term, parent_id=r.parent_id)
            for r in rows(_GOALS.where(goals.c.plan_id == plan_id))
        ),
        needs=tuple(
            NeedDto(id=r.id, position=r.position, description=r.description)
            for r in rows(_NEEDS.where(needs.c.plan_id == plan_id))
        ),
        actions=tuple(
            _action(r, names, links[r.id])
            for r in rows(_ACTIONS.where(actions.c.plan_id == plan_id))
        ),
        meetings=_meetings(conn, plan_id, names),
        versions=tuple(
            VersionSummary(**r._mapping)
            for r in rows(_VERSIONS.where(versions.c.plan_id == plan_id))
        ),
        follow_up_draft=read_draft(conn, plan_id),
    )


def _participant(r: Row[Any]) -> ParticipantDto:
    return ParticipantDto(
        id=r.id,
        position=r.position,
        name=r.name,
        organisation=r.organisation or "",
        principal=r.principal or PrincipalType.OTHER,
        unit=r.unit or "",
        role=r.role,
        phone=r.phone,
        email=r.email,
        invitation=r.invitation,
        present=r.present,
        is_relative=r.is_relative,
        is_chair=r.is_chair,
        contact_role=r.contact_role,
    )


def _consent(r: Row[Any]) -> InformationConsentDto:
    return InformationConsentDto(
        id=r.id,
        organisation=r.organisation,
        principal=r.principal,
        information_shared=r.information_shared,
        information_excluded=r.information_excluded,
        valid_from=r.valid_from,
        valid_until=r.valid_until,
        form=r.form,
        given_by=r.given_by,
        given_by_name=r.given_by_name,
        revoked_on=r.revoked_on,
    )


def _action(r: Row[Any], names: dict[int, str], goal_ids: list[int]) -> ActionDto:
    responsible = r.responsible_participant_id
    return ActionDto(
        id=r.id,
        position=r.position,
        description=r.description,
        need_id=r.need_id,
        responsible_principal=r.responsible_principal,
        organisation=r.organisation or "",
        unit=r.unit or "",
        responsible_participant_id=responsible,
        responsible_name=names.get(responsible, "") if responsible is not None else "",
        is_other_actor=r.is_other_actor,
        start_date=r.start_date,
        end_date=r.end_date,
        status=r.status,
        goal_ids=tuple(goal_ids),
        cost_responsibility=r.cost_responsibility,
    )


def _meetings(conn: Connection, plan_id: int, names: dict[int, str]) -> tuple[MeetingDto, ...]:
    by_action: dict[int, list[ActionReviewData]] = defaultdict(list)
    for r in conn.execute(_ACTION_REVIEWS.where(meetings.c.plan_id == plan_id)):
        by_action[r.meeting_id].append(
            ActionReviewData(action_id=r.action_id, status=r.status, comment=r.comment)
        )
    by_goal: dict[int, list[GoalReviewData]] = defaultdict(list)
    for r in conn.execute(_GOAL_REVIEWS.where(meetings.c.plan_id == plan_id)):
        by_goal[r.meeting_id].append(
            GoalReviewData(goal_id=r.goal_id, outcome=r.outcome, person_view=r.person_view)
        )
    return tuple(
        MeetingDto(
            id=r.id,
            kind=r.kind,
            starts_at=r.starts_at,
            duration_minutes=r.duration_minutes,
            place=r.place,
            video_link=r.video_link,
            convenor_participant_id=r.convenor_participant_id,
            convenor_name=names.get(r.convenor_participant_id, "")
            if r.convenor_participant_id is not None
            else "",
            status=r.status,
            notes=r.notes,
            new_needs=r.new_needs,
            decision=r.decision,
            decision_reason=r.decision_reason,
            action_reviews=tuple(by_action[r.id]),
            goal_reviews=tuple(by_goal[r.id]),
        )
        for r in conn.execute(_MEETINGS.where(meetings.c.plan_id == plan_id))
    )


def read_draft(conn: Connection, plan_id: int) -> FollowUpDraftDto | None:
    """The plan's follow-up draft, ``None`` when there is none."""
    d = conn.execute(_DRAFT.where(drafts.c.plan_id == plan_id)).first()
    if d is None:
        return None
    record = FollowUpRecord(
        action_reviews=tuple(
            ActionEvaluation(action_id=r.action_id, status=r.status, comment=r.comment)
            for r in conn.execute(_DRAFT_ACTIONS.where(drafts.c.plan_id == plan_id))
        ),
        goal_reviews=tuple(
            GoalEvaluation(goal_id=r.goal_id, outcome=r.outcome, person_view=r.person_view)
            for r in conn.execute(_DRAFT_GOALS.where(drafts.c.plan_id == plan_id))
        ),
        new_needs=d.new_needs,
        notes=d.notes,
        decision=d.decision,
        decision_reason=d.decision_reason,
        next_starts_at=d.next_starts_at,
        next_place=d.next_place,
        next_video_link=d.next_video_link,
    )
    return FollowUpDraftDto(meeting_id=d.meeting_id, started_at=d.started_at, record=record)
