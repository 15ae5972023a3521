from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

from sip_desk.domain.changes import ChangeKind, diff_plans, summarise
from sip_desk.domain.enums import ActionStatus
from sip_desk.domain.goal import GoalDto
from sip_desk.domain.participant import ParticipantDto
from tests.domain.plan_samples import sample_plan


def test_changes_none_between_equal_plans() -> None:
    plan = sample_plan()

    assert diff_plans(plan, dataclasses.replace(plan, version=13)) == ()


def test_changes_new_and_removed_goal_in_three_languages() -> None:
    old = sample_plan()
    new = dataclasses.replace(
        old, goals=(old.goals[0], GoalDto(id=33, position=2, text="Börja arbetspraktik"))
    )

    summary = summarise(old, 1, new)

    assert summary.lines("sv") == (
        "Nytt mål: Börja arbetspraktik.",
        "Målet är borttaget: Vara drogfri ett år.",
    )
    assert summary.lines("en")[0] == "New goal: Börja arbetspraktik."
    assert summary.lines("ar")[0] == "هدف جديد: Börja arbetspraktik."
    assert [(c.area, c.kind, c.item_id) for c in summary.items] == [
        ("goal", ChangeKind.ADDED, 33),
        ("goal", ChangeKind.REMOVED, 32),
    ]


def test_changes_action_lists_what_changed_on_it() -> None:
    old = sample_plan()
    action = dataclasses.replace(
        old.actions[0], end_date=date(2027, 3, 1), status=ActionStatus.ONGOING
    )

    (change,) = diff_plans(old, dataclasses.replace(old, actions=(action,)))

    assert change.fields == ("time", "status")
    assert change.line("sv") == "Ändrad insats: Boendestöd två gånger i veckan (tid, status)."
    assert change.line("en") == "Changed action: Boendestöd två gånger i veckan (time, status)."


def test_changes_goal_link_order_is_not_a_change() -> None:
    old = sample_plan()
    action = dataclasses.replace(old.actions[0], goal_ids=(31, 32))

    assert diff_plans(old, dataclasses.replace(old, actions=(action,))) == ()


def test_changes_plan_fields_grouped_in_plain_words() -> None:
    old = sample_plan()
    fields = dataclasses.replace(
        old.fields, what_matters="Att få bo kvar", crisis_actions="Ring Kim", crisis_contacts="Kim"
    )

    (change,) = diff_plans(old, dataclasses.replace(old, fields=fields))

    assert change.line("sv") == "Ändrat: det som är viktigt för dig, krisplanen."
    assert change.line("ar") == "تم التغيير: ما هو مهم بالنسبة لك، خطة الأزمات."


def test_changes_person_details_never_print_the_values() -> None:
    old = sample_plan()
    person = dataclasses.replace(old.person, address="Hemlig väg 1", phone="070-999")

    (change,) = diff_plans(old, dataclasses.replace(old, person=person))

    assert change.line("sv") == "Ändrade uppgifter om dig: kontaktuppgifter."
    assert "Hemlig" not in change.line("en")


def test_changes_leave_out_a_new_address_since_snapshots_hold_none() -> None:
    old = sample_plan()
    person = dataclasses.replace(old.person, address="Ny gata 2")

    assert diff_plans(old, dataclasses.replace(old, person=person)) == ()


def test_changes_moved_meeting_and_new_participant() -> None:
    old = sample_plan()
    meeting = dataclasses.replace(
        old.meetings[0], starts_at=datetime(2027, 1, 25, 9, 0, tzinfo=UTC)
    )
    extra = ParticipantDto(id=23, position=2, name="Lina Lärare", organisation="Skolan")
    new = dataclasses.replace(old, meetings=(meeting,), participants=(*old.participants, extra))

    lines = summarise(old, 1, new).lines("sv")

    assert lines == (
        "Ny deltagare: Lina Lärare (Skolan).",
        "Ändrat möte: 2027-01-25 10:00 (tid).",
    )


def test_changes_revoked_consent_is_called_withdrawn() -> None:
    old = sample_plan()
    consent = dataclasses.replace(old.consents[0], revoked_on=date(2026, 12, 1))

    (change,) = diff_plans(old, dataclasses.replace(old, consents=(consent,)))

    assert change.kind is ChangeKind.REVOKED
    assert change.line("en") == "Consent withdrawn: Beroendemottagningen."


def test_changes_summary_without_signed_version_is_empty() -> None:
    summary = summarise(None, None, sample_plan())

    assert summary.since_version is None and summary.items == () and summary.lines("sv") == ()
