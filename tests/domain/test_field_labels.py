"""Every text a user types has a field name in both languages, so a message never shows a code."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sip_desk.domain.action import ActionData
from sip_desk.domain.errors import ValidationErrors
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.plan import PlanFields
from sip_desk.domain.validation import TEXT_MAX, validate_plan_fields
from tests.domain.catalogues import entries

LABELLED = {key.removeprefix("field.") for key in entries("sv").keys() & entries("en").keys()}

TYPED = [
    (PersonData, "person"),
    (RepresentativeData, "representative"),
    (PlanFields, "plan"),
    (ParticipantData, "participant"),
    (InformationConsentData, "consent"),
    (GoalData, "goal"),
    (NeedData, "need"),
    (ActionData, "action"),
    (MeetingData, "meeting"),
]


@pytest.mark.parametrize(("cls", "prefix"), TYPED, ids=[p for _, p in TYPED])
def test_every_typed_text_field_has_a_swedish_and_english_label(cls: type, prefix: str) -> None:
    missing = [
        f"{prefix}.{f.name}"
        for f in dataclasses.fields(cls)
        if "str" in str(f.type) and f"{prefix}.{f.name}" not in LABELLED
    ]
    assert not missing


def test_a_pasted_text_over_the_limit_is_named_as_the_user_sees_it() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_plan_fields(PlanFields(strengths="x" * (TEXT_MAX + 1)), date(2026, 11, 30))
    (error,) = caught.value.errors
    assert error.message("sv") == f"Styrkor får vara högst {TEXT_MAX} tecken."
    assert "strengths" not in error.message("en")
