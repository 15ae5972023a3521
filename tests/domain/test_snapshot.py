from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest

from sip_desk.domain.redaction import without_address
from sip_desk.domain.snapshot import (
    SnapshotError,
    canonical_snapshot,
    chain_hash,
    parse_snapshot,
    public_snapshot,
    snapshot_address,
)
from tests.domain.plan_samples import sample_plan


def test_snapshot_reads_back_into_the_same_plan() -> None:
    plan = sample_plan()

    back = parse_snapshot(canonical_snapshot(plan), version=12, updated_at=plan.updated_at)

    expected = dataclasses.replace(
        plan,
        versions=(),
        participants=tuple(sorted(plan.participants, key=lambda p: p.position)),
        actions=(dataclasses.replace(plan.actions[0], goal_ids=(31, 32)),),
    )
    assert back == expected


def test_snapshot_ignores_edit_counter_update_time_and_version_list() -> None:
    plan = sample_plan()
    touched = dataclasses.replace(
        plan, version=99, updated_at=datetime(2027, 1, 1, tzinfo=UTC), versions=()
    )

    assert canonical_snapshot(touched) == canonical_snapshot(plan)


def test_snapshot_is_independent_of_list_order() -> None:
    plan = sample_plan()
    shuffled = dataclasses.replace(
        plan, participants=plan.participants[::-1], goals=plan.goals[::-1]
    )

    assert canonical_snapshot(shuffled) == canonical_snapshot(plan)


def test_snapshot_keeps_every_script_readable_and_sorted() -> None:
    text = canonical_snapshot(sample_plan())

    assert "Александра" in text and "نور" in text
    body = json.loads(text)
    assert list(body["plan"]) == sorted(body["plan"])
    assert "version" not in body["plan"] and "updated_at" not in body["plan"]


def test_snapshot_changes_when_the_content_changes() -> None:
    plan = sample_plan()
    edited = dataclasses.replace(
        plan, fields=dataclasses.replace(plan.fields, what_matters="Något annat")
    )

    assert canonical_snapshot(edited) != canonical_snapshot(plan)


def test_chain_hash_depends_on_snapshot_and_previous_hash() -> None:
    snapshot = canonical_snapshot(sample_plan())

    first = chain_hash(snapshot, None)
    second = chain_hash(snapshot, first)

    assert len(first) == 64 and first != second
    assert chain_hash(snapshot, None) == first
    assert chain_hash(snapshot + " ", None) != first


@pytest.mark.parametrize(
    "text",
    ["not json", '{"schema": 99, "plan": {}}', '{"schema": 1, "plan": {"id": "seven"}}'],
)
def test_parse_snapshot_refuses_damaged_text_with_a_message(text: str) -> None:
    with pytest.raises(SnapshotError) as info:
        parse_snapshot(text)

    assert "går inte att läsa" in info.value.message("sv")


def test_parse_snapshot_names_the_bad_field() -> None:
    body = json.loads(canonical_snapshot(sample_plan()))
    body["plan"]["goals"][0]["term"] = "forever"

    with pytest.raises(SnapshotError) as info:
        parse_snapshot(json.dumps(body))

    assert "$.plan.goals[0].term" in info.value.message("en")


def _schema_1(plan_text: str, drop: tuple[str, ...] = ()) -> str:
    """``plan_text`` rewritten as schema 1 (with the person's address), minus ``drop`` keys."""
    body = json.loads(plan_text)
    body["schema"] = 1
    body["plan"]["person"]["address"] = "Hemligvägen 3, 123 99 Björkvik"
    for key in drop:
        del body["plan"][key]
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_snapshot_of_schema_2_holds_no_postal_address() -> None:
    plan = sample_plan()
    plan = dataclasses.replace(plan, person=dataclasses.replace(plan.person, address="Gata 1"))

    body = json.loads(canonical_snapshot(plan))

    assert body["schema"] == 2
    assert "address" not in body["plan"]["person"]
    assert "Gata 1" not in canonical_snapshot(plan)


def test_older_snapshot_reads_with_defaults_for_newer_required_fields() -> None:
    text = _schema_1(canonical_snapshot(sample_plan()), drop=("closed_reason", "closed_on"))

    plan = parse_snapshot(text)

    assert (plan.closed_reason, plan.closed_on) == ("", None)
    assert plan.person.address == ""  # never read back out of a snapshot


def test_older_snapshot_missing_a_field_with_no_empty_value_is_still_refused() -> None:
    text = _schema_1(canonical_snapshot(sample_plan()), drop=("status",))

    with pytest.raises(SnapshotError, match=r"\$\.plan\.status: missing"):
        parse_snapshot(text)


def test_public_snapshot_cuts_the_address_and_keeps_everything_else() -> None:
    new = canonical_snapshot(sample_plan())
    old = _schema_1(new)

    public = public_snapshot(old)

    assert public_snapshot(new) == new  # nothing to cut: the hash still recomputes
    assert "Hemligvägen" not in public
    assert parse_snapshot(public) == parse_snapshot(old)
    assert snapshot_address(old) == "Hemligvägen 3, 123 99 Björkvik"
    assert snapshot_address(new) == ""


def test_without_address_hides_the_address_and_a_home_meeting_place() -> None:
    plan = sample_plan()
    home = dataclasses.replace(plan.meetings[0], place="Hembesök, Storgatan 1, Björkvik")
    office = dataclasses.replace(plan.meetings[0], id=99, place="Socialkontoret")
    plan = dataclasses.replace(
        plan,
        person=dataclasses.replace(plan.person, address="Storgatan 1"),
        meetings=(home, office),
    )

    shown = without_address(plan, ["storgatan 1 ", ""])

    assert shown.person.address == "" and shown.person.protected_identity
    assert [m.place for m in shown.meetings] == ["", "Socialkontoret"]
