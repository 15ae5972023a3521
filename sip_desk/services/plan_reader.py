"""Reading one whole plan with plain SQL on the session's connection.

The editor reloads the plan after every autosave and the PDF and export read it too, so this is
the hottest read path. The ORM with a dozen ``selectinload`` strategies spent ~8 ms per plan on
bookkeeping for ~0.15 ms of SQLite work; plain statements on the connection's own DBAPI cursor
(inside the session's transaction) and direct DTO construction keep it close to the raw cost.
Column lists are explicit so the row layout is fixed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection

from sip_desk.domain.action import ActionDto
from sip_desk.domain.enums import (
    ActionStatus,
    ConsentForm,
    ConsentGiver,
    FollowUpDecision,
    GoalOutcome,
    GoalTerm,
    InvitationKind,
    MeetingKind,
    MeetingStatus,
    PlanStatus,
    PrincipalType,
    RepresentativeKind,
    ReviewStatus,
    VersionState,
)
from sip_desk.domain.errors import NotFoundError
from sip_desk.domain.follow_up import ActionReviewData, GoalReviewData, MeetingDto
from sip_desk.domain.goal import GoalDto, NeedDto
from sip_desk.domain.participant import InformationConsentDto, ParticipantDto
from sip_desk.domain.person import PersonDto, RepresentativeData
from sip_desk.domain.plan import PlanDetail, PlanFields, VersionSummary
from sip_desk.services.follow_up_draft_mapping import draft_from_rows
from sip_desk.services.plan_reader_sql import PYFORMAT, SQL

Row = Sequence[Any]


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _datetime(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _opt(enum: Any, value: Any) -> Any:
    return None if value is None else enum(value)


def read_plan(conn: Connection, plan_id: int) -> PlanDetail:
    """The whole plan ``plan_id`` as seen by ``conn``'s transaction.

    Raises:
        NotFoundError: no such plan.
    """
    sql = SQL if conn.dialect.paramstyle in {"named", "qmark"} else PYFORMAT
    # The DBAPI cursor of this very connection: same transaction, none of the result-metadata
    # work SQLAlchemy does per statement (most of the remaining cost).
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    rows: dict[str, list[Row]] = {}
    try:
        for name, statement in sql.items():
            cursor.execute(statement, {"id": plan_id})
            rows[name] = list(cursor.fetchall())
    finally:
        cursor.close()
    if not rows["plan"]:
        raise NotFoundError("plan", plan_id)
    names = {r[0]: r[2] for r in rows["participants"]}
    return _detail(rows, names)


def _detail(rows: dict[str, list[Row]], names: dict[int, str]) -> PlanDetail:
    p = rows["plan"][0]
    coordinator = next((r[0] for r in rows["participants"] if r[14]), None)
    goal_links: dict[int, list[int]] = defaultdict(list)
    for action_id, goal_id in rows["action_goals"]:
        goal_links[action_id].append(goal_id)
    return PlanDetail(
        id=p[0],
        version=p[1],
        status=PlanStatus(p[2]),
        closed_reason=p[3],
        closed_on=_date(p[4]),
        created_at=_datetime(p[5]),
        updated_at=_datetime(p[6]),
        person=_person(p, rows["representatives"]),
        fields=_fields(p, coordinator),
        participants=tuple(_participant(r) for r in rows["participants"]),
        consents=tuple(_consent(r) for r in rows["consents"]),
        goals=tuple(
            GoalDto(id=r[0], position=r[1], text=r[2], term=GoalTerm(r[3]), parent_id=r[4])
            for r in rows["goals"]
        ),
        needs=tuple(NeedDto(id=r[0], position=r[1], description=r[2]) for r in rows["needs"]),
        actions=tuple(_action(r, names, goal_links[r[0]]) for r in rows["actions"]),
        meetings=_meetings(rows, names),
        versions=tuple(
            VersionSummary(
                number=r[0],
                state=VersionState(r[1]),
                content_hash=r[2],
                previous_hash=r[3],
                created_at=_datetime(r[4]),
                signed_at=None if r[5] is None else _datetime(r[5]),
            )
            for r in rows["versions"]
        ),
        follow_up_draft=draft_from_rows(
            rows["follow_up_draft"], rows["draft_action_reviews"], rows["draft_goal_reviews"]
        ),
    )


def _person(p: Row, reps: list[Row]) -> PersonDto:
    return PersonDto(
        id=p[28],
        reserve_id=p[29],
        first_name=p[30],
        last_name=p[31],
        identity_number=p[32],
        phone=p[33],
        email=p[34],
        address=p[35],
        preferred_language=p[36],
        interpreter_needed=bool(p[37]),
        interpreter_language=p[38],
        protected_identity=bool(p[39]),
        representatives=tuple(
            RepresentativeData(kind=RepresentativeKind(r[0]), name=r[1], phone=r[2], email=r[3])
            for r in reps
        ),
    )


def _fields(p: Row, coordinator: int | None) -> PlanFields:
    return PlanFields(
        reason=p[7],
        meeting_question=p[8],
        requested_by=p[9],
        requested_on=_date(p[10]),
        lead_principal=_opt(PrincipalType, p[11]),
        lead_organisation=p[12] or "",
        coordinator_participant_id=coordinator,
        made_with_person=None if p[13] is None else bool(p[13]),
        not_with_person_reason=p[14],
        plan_consent_given=bool(p[15]),
        plan_consent_date=_date(p[16]),
        plan_consent_form=_opt(ConsentForm, p[17]),
        plan_consent_given_by=_opt(ConsentGiver, p[18]),
        what_matters=p[19],
        strengths=p[20],
        person_own_actions=p[21],
        relatives_own_actions=p[22],
        crisis_warning_signs=p[23],
        crisis_actions=p[24],
        crisis_contacts=p[25],
        legal_reference=p[26],
        print_language=p[27],
    )


def _participant(r: Row) -> ParticipantDto:
    return ParticipantDto(
        id=r[0],
        position=r[1],
        name=r[2],
        organisation=r[3] or "",
        principal=PrincipalType(r[4]) if r[4] else PrincipalType.OTHER,
        unit=r[5] or "",
        role=r[6],
        phone=r[7],
        email=r[8],
        invitation=InvitationKind(r[9]),
        present=bool(r[10]),
        is_relative=bool(r[11]),
        is_chair=bool(r[12]),
        contact_role=r[13],
    )


def _consent(r: Row) -> InformationConsentDto:
    valid_from = _date(r[5])
    assert valid_from is not None
    return InformationConsentDto(
        id=r[0],
        organisation=r[1],
        principal=PrincipalType(r[2]),
        information_shared=r[3],
        information_excluded=r[4],
        valid_from=valid_from,
        valid_until=_date(r[6]),
        form=ConsentForm(r[7]),
        given_by=ConsentGiver(r[8]),
        given_by_name=r[9],
        revoked_on=_date(r[10]),
    )


def _action(r: Row, names: dict[int, str], goal_ids: list[int]) -> ActionDto:
    return ActionDto(
        id=r[0],
        position=r[1],
        description=r[2],
        need_id=r[3],
        responsible_principal=PrincipalType(r[4]),
        organisation=r[5] or "",
        unit=r[6] or "",
        responsible_participant_id=r[7],
        responsible_name=names.get(r[7], "") if r[7] is not None else "",
        is_other_actor=bool(r[8]),
        start_date=_date(r[9]),
        end_date=_date(r[10]),
        status=ActionStatus(r[11]),
        goal_ids=tuple(goal_ids),
        cost_responsibility=r[12],
    )


def _meetings(rows: dict[str, list[Row]], names: dict[int, str]) -> tuple[MeetingDto, ...]:
    action_reviews: dict[int, list[ActionReviewData]] = defaultdict(list)
    for meeting_id, action_id, status, comment in rows["action_reviews"]:
        action_reviews[meeting_id].append(
            ActionReviewData(action_id=action_id, status=ReviewStatus(status), comment=comment)
        )
    goal_reviews: dict[int, list[GoalReviewData]] = defaultdict(list)
    for meeting_id, goal_id, outcome, view in rows["goal_reviews"]:
        goal_reviews[meeting_id].append(
            GoalReviewData(goal_id=goal_id, outcome=GoalOutcome(outcome), person_view=view)
        )
    return tuple(
        MeetingDto(
            id=r[0],
            kind=MeetingKind(r[1]),
            starts_at=_datetime(r[2]),
            duration_minutes=r[3],
            place=r[4],
            video_link=r[5],
            convenor_participant_id=r[6],
            convenor_name=names.get(r[6], "") if r[6] is not None else "",
            status=MeetingStatus(r[7]),
            notes=r[8],
            new_needs=r[9],
            decision=_opt(FollowUpDecision, r[10]),
            decision_reason=r[11],
            action_reviews=tuple(action_reviews[r[0]]),
            goal_reviews=tuple(goal_reviews[r[0]]),
        )
        for r in rows["meetings"]
    )
