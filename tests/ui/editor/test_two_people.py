"""Two people on one plan: two editors (two users, one store) never silently overwrite each other.

When both change the same field, the one who saves second sees both texts side by side and
chooses: keep mine, use theirs, merge by hand, or decide later (Escape) without losing a word.
When they change different fields, both are saved and nobody is asked anything.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from shiboken6 import isValid

from sip_desk.app import DesktopApp
from sip_desk.db.engine import Database, make_engine
from sip_desk.domain.audit import UserContext
from sip_desk.domain.enums import GoalTerm
from sip_desk.domain.goal import GoalData
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.conflict_dialog import ConflictDialog
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.goal_table_model import GoalTableModel
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.widgets.plan_tabs import PlanTabs
from tests.ui.editor.helpers import keys, pick_cell, type_cell

Answer = Callable[[ConflictDialog], None]
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Meeting:
    """Anna's and Bo's editors on one plan, each through its own connection and user."""

    plan_id: int
    anna: PlanEditor
    bo: PlanEditor
    store: Services

    def stored(self) -> PlanDetail:
        return self.store.plans.get_plan(self.plan_id)


@pytest.fixture
def meeting(qtbot, sqlite_db: Database, sqlite_services: Services, clock) -> Iterator[Meeting]:
    plan = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    plan = sqlite_services.items.add(
        "goal", plan.id, plan.version, GoalData(text="Eget boende")
    ).plan
    assert sqlite_db.path is not None
    bo_db = Database(make_engine(str(sqlite_db.path)))
    bo_services = Services(ServiceContext(db=bo_db, user=UserContext(user="bo.test"), clock=clock))
    editors = []
    for services in (sqlite_services, bo_services):
        editor = PlanEditor(services, AppEvents(), plan.id)
        # The two type at the same moment: neither copy looks at the store on its own timer
        # (under load its 3 s could show Bo Anna's text before he types: no conflict at all).
        # Live reload has its own tests (test_live_reload.py).
        editor.live.timer.stop()
        editor.resize(1400, 900)
        editor.show()
        qtbot.waitExposed(editor)
        editors.append(editor)
    yield Meeting(plan.id, editors[0], editors[1], sqlite_services)
    for editor in editors:
        if isValid(editor):  # a closed tab deletes its editor
            editor.close()
            editor.deleteLater()
    bo_db.dispose()


def _use(qtbot, editor: PlanEditor) -> None:
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)


def _type(qtbot, editor: PlanEditor, widget: QPlainTextEdit, text: str) -> None:
    """Click into a text field in ``editor``'s window and type over its text."""
    _use(qtbot, editor)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    keys(qtbot, widget, text)


def _leave(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


@dataclass
class Seen:
    """What the conflict dialog showed."""

    theirs: str
    mine: str
    merged: str | None
    side_by_side: bool


_test_run = [0]


def _open_dialog() -> ConflictDialog | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ConflictDialog) and w.isVisible()
        ),
        None,
    )


@pytest.fixture(autouse=True)
def _no_unanswered_dialog(qapp) -> Iterator[None]:
    """A dialog no test answers is closed after a while (the test fails instead of hanging)."""
    unanswered: list[str] = []
    seen: dict[int, int] = {}

    def watch() -> None:
        dialog = _open_dialog()
        if dialog is None:
            return
        seen[id(dialog)] = seen.get(id(dialog), 0) + 1
        if seen[id(dialog)] > 20:
            unanswered.append(dialog.conflict.label)
            dialog.reject()

    timer = QTimer(interval=500)
    timer.timeout.connect(watch)
    timer.start()
    yield
    timer.stop()
    _test_run[0] += 1  # answers still waiting belong to this test only
    assert unanswered == []


class Answers(list[Seen]):
    """What the dialogs showed; ``stop()`` ends the wait for one."""

    stopped = False

    def stop(self) -> None:
        self.stopped = True


def _on_conflict(answer: Callable[[ConflictDialog], None]) -> Answers:
    """Answer the next conflict dialog (within 5 s) with ``answer``; returns what it showed."""
    seen = Answers()
    tries = iter(range(250))
    run = _test_run[0]

    def handle() -> None:
        if _test_run[0] != run or seen.stopped:
            return
        dialog = _open_dialog()
        if dialog is None:
            if next(tries, None) is not None:
                QTimer.singleShot(20, handle)
            return
        seen.append(
            Seen(
                dialog.theirs.toPlainText(),
                dialog.mine.toPlainText(),
                None if dialog.merged is None else dialog.merged.toPlainText(),
                dialog.theirs.isVisible()
                and dialog.mine.isVisible()
                and dialog.theirs.geometry().right() < dialog.mine.geometry().left(),
            )
        )
        answer(dialog)

    QTimer.singleShot(0, handle)
    return seen


