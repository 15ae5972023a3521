from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import FollowUpDecision, MeetingKind, MeetingStatus
from sip_desk.domain.errors import ValidationErrors
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.goal import GoalData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.plan import PlanFields
from sip_desk.domain.validation import (
    TEXT_MAX,
    validate_action,
    validate_consent,
    validate_goal,
    validate_meeting,
    validate_participant,
    validate_person,
    validate_plan_fields,
)

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _fields(error: ValidationErrors) -> list[str]:
    return [e.field for e in error.errors]


def test_validate_person_lists_every_missing_field_at_once() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_person(
            PersonData(
                first_name=" ",
                last_name="",
                email="inte-en-adress",
                representatives=(RepresentativeData(name=""),),
            ),
            TODAY,
        )

    assert _fields(info.value) == [
        "person.first_name",
        "person.last_name",
        "person.email",
        "representative.name",
    ]
    assert "Förnamn måste fyllas i." in info.value.message("sv")
    assert "First name is required." in info.value.message("en")


def test_validate_person_normalises_names_and_identity() -> None:
    person = validate_person(
        PersonData(first_name=" Åsa ", last_name="Öberg ", identity_number="8403121232"), TODAY
    )

    assert (person.first_name, person.last_name) == ("Åsa", "Öberg")
    assert person.identity_number == "19840312-1232"


def test_validate_action_refuses_end_before_start() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_action(
            ActionData(
                description="Boendestöd", start_date=date(2026, 12, 1), end_date=date(2026, 11, 1)
            )
        )

    assert _fields(info.value) == ["action.end_date"]
    assert "ligger före startdatum" in info.value.message("sv")


def test_validate_consent_refuses_end_before_start_and_early_revocation() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_consent(
            InformationConsentData(
                organisation="BUP",
                valid_from=date(2026, 11, 1),
                valid_until=date(2026, 10, 1),
                revoked_on=date(2026, 10, 2),
            )
        )

    assert _fields(info.value) == ["consent.valid_until", "consent.revoked_on"]


def test_validate_meeting_refuses_follow_up_in_the_past() -> None:
    past = MeetingData(kind=MeetingKind.FOLLOW_UP, starts_at=NOW - timedelta(days=1))

    with pytest.raises(ValidationErrors) as info:
        validate_meeting(past, NOW, time_changed=True)

    assert "i det förflutna" in info.value.message("sv")
    validate_meeting(past, NOW, time_changed=False)  # an old meeting may be edited otherwise
    validate_meeting(
        MeetingData(
            kind=MeetingKind.FOLLOW_UP, starts_at=past.starts_at, status=MeetingStatus.HELD
        ),
        NOW,
        time_changed=True,
    )


def test_validate_meeting_requires_a_reason_to_close() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_meeting(
            MeetingData(starts_at=NOW, status=MeetingStatus.HELD, decision=FollowUpDecision.CLOSE),
            NOW,
            time_changed=False,
        )

    assert _fields(info.value) == ["meeting.decision_reason"]


def test_validate_plan_fields_requires_a_reason_when_not_made_with_the_person() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_plan_fields(PlanFields(made_with_person=False), TODAY)

    assert _fields(info.value) == ["plan.not_with_person_reason"]


def test_validate_plan_fields_refuses_a_request_date_in_the_future() -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_plan_fields(PlanFields(requested_on=TODAY + timedelta(days=1)), TODAY)

    assert _fields(info.value) == ["plan.requested_on"]


def test_validate_refuses_too_long_text_and_accepts_any_script() -> None:
    validate_participant(ParticipantData(name="Ђорђе Петровић"))
    validate_participant(ParticipantData(name="محمد"))
    validate_goal(GoalData(text="Robert'); DROP TABLE plans;--"))

    with pytest.raises(ValidationErrors) as info:
        validate_goal(GoalData(text="x" * (TEXT_MAX + 1)))

    assert "högst 20000 tecken" in info.value.message("sv")
