"""The plan aggregate: its own fields, and the read models the services return."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sip_desk.domain.action import ActionDto
from sip_desk.domain.enums import (
    ConsentForm,
    ConsentGiver,
    MeetingKind,
    MeetingStatus,
    PlanStatus,
    PrincipalType,
    VersionState,
)
from sip_desk.domain.follow_up import FollowUpDraftDto, MeetingDto
from sip_desk.domain.goal import GoalDto, NeedDto
from sip_desk.domain.participant import InformationConsentDto, ParticipantDto
from sip_desk.domain.person import PersonDto
from sip_desk.domain.principals import NoEffortReasonDto
from sip_desk.domain.translation import TranslationDto

DEFAULT_LEGAL_REFERENCE = (
    "Socialtjänstlagen (2025:400) och hälso- och sjukvårdslagen (2017:30) 16 kap. 4 §"
)


@dataclass(frozen=True, kw_only=True)
class PlanFields:
    """Everything about a plan that is edited as a single value (not a list).

    ``made_with_person`` is ``None`` until recorded; when ``False`` the reason is required.
    """

    reason: str = ""
    meeting_question: str = ""
    requested_by: str = ""
    requested_on: date | None = None
    lead_principal: PrincipalType | None = None
    lead_organisation: str = ""
    coordinator_participant_id: int | None = None
    made_with_person: bool | None = None
    not_with_person_reason: str = ""
    plan_consent_given: bool = False
    plan_consent_date: date | None = None
    plan_consent_form: ConsentForm | None = None
    plan_consent_given_by: ConsentGiver | None = None
    what_matters: str = ""
    strengths: str = ""
    person_own_actions: str = ""
    relatives_own_actions: str = ""
    crisis_warning_signs: str = ""
    crisis_actions: str = ""
    crisis_contacts: str = ""
    legal_reference: str = DEFAULT_LEGAL_REFERENCE
    print_language: str = "sv"


@dataclass(frozen=True, kw_only=True)
class VersionSummary:
    """One plan version: a working draft or an immutable signed snapshot."""

    number: int
    state: VersionState
    content_hash: str | None
    previous_hash: str | None
    created_at: datetime
    signed_at: datetime | None


@dataclass(frozen=True, kw_only=True)
class PlanDetail:
    """A whole plan as the editor, the PDF and the export see it."""

    id: int
    version: int
    status: PlanStatus
    closed_reason: str
    closed_on: date | None
    created_at: datetime
    updated_at: datetime
    person: PersonDto
    fields: PlanFields
    participants: tuple[ParticipantDto, ...] = ()
    consents: tuple[InformationConsentDto, ...] = ()
    goals: tuple[GoalDto, ...] = ()
    needs: tuple[NeedDto, ...] = ()
    actions: tuple[ActionDto, ...] = ()
    meetings: tuple[MeetingDto, ...] = ()
    translations: tuple[TranslationDto, ...] = ()
    """The person's own texts translated at the meeting (``domain.translation``)."""
    no_effort_reasons: tuple[NoEffortReasonDto, ...] = ()
    """Why a principal taking part has no effort (``domain.principals``)."""
    versions: tuple[VersionSummary, ...] = field(default_factory=tuple)
    follow_up_draft: FollowUpDraftDto | None = None
    """The follow-up record being written, if any; not plan content (never signed)."""

    def participant(self, participant_id: int | None) -> ParticipantDto | None:
        """The participant with ``participant_id``, if any."""
        return next((p for p in self.participants if p.id == participant_id), None)

    @property
    def coordinator(self) -> ParticipantDto | None:
        """The coordinating person, if chosen."""
        return self.participant(self.fields.coordinator_participant_id)

    def booked_follow_ups(self) -> list[MeetingDto]:
        """The booked follow-up meetings, earliest first."""
        booked = (
            m
            for m in self.meetings
            if m.kind is MeetingKind.FOLLOW_UP and m.status is MeetingStatus.BOOKED
        )
        return sorted(booked, key=lambda m: (m.starts_at, m.id))

    def next_follow_up(self, now: datetime) -> MeetingDto | None:
        """The earliest booked follow-up at or after ``now``."""
        return next((m for m in self.booked_follow_ups() if m.starts_at >= now), None)


@dataclass(frozen=True, kw_only=True)
class PlanSummary:
    """One row of the plan list."""

    id: int
    person_name: str
    identity_number: str | None
    reserve_id: str | None
    protected_identity: bool
    status: PlanStatus
    lead_principal: PrincipalType | None
    lead_organisation: str
    coordinator_name: str
    next_follow_up_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True, kw_only=True)
class PlanQuery:
    """Filter and page for the plan list. ``text`` matches name, identity number, organisation."""

    text: str = ""
    status: PlanStatus | None = None
    offset: int = 0
    limit: int | None = 200