def _click(
    qtbot, button_of: Callable[[ConflictDialog], QWidget]
) -> Callable[[ConflictDialog], None]:
    return lambda dialog: qtbot.mouseClick(button_of(dialog), LEFT)


def _escape(qtbot) -> Answer:
    return lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def _anna_then_bo_write_the_reason(qtbot, meeting: Meeting) -> None:
    anna_reason = meeting.anna.person_section.reason
    _type(qtbot, meeting.anna, anna_reason, "Anna skriver")
    _leave(qtbot, anna_reason)
    assert meeting.stored().fields.reason == "Anna skriver"
    bo_reason = meeting.bo.person_section.reason
    _type(qtbot, meeting.bo, bo_reason, "Bo skriver")
    _leave(qtbot, bo_reason)


def test_same_field_keep_mine(qtbot, meeting: Meeting) -> None:
    seen = _on_conflict(_click(qtbot, lambda d: d.keep_mine))

    _anna_then_bo_write_the_reason(qtbot, meeting)

    assert seen == [Seen("Anna skriver", "Bo skriver", "Anna skriver\nBo skriver", True)]
    assert meeting.stored().fields.reason == "Bo skriver"
    assert meeting.bo.person_section.reason.toPlainText() == "Bo skriver"
    assert not meeting.bo.conflicts.isVisible()


def test_the_other_copy_is_told_when_its_text_was_replaced(qtbot, meeting: Meeting) -> None:
    _on_conflict(_click(qtbot, lambda d: d.keep_mine))  # Bo keeps his text
    _anna_then_bo_write_the_reason(qtbot, meeting)
    assert meeting.stored().fields.reason == "Bo skriver"

    meeting.anna.live.look()  # Anna's copy looks at the store (every 3 s)

    # Nothing of Anna's is unsaved: Bo's saved text is shown, with a calm note; no conflict
    anna = meeting.anna.person_section.reason
    note = meeting.anna.person_section.bindings["plan.reason"].error
    assert anna.toPlainText() == "Bo skriver"
    assert not meeting.anna.conflicts.isVisible()
    assert note.isVisible() and "another copy" in note.text() and "⚠" not in note.text()
    _type(qtbot, meeting.anna, anna, "Anna igen")  # the next edit takes the note away
    assert not note.isVisible()


def test_a_saved_text_in_the_field_the_other_copy_changed_is_no_conflict(
    qtbot, meeting: Meeting
) -> None:
    """The tester's case: Anna's text is saved and her cursor stays in the field; Bo adds to it
    and saves. Anna's copy shows Bo's text; nobody is asked; no copy writes old text back."""
    anna = meeting.anna.person_section.reason
    _type(qtbot, meeting.anna, anna, "Styrkor Alfa text")
    qtbot.waitUntil(lambda: meeting.stored().fields.reason == "Styrkor Alfa text", timeout=3000)
    assert anna.hasFocus()
    meeting.bo.live.look()
    bo = meeting.bo.person_section.reason
    _use(qtbot, meeting.bo)
    bo.setFocus()
    qtbot.waitUntil(bo.hasFocus, timeout=2000)
    bo.moveCursor(bo.textCursor().MoveOperation.End)
    keys(qtbot, bo, " Beta text")
    _leave(qtbot, bo)
    both = "Styrkor Alfa text Beta text"
    assert meeting.stored().fields.reason == both

    for _round in range(2):  # each copy looks at the store twice: no ping-pong
        meeting.anna.live.look()
        meeting.bo.live.look()
        qtbot.wait(50)

    assert not meeting.anna.conflicts.isVisible() and not meeting.bo.conflicts.isVisible()
    assert anna.toPlainText() == both and bo.toPlainText() == both
    assert meeting.stored().fields.reason == both


def test_same_field_use_theirs_and_undo_brings_mine_back(qtbot, meeting: Meeting) -> None:
    seen = _on_conflict(_click(qtbot, lambda d: d.take_theirs))

    _anna_then_bo_write_the_reason(qtbot, meeting)

    assert [(s.theirs, s.mine) for s in seen] == [("Anna skriver", "Bo skriver")]
    bo_reason = meeting.bo.person_section.reason
    assert meeting.stored().fields.reason == "Anna skriver"
    assert bo_reason.toPlainText() == "Anna skriver"
    assert "Ctrl+Z" in meeting.bo.notice.text()

    _use(qtbot, meeting.bo)
    bo_reason.setFocus()
    assert meeting.bo.session.undo_stack.undoText() == "Keep other text: Reason for the SIP"
    qtbot.keyClick(bo_reason, Qt.Key.Key_Z, CTRL)  # nothing Bo typed is lost

    assert meeting.stored().fields.reason == "Bo skriver"
    assert bo_reason.toPlainText() == "Bo skriver"


