"""Text the store refuses is said at once, named by Ctrl+S, and never closed away unasked.

A caseworker pastes a long document into Styrkor (at most 20,000 characters). The paste is
not typing: its message shows at once. Ctrl+S says what it could not save. Closing the plan
(Ctrl+W), the window or the app (Ctrl+Q) asks first, Go back being the default and Escape.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sip_desk.domain.person import PersonData
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.ui.editor.helpers import focused, press, type_here

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
LIMIT_MESSAGE = "Styrkor får vara högst 20000 tecken."
NOT_SAVED = "Texten i Styrkor är inte sparad: " + LIMIT_MESSAGE
PASTED = ("Hon tar ansvar för sin hund och går långa promenader varje dag. " * 800)[:50_000]


def _paste(qtbot, widget: QWidget, text: str) -> None:
    """Ctrl+V in ``widget`` with ``text`` on the clipboard."""
    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.waitUntil(lambda: focused() is widget)
    press(qtbot, K.Key_V, CTRL)


def on_screen(editor: PlanEditor, widget: QWidget) -> bool:
    """``widget`` lies within the visible part of the editor's page."""
    page = editor.scroll_area.viewport()
    top_left = widget.mapTo(page, widget.rect().topLeft())
    return page.rect().contains(QRect(top_left, widget.size()))


def _strengths(services: Services, plan_id: int) -> str:
    return services.plans.get_plan(plan_id).fields.strengths


def answer_box(qtbot, key: K | str) -> list[str]:
    """Answer the next message box: press ``key`` there, or click the button named ``key``.

    Returns the texts of the boxes seen.
    """
    asked: list[str] = []

    def act(tries: int = 300) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(10, lambda: act(tries - 1))
            return
        asked.append(f"{box.informativeText()}\n\n{box.text()}")
        if isinstance(key, str):
            button = next(b for b in box.buttons() if b.text().replace("&", "") == key)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(box.focusWidget() or box, key)

    QTimer.singleShot(0, act)
    return asked


