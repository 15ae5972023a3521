"""Ctrl+R and the worklist lead to the follow-up record in the plan's editor; closing the tab
or the window asks nothing and loses nothing typed there."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from sip_desk.db.engine import Database, make_engine
from sip_desk.domain.enums import GoalOutcome, MeetingStatus, VersionState
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.worklist import WorklistKind
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from sip_desk.ui import prompts
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans
from tests.ui.editor.helpers import keys, pick, type_line, type_text

VIEW = "Jag har en egen lägenhet nu"


def _window(qtbot, services: Services, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(services, str(tmp_path / "sip_desk.sqlite"))
    win.resize(1300, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


@pytest.fixture
def held_plan(sqlite_services: Services, clock) -> PlanDetail:
    """A signed plan whose booked follow-up was held two hours ago."""
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    plan = plans.sign(plans.active(first_name="Alva", last_name="Nordin"))
    clock.set(plan.meetings[0].starts_at + timedelta(hours=2))
    return sqlite_services.plans.get_plan(plan.id)


@pytest.fixture
def nothing_asked(monkeypatch) -> None:
    def fail(*_args: object) -> bool:
        raise AssertionError("a question was asked")

    monkeypatch.setattr(prompts, "confirm", fail)


def _editor(window: MainWindow) -> PlanEditor:
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    return editor


def _key(editor: PlanEditor, key: str):
    return editor.follow_up_record_section.bindings[key].widget


def test_ctrl_r_in_a_plan_tab_starts_the_follow_up_record(
    qtbot, sqlite_services, held_plan, tmp_path
) -> None:
    window = _window(qtbot, sqlite_services, tmp_path)
    window.open_plan(held_plan.id)
    editor = _editor(window)
    editor.person_section.reason.setFocus()

    qtbot.keyClick(editor.person_section.reason, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    draft = sqlite_services.plans.get_plan(held_plan.id).follow_up_draft
    assert draft is not None and draft.meeting_id == held_plan.meetings[0].id
    goal = held_plan.goals[0]
    assert QApplication.focusWidget() is _key(editor, f"record.goal.{goal.id}.outcome")


def test_record_follow_up_from_the_worklist_is_written_in_the_editor_and_completed(
    qtbot, sqlite_services, held_plan, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "confirm", lambda *a: True)
    window = _window(qtbot, sqlite_services, tmp_path)
    window.show_worklist()
    panel = window.worklist.panel
    assert panel is not None
    booked = held_plan.meetings[0]

    def row() -> int | None:
        model = panel.model
        items = [(r, model.row_at(r)) for r in range(model.rowCount())]  # None: a heading
        return next((r for r, i in items if i is not None and i.item_id == booked.id), None)

    qtbot.waitUntil(lambda: row() is not None, timeout=5000)
    panel.view.table.selectRow(row() or 0)
    qtbot.mouseClick(panel.view.record, Qt.MouseButton.LeftButton)

    editor = _editor(window)
    assert window.tabs.current_plan_id() == held_plan.id
    section = editor.follow_up_record_section
    goal, action = held_plan.goals[0], held_plan.actions[0]
    pick(qtbot, _key(editor, f"record.goal.{goal.id}.outcome"), "Achieved")
    qtbot.keyClick(_key(editor, f"record.goal.{goal.id}.outcome"), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is _key(editor, f"record.goal.{goal.id}.person_view")
    keys(qtbot, _key(editor, f"record.goal.{goal.id}.person_view"), VIEW)
    pick(qtbot, _key(editor, f"record.action.{action.id}.status"), "Done")
    type_line(qtbot, _key(editor, f"record.action.{action.id}.comment"), "Klart i tid")
    type_text(qtbot, section.new_needs, "Stöd att hitta arbete")
    pick(qtbot, section.decision, "Revise the plan")
    type_line(qtbot, section.decision_reason, "Nytt behov av arbete")
    section.next.suggest[3].setFocus()  # "In 8 weeks"
    qtbot.keyClick(section.next.suggest[3], Qt.Key.Key_Space)
    section.complete_button.setFocus()
    qtbot.keyClick(section.complete_button, Qt.Key.Key_Space)

    stored = sqlite_services.plans.get_plan(held_plan.id)
    held = next(m for m in stored.meetings if m.id == booked.id)
    assert held.status is MeetingStatus.HELD
    assert [(r.outcome, r.person_view) for r in held.goal_reviews] == [(GoalOutcome.ACHIEVED, VIEW)]
    assert [r.comment for r in held.action_reviews] == ["Klart i tid"]
    assert "Stöd att hitta arbete" in [n.description for n in stored.needs]
    new_booking = [m.starts_at for m in stored.meetings if m.status is MeetingStatus.BOOKED]
    assert new_booking == [booked.starts_at + timedelta(weeks=8)]
    assert [v.state for v in stored.versions][-2:] == [VersionState.SIGNED, VersionState.DRAFT]
    window.show_worklist()

    def shown() -> list[int | None]:
        items = panel.model.items()
        return [i.item_id for i in items if i.kind is WorklistKind.FOLLOW_UP_MEETING]

    qtbot.waitUntil(lambda: booked.id not in shown(), timeout=5000)  # it left the worklist
    panel.model.wait_until_idle(5000)


def test_record_survives_closing_the_tab_and_the_window(
    qtbot, sqlite_services, held_plan, tmp_path, user, clock, nothing_asked
) -> None:
    window = _window(qtbot, sqlite_services, tmp_path)
    window.open_plan(held_plan.id)
    editor = _editor(window)
    editor.record_follow_up()
    goal, action = held_plan.goals[0], held_plan.actions[0]
    pick(qtbot, _key(editor, f"record.goal.{goal.id}.outcome"), "Partly achieved")
    view = _key(editor, f"record.goal.{goal.id}.person_view")
    type_text(qtbot, view, VIEW)
    qtbot.keyClick(view, Qt.Key.Key_Escape)

    window.menus.close_tab_action.trigger()  # at once: the text was never left or waited for
    assert window.tabs.plan_widget(held_plan.id) is None
    window.open_plan(held_plan.id)
    editor = _editor(window)
    assert _key(editor, f"record.goal.{goal.id}.person_view").toPlainText() == VIEW
    comment = _key(editor, f"record.action.{action.id}.comment")
    comment.setFocus()
    keys(qtbot, comment, "Väntar på svar")
    window.close()

    services = Services(
        ServiceContext(
            db=Database(make_engine(str(tmp_path / "sip_desk.sqlite"))), user=user, clock=clock
        )
    )
    try:
        reopened = _window(qtbot, services, tmp_path / "again")
        reopened.open_plan(held_plan.id)
        editor = _editor(reopened)
        assert _key(editor, f"record.goal.{goal.id}.person_view").toPlainText() == VIEW
        assert _key(editor, f"record.goal.{goal.id}.outcome").currentText() == "Partly achieved"
        assert _key(editor, f"record.action.{action.id}.comment").text() == "Väntar på svar"
        assert editor.follow_up_record_section.body.isVisible()
        assert services.plans.get_plan(held_plan.id).meetings[0].status is MeetingStatus.BOOKED
        reopened.close()
    finally:
        services.ctx.db.dispose()