def test_same_field_merge_by_hand(qtbot, meeting: Meeting) -> None:
    def merge(dialog: ConflictDialog) -> None:
        assert dialog.merged is not None
        qtbot.keyClick(dialog.merged, Qt.Key.Key_End, CTRL)
        keys(qtbot, dialog.merged, " (båda)")
        qtbot.mouseClick(dialog.save_merged, LEFT)

    seen = _on_conflict(merge)

    _anna_then_bo_write_the_reason(qtbot, meeting)

    assert [s.merged for s in seen] == ["Anna skriver\nBo skriver"]
    assert meeting.stored().fields.reason == "Anna skriver\nBo skriver (båda)"
    assert meeting.bo.person_section.reason.toPlainText() == "Anna skriver\nBo skriver (båda)"


def test_same_field_escape_decides_later_and_keeps_the_text(qtbot, meeting: Meeting) -> None:
    seen = _on_conflict(_escape(qtbot))

    _anna_then_bo_write_the_reason(qtbot, meeting)

    bo_reason = meeting.bo.person_section.reason
    note = meeting.bo.person_section.bindings["plan.reason"].error
    assert len(seen) == 1
    assert meeting.stored().fields.reason == "Anna skriver"  # nothing overwritten
    assert bo_reason.toPlainText() == "Bo skriver"  # nothing lost
    assert note.isVisible() and "Not saved yet" in note.text()
    assert meeting.bo.conflicts.isVisible()
    assert "Reason for the SIP" in meeting.bo.conflicts.message.text()

    later = _on_conflict(_click(qtbot, lambda d: d.keep_mine))
    qtbot.mouseClick(meeting.bo.conflicts.button, LEFT)

    assert [(s.theirs, s.mine) for s in later] == [("Anna skriver", "Bo skriver")]
    assert meeting.stored().fields.reason == "Bo skriver"
    assert not note.isVisible()
    assert not meeting.bo.conflicts.isVisible()


def test_a_plan_with_an_undecided_text_is_not_closed(qtbot, meeting: Meeting) -> None:
    _on_conflict(_escape(qtbot))
    _anna_then_bo_write_the_reason(qtbot, meeting)
    tabs = PlanTabs(QWidget(), "Plans")
    qtbot.addWidget(tabs)
    tabs.add_plan(meeting.plan_id, meeting.bo, "Maria Lind")

    asked = _on_conflict(_escape(qtbot))
    tabs.close_plan(meeting.plan_id)

    assert len(asked) == 1  # asked once more before closing
    assert tabs.plan_widget(meeting.plan_id) is meeting.bo  # still open, text still there
    assert meeting.bo.person_section.reason.toPlainText() == "Bo skriver"
    assert "stays open" in meeting.bo.notice.text()

    _on_conflict(_click(qtbot, lambda d: d.keep_mine))
    tabs.close_plan(meeting.plan_id)

    assert tabs.plan_widget(meeting.plan_id) is None
    assert meeting.stored().fields.reason == "Bo skriver"


def test_no_question_while_typing_only_on_leaving_the_field(qtbot, meeting: Meeting) -> None:
    anna_reason = meeting.anna.person_section.reason
    _type(qtbot, meeting.anna, anna_reason, "Anna skriver")
    _leave(qtbot, anna_reason)
    bo_reason = meeting.bo.person_section.reason
    early = _on_conflict(_escape(qtbot))

    _type(qtbot, meeting.bo, bo_reason, "Bo skriver")
    qtbot.wait(900)  # the autosave runs while Bo still types...

    assert early == []  # ...and asks nothing
    early.stop()
    note = meeting.bo.person_section.bindings["plan.reason"].error
    assert note.isVisible() and "Not saved yet" in note.text()
    assert meeting.stored().fields.reason == "Anna skriver"

    seen = _on_conflict(_click(qtbot, lambda d: d.keep_mine))
    keys(qtbot, bo_reason, "!")
    _leave(qtbot, bo_reason)

    assert [(s.theirs, s.mine) for s in seen] == [("Anna skriver", "Bo skriver!")]
    assert meeting.stored().fields.reason == "Bo skriver!"


def test_different_fields_are_both_saved_without_a_question(qtbot, meeting: Meeting) -> None:
    seen = _on_conflict(_escape(qtbot))
    anna_reason = meeting.anna.person_section.reason
    _type(qtbot, meeting.anna, anna_reason, "Anna skriver")
    _leave(qtbot, anna_reason)

    bo_question = meeting.bo.person_section.question
    _type(qtbot, meeting.bo, bo_question, "Vem gör vad?")
    _leave(qtbot, bo_question)

    stored = meeting.stored().fields
    assert (stored.reason, stored.meeting_question) == ("Anna skriver", "Vem gör vad?")
    assert seen == []
    assert meeting.bo.person_section.reason.toPlainText() == "Anna skriver"
    assert "reloaded" in meeting.bo.notice.text()