def reactivate(qtbot, window: QWidget) -> None:
    """The window manager gives the keyboard back to the window once the box is gone."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def window_with_plan(
    qtbot, swedish, sqlite_services: Services, tmp_path: Path
) -> Callable[[], tuple[MainWindow, PlanEditor, int]]:
    """The real main window with one plan open in its editor."""

    def _open() -> tuple[MainWindow, PlanEditor, int]:
        settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(AppEvents(), settings, "sv")
        qtbot.addWidget(window, before_close_func=_close_plans_unasked)
        window.attach_services(sqlite_services, str(tmp_path / "sip_desk.sqlite"))
        plan = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
        window.open_plan(plan.id)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        editor = window.tabs.plan_widget(plan.id)
        assert isinstance(editor, PlanEditor)
        return window, editor, plan.id

    return _open


def _close_plans_unasked(window: QWidget) -> None:
    """At the end of a test, what it left unstored is closed away without a question."""
    assert isinstance(window, MainWindow)
    for plan_id in window.open_plan_ids():
        window.tabs.close_plan(plan_id, ask=False)


def test_a_paste_over_the_limit_says_so_at_once_and_keeps_the_text(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    field = editor.goals_section.strengths

    _paste(qtbot, field, PASTED)

    error = editor.findChild(QWidget, "plan_strengths_error")
    assert error.isVisible() and LIMIT_MESSAGE in error.text()  # no pause, no leaving needed
    qtbot.waitUntil(lambda: on_screen(editor, error))  # below the field, scrolled into sight
    assert field.toPlainText() == PASTED
    assert _strengths(sqlite_services, new_plan_id) == ""
    counter = editor.findChild(QWidget, "plan_strengths_counter")
    assert counter.isVisible()
    nbsp = "\N{NO-BREAK SPACE}"
    assert counter.text() == f"50{nbsp}000 av 20{nbsp}000 tecken: 30{nbsp}000 för många"


def test_the_counter_appears_near_the_limit(qtbot, swedish, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    field = editor.goals_section.strengths
    counter = editor.findChild(QWidget, "plan_strengths_counter")
    _paste(qtbot, field, "x" * 17_000)
    assert not counter.isVisible()

    type_here(qtbot, "y" * 1_000)

    assert counter.isVisible()
    assert counter.text() == "18\N{NO-BREAK SPACE}000 av 20\N{NO-BREAK SPACE}000 tecken"


def test_ctrl_s_names_every_field_it_could_not_save(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    _paste(qtbot, editor.goals_section.strengths, PASTED)
    date = editor.person_section.requested_on
    date.setFocus()
    type_here(qtbot, "2026-1")  # half a date: no message while it is typed

    press(qtbot, K.Key_S, CTRL)

    assert editor.notice.isVisible()
    assert NOT_SAVED in editor.notice.text()
    assert "Texten i Begärd datum är inte sparad: " in editor.notice.text()
    assert focused() is date  # the user stays where they are: this field is not stored either
    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert (stored.fields.strengths, stored.fields.requested_on) == ("", None)


def test_ctrl_s_with_everything_stored_says_so(qtbot, swedish, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    editor.goals_section.strengths.setFocus()
    type_here(qtbot, "Modig.")

    press(qtbot, K.Key_S, CTRL)

    assert editor.notice.isVisible() and "Allt är sparat." in editor.notice.text()


def test_ctrl_w_with_refused_text_asks_and_escape_goes_back_to_it(
    qtbot, window_with_plan, sqlite_services
):
    window, editor, plan_id = window_with_plan()
    field = editor.goals_section.strengths
    _paste(qtbot, field, PASTED)
    editor.person_section.phone.setFocus()  # the user moves on (leaving saves what it can)

    asked = answer_box(qtbot, K.Key_Escape)
    press(qtbot, K.Key_W, CTRL)

    assert asked == [NOT_SAVED + "\n\nStäng ändå?"]
    assert window.tabs.plan_widget(plan_id) is editor and window.tabs.currentWidget() is editor
    reactivate(qtbot, window)
    assert field.toPlainText() == PASTED
    assert focused() is field
    # The user shortens the text; it is stored, and the plan closes without a question.
    press(qtbot, K.Key_A, CTRL)
    type_here(qtbot, "Modig och envis.")
    asked = answer_box(qtbot, K.Key_Escape)
    press(qtbot, K.Key_W, CTRL)
    assert asked == []
    assert window.tabs.plan_widget(plan_id) is None
    assert _strengths(sqlite_services, plan_id) == "Modig och envis."


def test_close_anyway_closes_the_plan_without_storing_the_refused_text(
    qtbot, window_with_plan, sqlite_services
):
    window, editor, plan_id = window_with_plan()
    _paste(qtbot, editor.goals_section.strengths, PASTED)

    asked = answer_box(qtbot, "Stäng ändå")
    press(qtbot, K.Key_W, CTRL)

    assert len(asked) == 1
    assert window.tabs.plan_widget(plan_id) is None
    assert _strengths(sqlite_services, plan_id) == ""


def test_ctrl_q_with_refused_text_asks_and_enter_goes_back(qtbot, window_with_plan):
    window, editor, plan_id = window_with_plan()
    field = editor.goals_section.strengths
    _paste(qtbot, field, PASTED)
    window.tabs.setCurrentIndex(0)  # the user looks at the plan list
    window.activateWindow()

    asked = answer_box(qtbot, K.Key_Return)  # the default button is Go back
    press(qtbot, K.Key_Q, CTRL)

    assert asked == [NOT_SAVED + "\n\nStäng ändå?"]
    assert window.isVisible()
    assert window.tabs.currentWidget() is editor
    reactivate(qtbot, window)
    assert focused() is field


def test_a_new_row_whose_name_is_not_typed_is_asked_about(qtbot, window_with_plan):
    window, editor, plan_id = window_with_plan()
    table = editor.participants_section.participants.table
    table.setFocus()
    press(qtbot, K.Key_Enter)  # the "+" row
    press(qtbot, K.Key_Tab)  # the name is left for later
    type_here(qtbot, "Skolan")
    press(qtbot, K.Key_Tab)

    asked = answer_box(qtbot, K.Key_Escape)
    press(qtbot, K.Key_W, CTRL)

    assert len(asked) == 1 and "Deltagare (ny rad) är inte sparad" in asked[0], asked
    assert window.tabs.plan_widget(plan_id) is editor
    assert table.row_model.draft["organisation"] == "Skolan"
    # Back on the "+" row, in the name's cell.
    reactivate(qtbot, window)
    assert focused().parentWidget() is table.viewport()
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 0)


def test_a_date_a_table_cell_cannot_take_stays_open_and_is_asked_about(
    qtbot, window_with_plan, sqlite_services
):
    window, editor, plan_id = window_with_plan()
    section = editor.actions_section
    table = section.action_part.table
    section.focus_widget(table)
    press(qtbot, K.Key_Enter)  # the "+" row
    type_here(qtbot, "Boendestöd")
    for _ in range(4):  # along the row (the columns it shows) to the start date
        press(qtbot, K.Key_Tab)
    type_here(qtbot, "1 december")
    window.tabs.setCurrentIndex(0)  # a look at the plan list saves what it can ...
    window.tabs.setCurrentWidget(editor)
    assert table.indexWidget(table.currentIndex()).text() == "1 december"  # ... this stays

    asked = answer_box(qtbot, K.Key_Escape)
    press(qtbot, K.Key_W, CTRL)

    assert len(asked) == 1 and "Texten i Insatser: Start är inte sparad: " in asked[0]
    assert "ÅÅÅÅ-MM-DD" in asked[0]
    reactivate(qtbot, window)
    assert focused() is table.indexWidget(table.currentIndex())
    assert sqlite_services.plans.get_plan(plan_id).actions[0].start_date is None


def test_ctrl_z_after_a_refused_paste_takes_the_paste_away_then_undoes_earlier_typing(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    field = editor.goals_section.strengths
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    type_here(qtbot, "Hund")
    qtbot.waitUntil(lambda: _strengths(sqlite_services, new_plan_id) == "Hund")
    press(qtbot, K.Key_End, CTRL)
    _paste(qtbot, field, PASTED)
    assert field.toPlainText() == "Hund" + PASTED

    press(qtbot, K.Key_Z, CTRL)  # the refused paste goes, the stored text stays

    assert field.toPlainText() == "Hund"
    error = editor.findChild(QWidget, "plan_strengths_error")
    assert not error.isVisible()
    assert "Texten som inte kunde sparas" in editor.notice.text()
    assert _strengths(sqlite_services, new_plan_id) == "Hund"
    type_here(qtbot, "ar")  # typing goes on where the caret is
    qtbot.waitUntil(lambda: _strengths(sqlite_services, new_plan_id) == "Hundar")

    press(qtbot, K.Key_Z, CTRL)  # the next Ctrl+Z is an ordinary undo step
    qtbot.waitUntil(lambda: _strengths(sqlite_services, new_plan_id) != "Hundar")
