"""The one codec between the domain dataclasses and JSON (export format and signed snapshot)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from sip_desk.domain.codec import DecodeError, decode, decode_fields, encode
from sip_desk.domain.enums import GoalTerm
from sip_desk.domain.goal import GoalData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.plan import PlanDetail
from tests.domain.plan_samples import sample_plan


def test_a_plan_goes_to_json_and_back_unchanged() -> None:
    plan = sample_plan()

    text = json.dumps(encode(plan))

    assert decode(PlanDetail, json.loads(text)) == plan


def test_values_are_written_as_the_format_says() -> None:
    moment = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)

    assert encode(GoalTerm.SHORT) == "short"
    assert encode(date(2026, 2, 3)) == "2026-02-03"
    assert encode(moment) == "2026-11-23T10:30:00+00:00"
    assert encode(GoalData(text="Bo själv"))["term"] == GoalTerm.LONG.value
    with pytest.raises(ValueError, match="naive"):
        encode(datetime(2026, 11, 23, 10, 30))


@pytest.mark.parametrize(
    ("change", "where", "detail"),
    [
        (("first_name", 3), "$.person.first_name", "expected str, got int"),
        (("interpreter_needed", "yes"), "$.person.interpreter_needed", "expected bool, got str"),
        (("representatives", "Eva"), "$.person.representatives", "expected a list, got str"),
        (("representatives", [{"kind": "aunt"}]), "$.person.representatives[0].kind", "'aunt'"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_with_its_path(change, where, detail) -> None:
    raw = {"first_name": "Eva", "last_name": "Ek", change[0]: change[1]}

    with pytest.raises(DecodeError) as info:
        decode(PersonData, raw, "$.person")

    assert info.value.where == where
    assert detail in info.value.detail


def test_missing_keys_take_the_default_or_the_empty_value_else_are_refused() -> None:
    person = decode(PersonData, {"last_name": "Ek"})
    rep = decode(RepresentativeData, {"name": "Eva"})

    assert (person.first_name, person.preferred_language, person.representatives) == ("", "sv", ())
    assert rep.name == "Eva"
    with pytest.raises(DecodeError, match=r"\$\.plan\.status: missing"):
        decode(
            PlanDetail, {k: v for k, v in encode(sample_plan()).items() if k != "status"}, "$.plan"
        )


def test_dates_that_do_not_exist_are_refused_with_their_path() -> None:
    with pytest.raises(DecodeError) as info:
        decode(date | None, "2026-02-30", "$.a.end_date")
    with pytest.raises(DecodeError) as late:
        decode(datetime, "9999-12-31T23:59:59-14:00", "$.m.starts_at")

    assert info.value.where == "$.a.end_date"
    assert info.value.detail == "'2026-02-30' is not a valid date"
    assert late.value.detail.endswith("is outside the years 1 to 9999 in UTC")
    assert decode(date | None, None) is None


def test_known_fields_come_from_the_caller_as_they_are() -> None:
    goal = decode_fields(GoalData, {"text": "x", "parent_ref": "goal-1"}, "$.g", parent_id=7)

    assert (goal.text, goal.parent_id) == ("x", 7)