def _goals(editor: PlanEditor) -> ItemTable:
    return editor.goals_section.goals.table


def test_same_table_cell_asks_and_keeps_mine(qtbot, meeting: Meeting) -> None:
    _use(qtbot, meeting.anna)
    type_cell(
        qtbot, _goals(meeting.anna), 0, GoalTableModel.column_of("text"), "Eget boende i Malmö"
    )
    seen = _on_conflict(_click(qtbot, lambda d: d.keep_mine))

    _use(qtbot, meeting.bo)
    type_cell(qtbot, _goals(meeting.bo), 0, GoalTableModel.column_of("text"), "Egen lägenhet")

    assert [(s.theirs, s.mine, s.side_by_side) for s in seen] == [
        ("Eget boende i Malmö", "Egen lägenhet", True)
    ]
    assert [g.text for g in meeting.stored().goals] == ["Egen lägenhet"]


def test_same_table_cell_decided_later_from_the_bar(qtbot, meeting: Meeting) -> None:
    _use(qtbot, meeting.anna)
    type_cell(
        qtbot, _goals(meeting.anna), 0, GoalTableModel.column_of("text"), "Eget boende i Malmö"
    )
    _on_conflict(_escape(qtbot))

    _use(qtbot, meeting.bo)
    type_cell(qtbot, _goals(meeting.bo), 0, GoalTableModel.column_of("text"), "Egen lägenhet")

    assert [g.text for g in meeting.stored().goals] == ["Eget boende i Malmö"]
    assert meeting.bo.conflicts.isVisible()
    assert "Not saved yet" in meeting.bo.goals_section.goals.error.text()

    seen = _on_conflict(_click(qtbot, lambda d: d.keep_mine))
    qtbot.mouseClick(meeting.bo.conflicts.button, LEFT)

    assert [(s.theirs, s.mine) for s in seen] == [("Eget boende i Malmö", "Egen lägenhet")]
    assert [g.text for g in meeting.stored().goals] == ["Egen lägenhet"]
    assert not meeting.bo.conflicts.isVisible()


def test_different_cells_of_one_row_are_both_saved(qtbot, meeting: Meeting) -> None:
    seen = _on_conflict(_escape(qtbot))
    _use(qtbot, meeting.anna)
    type_cell(
        qtbot, _goals(meeting.anna), 0, GoalTableModel.column_of("text"), "Eget boende i Malmö"
    )

    _use(qtbot, meeting.bo)
    pick_cell(qtbot, _goals(meeting.bo), 0, GoalTableModel.column_of("term"), "Short-term goal")

    goal = meeting.stored().goals[0]
    assert (goal.text, goal.term) == ("Eget boende i Malmö", GoalTerm.SHORT)
    assert seen == []


@pytest.fixture
def app_window(qtbot, tmp_path: Path) -> Iterator[DesktopApp]:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    db = str(tmp_path / "window.sqlite")
    app = DesktopApp(argparse.Namespace(db=db, lang="en", user="bo.test", debug=False), settings)
    qtbot.addWidget(app.window)
    app.store = db
    app.open_store()
    yield app
    if app.services is not None:
        app.services.ctx.db.dispose()


def test_no_language_switch_or_quit_while_a_text_waits(qtbot, app_window: DesktopApp) -> None:
    app = app_window
    assert app.services is not None
    plan = app.services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    app.window.open_plan(plan.id)
    app.window.show()
    qtbot.waitExposed(app.window)
    editor = app.window.findChildren(PlanEditor)[0]
    stored = app.services.plans.get_plan(plan.id)  # another program saves the reason first
    app.services.plans.update_fields(
        plan.id, stored.version, dataclasses.replace(stored.fields, reason="Anna skriver")
    )
    _on_conflict(_escape(qtbot))
    _type(qtbot, editor, editor.person_section.reason, "Bo skriver")
    _leave(qtbot, editor.person_section.reason)
    assert editor.conflicts.isVisible()

    asked = _on_conflict(_escape(qtbot))
    swedish, english = (app.window.findChild(QAction, f"language_{c}") for c in ("sv", "en"))
    assert swedish is not None and english is not None
    swedish.trigger()

    assert len(asked) == 1
    assert app.window.findChildren(PlanEditor) == [editor]  # not rebuilt: the text stays
    assert editor.person_section.reason.toPlainText() == "Bo skriver"
    assert english.isChecked() and not swedish.isChecked()

    asked = _on_conflict(_escape(qtbot))
    assert not app.window.close()  # quitting waits too

    assert len(asked) == 1
    assert editor.person_section.reason.toPlainText() == "Bo skriver"
    _on_conflict(_click(qtbot, lambda d: d.keep_mine))
    assert app.window.close()
    assert app.services.plans.get_plan(plan.id).fields.reason == "Bo skriver"
