"""ORM rows → domain DTOs. Called inside a unit of work, on fully loaded rows."""

from __future__ import annotations

from sip_desk.db.models import (
    Action,
    FollowUpDraft,
    Goal,
    InformationConsent,
    Meeting,
    Need,
    Participant,
    Person,
    Plan,
    PlanVersion,
)
from sip_desk.domain.action import ActionDto
from sip_desk.domain.enums import PrincipalType
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


def person_dto(p: Person) -> PersonDto:
    """A person row as a DTO."""
    return PersonDto(
        id=p.id,
        reserve_id=p.reserve_id,
        first_name=p.first_name,
        last_name=p.last_name,
        identity_number=p.identity_number,
        phone=p.phone,
        email=p.email,
        address=p.address,
        preferred_language=p.preferred_language,
        interpreter_needed=p.interpreter_needed,
        interpreter_language=p.interpreter_language,
        protected_identity=p.protected_identity,
        representatives=tuple(
            RepresentativeData(kind=r.kind, name=r.name, phone=r.phone, email=r.email)
            for r in p.representatives
        ),
    )


def participant_dto(p: Participant) -> ParticipantDto:
    """A participant row as a DTO."""
    org = p.organisation
    return ParticipantDto(
        id=p.id,
        position=p.position,
        name=p.name,
        organisation=org.name if org else "",
        principal=org.principal_type if org else PrincipalType.OTHER,
        unit=p.unit.name if p.unit else "",
        role=p.role,
        phone=p.phone,
        email=p.email,
        invitation=p.invitation,
        present=p.present,
        is_relative=p.is_relative,
        is_chair=p.is_chair,
        contact_role=p.contact_role,
    )


def consent_dto(c: InformationConsent) -> InformationConsentDto:
    """A consent row as a DTO."""
    return InformationConsentDto(
        id=c.id,
        organisation=c.organisation.name,
        principal=c.organisation.principal_type,
        information_shared=c.information_shared,
        information_excluded=c.information_excluded,
        valid_from=c.valid_from,
        valid_until=c.valid_until,
        form=c.form,
        given_by=c.given_by,
        given_by_name=c.given_by_name,
        revoked_on=c.revoked_on,
    )


def goal_dto(g: Goal) -> GoalDto:
    """A goal row as a DTO."""
    return GoalDto(id=g.id, position=g.position, text=g.text, term=g.term, parent_id=g.parent_id)


def need_dto(n: Need) -> NeedDto:
    """A need row as a DTO."""
    return NeedDto(id=n.id, position=n.position, description=n.description)


def action_dto(a: Action, names: dict[int, str]) -> ActionDto:
    """An action row as a DTO; ``names`` maps participant ids to names."""
    return ActionDto(
        id=a.id,
        position=a.position,
        description=a.description,
        need_id=a.need_id,
        responsible_principal=a.responsible_principal,
        organisation=a.organisation.name if a.organisation else "",
        unit=a.unit.name if a.unit else "",
        responsible_participant_id=a.responsible_participant_id,
        responsible_name=names.get(a.responsible_participant_id or -1, ""),
        is_other_actor=a.is_other_actor,
        start_date=a.start_date,
        end_date=a.end_date,
        status=a.status,
        goal_ids=tuple(g.id for g in a.goals),
        cost_responsibility=a.cost_responsibility,
    )


def meeting_dto(m: Meeting, names: dict[int, str]) -> MeetingDto:
    """A meeting row as a DTO, with its reviews."""
    return MeetingDto(
        id=m.id,
        kind=m.kind,
        starts_at=m.starts_at,
        duration_minutes=m.duration_minutes,
        place=m.place,
        video_link=m.video_link,
        convenor_participant_id=m.convenor_participant_id,
        convenor_name=names.get(m.convenor_participant_id or -1, ""),
        status=m.status,
        notes=m.notes,
        new_needs=m.new_needs,
        decision=m.decision,
        decision_reason=m.decision_reason,
        action_reviews=tuple(
            ActionReviewData(action_id=r.action_id, status=r.status, comment=r.comment)
            for r in m.action_reviews
        ),
        goal_reviews=tuple(
            GoalReviewData(goal_id=r.goal_id, outcome=r.outcome, person_view=r.person_view)
            for r in m.goal_reviews
        ),
    )


def version_summary(v: PlanVersion) -> VersionSummary:
    """A version row as a summary."""
    return VersionSummary(
        number=v.number,
        state=v.state,
        content_hash=v.content_hash,
        previous_hash=v.previous_hash,
        created_at=v.created_at,
        signed_at=v.signed_at,
    )


def plan_fields(p: Plan) -> PlanFields:
    """The plan's own fields."""
    coordinator = next((x.id for x in p.participants if x.is_coordinator), None)
    return PlanFields(
        reason=p.reason,
        meeting_question=p.meeting_question,
        requested_by=p.requested_by,
        requested_on=p.requested_on,
        lead_principal=p.lead_principal,
        lead_organisation=p.lead_organisation.name if p.lead_organisation else "",
        coordinator_participant_id=coordinator,
        made_with_person=p.made_with_person,
        not_with_person_reason=p.not_with_person_reason,
        plan_consent_given=p.plan_consent_given,
        plan_consent_date=p.plan_consent_date,
        plan_consent_form=p.plan_consent_form,
        plan_consent_given_by=p.plan_consent_given_by,
        what_matters=p.what_matters,
        strengths=p.strengths,
        person_own_actions=p.person_own_actions,
        relatives_own_actions=p.relatives_own_actions,
        crisis_warning_signs=p.crisis_warning_signs,
        crisis_actions=p.crisis_actions,
        crisis_contacts=p.crisis_contacts,
        legal_reference=p.legal_reference,
        print_language=p.print_language,
    )


def plan_detail(p: Plan) -> PlanDetail:
    """A fully loaded plan as a :class:`PlanDetail`."""
    names = {x.id: x.name for x in p.participants}
    return PlanDetail(
        id=p.id,
        version=p.version,
        status=p.status,
        closed_reason=p.closed_reason,
        closed_on=p.closed_on,
        created_at=p.created_at,
        updated_at=p.updated_at,
        person=person_dto(p.person),
        fields=plan_fields(p),
        participants=tuple(participant_dto(x) for x in p.participants),
        consents=tuple(consent_dto(c) for c in p.consents),
        goals=tuple(goal_dto(g) for g in p.goals),
        needs=tuple(need_dto(n) for n in p.needs),
        actions=tuple(action_dto(a, names) for a in p.actions),
        meetings=tuple(meeting_dto(m, names) for m in p.meetings),
        versions=tuple(version_summary(v) for v in p.versions),
        follow_up_draft=draft_dto(p.follow_up_draft),
    )


def draft_dto(draft: FollowUpDraft | None) -> FollowUpDraftDto | None:
    """The ORM draft as a DTO."""
    if draft is None:
        return None
    record = FollowUpRecord(
        action_reviews=tuple(
            ActionEvaluation(action_id=r.action_id, status=r.status, comment=r.comment)
            for r in draft.action_reviews
        ),
        goal_reviews=tuple(
            GoalEvaluation(goal_id=r.goal_id, outcome=r.outcome, person_view=r.person_view)
            for r in draft.goal_reviews
        ),
        new_needs=draft.new_needs,
        notes=draft.notes,
        decision=draft.decision,
        decision_reason=draft.decision_reason,
        next_starts_at=draft.next_starts_at,
        next_place=draft.next_place,
        next_video_link=draft.next_video_link,
    )
    return FollowUpDraftDto(meeting_id=draft.meeting_id, started_at=draft.started_at, record=record)
