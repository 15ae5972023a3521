"""Section 8, the follow-up meeting record: a draft written with the keyboard, never lost,
completed only when every goal and action has been evaluated."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sip_desk.domain.enums import GoalOutcome, MeetingStatus, ReviewStatus
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.ui import file_dialogs, prompts
from sip_desk.ui.editor.plan_editor import PlanEditor
from tests.builders import PlanBuilder
from tests.pdf.pdf_text import pdftotext
from tests.services.follow_up_builders import FollowUpPlans
from tests.ui.editor.helpers import keys, pick, type_line, type_text

VIEW = "Jag bor i egen lägenhet sedan mars"


@pytest.fixture
def plans(sqlite_services: Services) -> FollowUpPlans:
    return FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))


@pytest.fixture
def held_plan(sqlite_services: Services, plans: FollowUpPlans, clock) -> PlanDetail:
    """A signed plan whose booked follow-up was held an hour ago; two open actions."""
    plan = plans.sign(plans.active())
    plan = plans.action(plan, 30, text="Samtal på beroendemottagningen")
    clock.set(plan.meetings[0].starts_at + timedelta(hours=1))
    return sqlite_services.plans.get_plan(plan.id)


@pytest.fixture
def recording(qtbot, open_editor, held_plan) -> Callable[[], PlanEditor]:
    """The editor of ``held_plan`` with its follow-up record started (as Ctrl+R does)."""

    def _open() -> PlanEditor:
        editor: PlanEditor = open_editor(held_plan.id)
        assert editor.record_follow_up()
        return editor

    return _open


def _widget(editor: PlanEditor, key: str):
    return editor.follow_up_record_section.bindings[key].widget


def test_record_starts_on_the_booked_meeting_with_everything_not_yet_evaluated(
    recording, held_plan
) -> None:
    editor = recording()
    section = editor.follow_up_record_section
    goal = held_plan.goals[0]
    first, second = held_plan.actions

    assert QApplication.focusWidget() is _widget(editor, f"record.goal.{goal.id}.outcome")
    assert section.body.isVisible() and not section.start_button.isVisible()
    assert "2027-01-18 10:00" in section.state.text()
    for key in (
        f"record.goal.{goal.id}.outcome",
        f"record.action.{first.id}.status",
        f"record.action.{second.id}.status",
    ):
        assert _widget(editor, key).currentText() == "(not yet evaluated)"
    assert section.unevaluated_label.text() == (
        "Not yet evaluated (3): Ha ett eget boende, Boendestöd två gånger i veckan, "
        "Samtal på beroendemottagningen"
    )


def test_record_is_stored_as_typed_without_leaving_the_field(
    qtbot, recording, held_plan, sqlite_services
) -> None:
    editor = recording()
    goal = held_plan.goals[0]
    view = _widget(editor, f"record.goal.{goal.id}.person_view")

    started = time.monotonic()
    type_text(qtbot, view, VIEW)  # the focus stays in the field

    def stored() -> str:
        draft = sqlite_services.plans.get_plan(held_plan.id).follow_up_draft
        return draft.record.goal(goal.id).person_view if draft else ""

    qtbot.waitUntil(lambda: stored() == VIEW, timeout=2000)
    assert time.monotonic() - started < 1.5
    assert view.hasFocus()


def test_escape_does_not_throw_the_persons_words_away(
    qtbot, recording, held_plan, sqlite_services, open_editor
) -> None:
    editor = recording()
    goal, action = held_plan.goals[0], held_plan.actions[0]
    pick(qtbot, _widget(editor, f"record.goal.{goal.id}.outcome"), "Partly achieved")
    view = _widget(editor, f"record.goal.{goal.id}.person_view")
    type_text(qtbot, view, VIEW)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    comment = _widget(editor, f"record.action.{action.id}.comment")
    comment.setFocus()
    keys(qtbot, comment, "Pågår, två besök i veckan")
    qtbot.keyClick(comment, Qt.Key.Key_Escape)

    editor.close()  # closes with nothing asked: nothing is lost
    reopened = open_editor(held_plan.id)

    assert _widget(reopened, f"record.goal.{goal.id}.person_view").toPlainText() == VIEW
    assert _widget(reopened, f"record.goal.{goal.id}.outcome").currentText() == "Partly achieved"
    assert (
        _widget(reopened, f"record.action.{action.id}.comment").text()
        == "Pågår, två besök i veckan"
    )
    record = sqlite_services.plans.get_plan(held_plan.id).follow_up_draft.record
    assert record.goal(goal.id).outcome is GoalOutcome.PARTLY
    assert record.action(action.id).status is None  # nobody chose one


def test_completing_with_an_unevaluated_item_is_refused_naming_it(
    qtbot, recording, held_plan, sqlite_services, monkeypatch
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(prompts, "confirm", confirm)
    editor = recording()
    section = editor.follow_up_record_section
    goal = held_plan.goals[0]
    first, second = held_plan.actions
    pick(qtbot, _widget(editor, f"record.goal.{goal.id}.outcome"), "Achieved")
    pick(qtbot, _widget(editor, f"record.action.{first.id}.status"), "Done")
    pick(qtbot, section.decision, "Continue the plan")
    section.next.in_weeks(8)

    section.complete_button.setFocus()
    qtbot.keyClick(section.complete_button, Qt.Key.Key_Space)

    assert asked == []  # refused before asking anything
    assert section.completion_error.isVisible()
    text = section.completion_error.text()
    assert 'the action "Samtal på beroendemottagningen"' in text
    assert "Boendestöd" not in text and "Ha ett eget boende" not in text
    assert QApplication.focusWidget() is _widget(editor, f"record.action.{second.id}.status")
    stored = sqlite_services.plans.get_plan(held_plan.id)
    assert stored.meetings[0].status is MeetingStatus.BOOKED
    assert stored.follow_up_draft is not None


def test_completing_without_reason_shows_it_beside_the_field_and_keeps_the_meeting(
    qtbot, recording, held_plan, sqlite_services
) -> None:
    editor = recording()
    section = editor.follow_up_record_section
    goal = held_plan.goals[0]
    first, second = held_plan.actions
    pick(qtbot, _widget(editor, f"record.goal.{goal.id}.outcome"), "Achieved")
    pick(qtbot, _widget(editor, f"record.action.{first.id}.status"), "Done")
    pick(qtbot, _widget(editor, f"record.action.{second.id}.status"), "Not done")
    pick(qtbot, section.decision, "Close the plan")

    qtbot.mouseClick(section.complete_button, Qt.MouseButton.LeftButton)

    error = section.bindings["record.decision_reason"].error
    assert error.isVisible() and "Reason for decision is required." in error.text()
    assert not section.next.date.isEnabled()  # closing books nothing
    assert sqlite_services.plans.get_plan(held_plan.id).meetings[0].status is (MeetingStatus.BOOKED)


def test_completed_record_holds_the_meeting_and_books_the_next(
    qtbot, recording, held_plan, sqlite_services, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    editor = recording()
    section = editor.follow_up_record_section
    _complete_by_keys(qtbot, editor, held_plan)

    stored = sqlite_services.plans.get_plan(held_plan.id)
    held = stored.meetings[0]
    assert held.status is MeetingStatus.HELD
    assert [(r.outcome, r.person_view) for r in held.goal_reviews] == [(GoalOutcome.ACHIEVED, VIEW)]
    assert [r.status for r in held.action_reviews] == [ReviewStatus.DONE, ReviewStatus.ONGOING]
    assert held.decision_reason == "Nytt behov av arbete"
    assert "Stöd att hitta arbete" in [n.description for n in stored.needs]
    booked = [m for m in stored.meetings if m.status is MeetingStatus.BOOKED]
    assert [(m.starts_at, m.place) for m in booked] == [
        (held.starts_at + timedelta(weeks=8), "Stadshuset")  # 10:00 local either way
    ]
    assert stored.follow_up_draft is None
    assert not section.body.isVisible()
    assert "recorded as held" in editor.notice.text()


def _complete_by_keys(qtbot, editor: PlanEditor, held_plan: PlanDetail) -> None:
    """Evaluate everything, note a new need and a decision, book in 8 weeks, complete."""
    section = editor.follow_up_record_section
    goal = held_plan.goals[0]
    first, second = held_plan.actions
    pick(qtbot, _widget(editor, f"record.goal.{goal.id}.outcome"), "Achieved")
    type_text(qtbot, _widget(editor, f"record.goal.{goal.id}.person_view"), VIEW)
    pick(qtbot, _widget(editor, f"record.action.{first.id}.status"), "Done")
    pick(qtbot, _widget(editor, f"record.action.{second.id}.status"), "Ongoing")
    type_text(qtbot, section.new_needs, "Stöd att hitta arbete")
    pick(qtbot, section.decision, "Revise the plan")
    type_line(qtbot, section.decision_reason, "Nytt behov av arbete")
    button = section.findChild(type(section.complete_button), "record_next_in_8_weeks")
    assert button is not None
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    type_line(qtbot, section.next.place, "Stadshuset")

    section.complete_button.setFocus()
    qtbot.keyClick(section.complete_button, Qt.Key.Key_Space)


def test_the_held_meetings_record_is_saved_as_a_pdf_appendix(
    qtbot, recording, held_plan, monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    editor = recording()
    button = editor.follow_up_record_section.record_pdf
    assert not button.isVisible()  # nothing held yet
    _complete_by_keys(qtbot, editor, held_plan)
    target = tmp_path / "uppfoljning.pdf"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a: target)

    assert button.isVisible()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)

    qtbot.waitUntil(lambda: "uppfoljning.pdf" in editor.notice.text(), timeout=20_000)
    text = pdftotext(target.read_bytes(), tmp_path)
    assert VIEW in " ".join(text.split()) and "Stöd att hitta arbete" in text


@pytest.mark.parametrize(
    ("held", "suggested"),
    [
        (datetime(2027, 3, 20, 8, 0, tzinfo=LOCAL_TZ), "2027-04-03"),  # across 28 March
        (datetime(2027, 10, 23, 8, 0, tzinfo=LOCAL_TZ), "2027-11-06"),  # across 31 October
    ],
    ids=["spring", "autumn"],
)
def test_in_two_weeks_keeps_eight_o_clock_across_daylight_saving(
    qtbot, open_editor, plans, sqlite_services, clock, held, suggested
) -> None:
    clock.set(held - timedelta(days=10))
    plan = plans.make_plan()  # no follow-up booked yet but the one below
    plan = sqlite_services.meetings.add_meeting(
        plan.id, plan.version, MeetingData(starts_at=held, place="Storgatan 1")
    ).plan
    clock.set(held + timedelta(hours=2))
    editor = open_editor(plan.id)
    editor.record_follow_up()
    section = editor.follow_up_record_section

    button = section.findChild(type(section.complete_button), "record_next_in_2_weeks")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)

    assert (section.next.date.text(), section.next.time.text()) == (suggested, "08:00")
    stored = sqlite_services.plans.get_plan(plan.id).follow_up_draft.record.next_starts_at
    assert stored.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M") == f"{suggested} 08:00"
    assert stored - held != timedelta(weeks=2)  # 14 × 24 h would have moved the hour
    assert "UTC" not in section.state.text() and "08:00" in section.state.text()


def test_discarded_draft_comes_back_with_undo(
    qtbot, recording, held_plan, sqlite_services, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    editor = recording()
    goal = held_plan.goals[0]
    type_text(qtbot, _widget(editor, f"record.goal.{goal.id}.person_view"), VIEW)
    editor.flush()

    qtbot.mouseClick(editor.follow_up_record_section.discard_button, Qt.MouseButton.LeftButton)
    assert sqlite_services.plans.get_plan(held_plan.id).follow_up_draft is None
    editor.editor_actions.undo.trigger()

    draft = sqlite_services.plans.get_plan(held_plan.id).follow_up_draft
    assert draft is not None and draft.record.goal(goal.id).person_view == VIEW
    assert _widget(editor, f"record.goal.{goal.id}.person_view").toPlainText() == VIEW
