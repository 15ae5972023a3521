"""Validation rules for everything the user types. Pure functions; raise ``ValidationErrors``."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date, datetime

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import FollowUpDecision, MeetingKind, MeetingStatus
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.identity import parse_identity
from sip_desk.domain.local_time import local_text
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanFields

NAME_MAX = 200
TEXT_MAX = 20_000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A phone number holds digits (and is no e-mail address); words beside them are kept, as in
# "08-123 45 67 (växel)": stored numbers written so must still save with their row.
_PHONE = re.compile(r"^[^@]*[0-9][^@]*$")


def _raise_if(errors: list[ValidationError]) -> None:
    if errors:
        raise ValidationErrors(errors)


def _lengths(obj: object, prefix: str) -> Iterator[ValidationError]:
    """Every string field over its maximum length."""
    for f in dataclasses.fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if isinstance(value, str):
            limit = NAME_MAX if f.name in {"name", "first_name", "last_name", "phone"} else TEXT_MAX
            if len(value) > limit:
                yield ValidationError(f"{prefix}.{f.name}", "validation.too_long", max=limit)


def _required(value: str, field: str) -> Iterator[ValidationError]:
    if not value.strip():
        yield ValidationError(field, "validation.required")


def _email(value: str, field: str) -> Iterator[ValidationError]:
    if value and not _EMAIL.match(value.strip()):
        yield ValidationError(field, "validation.email", value=value)


def _phone(value: str, field: str) -> Iterator[ValidationError]:
    if value.strip() and not _PHONE.match(value.strip()):
        yield ValidationError(field, "validation.phone", value=value)


def _unit_needs_organisation(
    data: ParticipantData | ActionData, prefix: str
) -> Iterator[ValidationError]:
    # A unit is stored as part of its organisation; without one it would be dropped unseen.
    if data.unit.strip() and not data.organisation.strip():
        yield ValidationError(f"{prefix}.unit", "validation.unit_without_organisation")


def _not_before(
    start: date | None, end: date | None, field: str, code: str
) -> Iterator[ValidationError]:
    if start is not None and end is not None and end < start:
        yield ValidationError(field, code, start=start, end=end)


def validate_person(data: PersonData, today: date) -> PersonData:
    """Check a person and return it with the identity number normalised."""
    errors = [
        *_required(data.first_name, "person.first_name"),
        *_required(data.last_name, "person.last_name"),
        *_email(data.email, "person.email"),
        *_lengths(data, "person"),
    ]
    for rep in data.representatives:
        errors += [*_required(rep.name, "representative.name"), *_lengths(rep, "representative")]
    identity = data.identity_number.strip() if data.identity_number else None
    if identity:
        try:
            identity = parse_identity(identity, today).value
        except ValidationError as exc:
            errors.append(exc)
    _raise_if(errors)
    return dataclasses.replace(
        data,
        first_name=data.first_name.strip(),
        last_name=data.last_name.strip(),
        identity_number=identity or None,
    )


def validate_plan_fields(fields: PlanFields, today: date) -> None:
    """Check the plan's own fields."""
    errors = list(_lengths(fields, "plan"))
    if fields.made_with_person is False:
        errors += _required(fields.not_with_person_reason, "plan.not_with_person_reason")
    if fields.requested_on is not None and fields.requested_on > today:
        errors.append(
            ValidationError(
                "plan.requested_on", "validation.date_in_future", value=fields.requested_on
            )
        )
    _raise_if(errors)


def validate_participant(data: ParticipantData) -> None:
    """Check a participant."""
    _raise_if(
        [
            *_required(data.name, "participant.name"),
            *_email(data.email, "participant.email"),
            *_phone(data.phone, "participant.phone"),
            *_unit_needs_organisation(data, "participant"),
            *_lengths(data, "participant"),
        ]
    )


def validate_consent(data: InformationConsentData) -> None:
    """Check an information-sharing consent: organisation, validity period, revocation."""
    start = data.valid_from
    _raise_if(
        [
            *_required(data.organisation, "consent.organisation"),
            *_lengths(data, "consent"),
            *_not_before(
                start, data.valid_until, "consent.valid_until", "validation.valid_until_before_from"
            ),
            *_not_before(
                start, data.revoked_on, "consent.revoked_on", "validation.revoked_before_from"
            ),
        ]
    )


def validate_goal(data: GoalData, goal_id: int | None = None) -> None:
    """Check a goal."""
    errors = [*_required(data.text, "goal.text"), *_lengths(data, "goal")]
    if goal_id is not None and data.parent_id == goal_id:
        errors.append(ValidationError("goal.parent_id", "validation.goal_parent_cycle"))
    _raise_if(errors)


def validate_need(data: NeedData) -> None:
    """Check a need."""
    _raise_if([*_required(data.description, "need.description"), *_lengths(data, "need")])


def validate_action(data: ActionData) -> None:
    """Check an action: a description and a time frame whose end is not before its start."""
    _raise_if(
        [
            *_required(data.description, "action.description"),
            *_unit_needs_organisation(data, "action"),
            *_lengths(data, "action"),
            *_not_before(
                data.start_date, data.end_date, "action.end_date", "validation.end_before_start"
            ),
        ]
    )


def validate_meeting(data: MeetingData, now: datetime, time_changed: bool) -> None:
    """Check a meeting: a newly booked follow-up cannot be in the past; a close needs a reason."""
    errors = list(_lengths(data, "meeting"))
    if (
        time_changed
        and data.kind is MeetingKind.FOLLOW_UP
        and data.status is MeetingStatus.BOOKED
        and data.starts_at < now
    ):
        errors.append(
            ValidationError(
                "meeting.starts_at",
                "validation.follow_up_in_past",
                value=local_text(data.starts_at),
            )
        )
    if data.decision in (FollowUpDecision.CLOSE, FollowUpDecision.REVISE):
        errors += _required(data.decision_reason, "meeting.decision_reason")
    _raise_if(errors)
