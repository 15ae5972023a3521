"""Meeting mode on a shared screen: F11 in the main window shows the plan full screen while the
keyboard stays in the editor, and the screen follows what is typed and where; F11 again, Escape
in meeting mode, closing the plan or the window closes it; Escape in the editor keeps its own
meaning there."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from sip_desk.ui.meeting_mode.meeting_page import MARGIN
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder
from tests.ui.editor.helpers import blank_row, keys
from tests.ui.meeting_windows import (
    complete_plan_editor,
    has_keyboard,
    main_window,
    open_editor,
    own_settings,
)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return own_settings(tmp_path)


@pytest.fixture
def window(qtbot, sqlite_services: Services, settings: AppSettings, tmp_path) -> MainWindow:
    return main_window(qtbot, sqlite_services, settings, tmp_path)


@pytest.fixture
def editor(window: MainWindow, sqlite_services: Services) -> PlanEditor:
    return complete_plan_editor(window, sqlite_services)


def _menu_entry(window: MainWindow) -> QAction:
    (entry,) = [a for a in window.menus.view_menu.actions() if "Meeting mode" in a.text()]
    return entry


def test_f11_shows_the_plan_full_screen_while_typing_stays_in_the_editor(
    qtbot, window, editor
) -> None:
    field = editor.goals_section.what_matters
    field.setFocus()
    assert not _menu_entry(window).isChecked()

    qtbot.keyClick(field, Qt.Key.Key_F11)

    meeting = editor.meeting_window
    assert meeting is not None and meeting.isVisible()
    assert meeting.windowState() & Qt.WindowState.WindowFullScreen
    assert meeting.geometry() == QGuiApplication.primaryScreen().geometry()  # the only screen
    assert has_keyboard(field) and window.isActiveWindow()
    assert _menu_entry(window).isChecked()
    assert meeting.text.part_labels()
    assert all(label.font().pointSize() >= 24 for label in meeting.text.part_labels())

    keys(qtbot, field, "Att ha en katt.")

    assert field.toPlainText().endswith("Att ha en katt.")
    qtbot.waitUntil(lambda: "Att ha en katt." in meeting.text.text(), timeout=5000)
    assert has_keyboard(field)

    qtbot.keyClick(field, Qt.Key.Key_F11)

    assert not meeting.isVisible()
    assert not _menu_entry(window).isChecked()
    assert has_keyboard(field)


def test_the_menu_entry_opens_and_closes_meeting_mode(qtbot, window, editor) -> None:
    entry = _menu_entry(window)

    entry.trigger()
    assert editor.meeting_window is not None and editor.meeting_window.isVisible()
    assert entry.isChecked()

    entry.trigger()
    assert not editor.meeting_window.isVisible() and not entry.isChecked()


def test_without_a_plan_the_menu_entry_is_there_but_disabled(window) -> None:
    entry = _menu_entry(window)
    assert not entry.isEnabled() and entry.isCheckable()


def test_escape_in_meeting_mode_closes_it(qtbot, window, editor) -> None:
    field = editor.person_section.first_name
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F11)
    meeting = editor.meeting_window
    assert meeting is not None and meeting.isVisible()

    qtbot.keyClick(meeting, Qt.Key.Key_Escape)

    assert not meeting.isVisible()
    assert not _menu_entry(window).isChecked()
    assert has_keyboard(field)


def test_escape_in_the_editor_does_what_it_does_there_and_meeting_mode_stays(
    qtbot, window, editor
) -> None:
    table = editor.goals_section.goals.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F11)
    meeting = editor.meeting_window
    assert meeting is not None and meeting.isVisible()
    row = blank_row(table)
    table.edit_cell(row, 0)
    cell = QApplication.focusWidget()
    assert cell is not None and cell is not table
    keys(qtbot, cell, "Spela gitarr")

    qtbot.keyClick(cell, Qt.Key.Key_Escape)  # closes the cell's editor, keeping the text

    assert has_keyboard(table)
    assert meeting.isVisible()
    qtbot.waitUntil(lambda: "Spela gitarr" in meeting.text.text(), timeout=5000)


def test_closing_the_main_window_closes_meeting_mode(qtbot, window, editor) -> None:
    editor.person_section.first_name.setFocus()
    qtbot.keyClick(editor.person_section.first_name, Qt.Key.Key_F11)
    meeting = editor.meeting_window
    assert meeting is not None and meeting.isVisible()

    assert window.close()

    assert not meeting.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is meeting]


def test_closing_the_plan_closes_its_meeting_mode(qtbot, window, editor) -> None:
    editor.person_section.first_name.setFocus()
    qtbot.keyClick(editor.person_section.first_name, Qt.Key.Key_F11)
    meeting = editor.meeting_window
    assert meeting is not None and meeting.isVisible()

    window.menus.close_tab_action.trigger()

    qtbot.waitUntil(lambda: not shiboken6.isValid(meeting) or not meeting.isVisible())
    assert window.tabs.currentWidget() is not editor


def _part_in_view(meeting: MeetingModeWindow, key: str) -> bool:
    """The whole part is on the screen."""
    label = meeting.text.findChild(QLabel, f"meeting_part_{key}")
    viewport = meeting.scroll_area.viewport()
    if label is None:
        return False
    top = label.mapTo(viewport, label.rect().topLeft()).y()
    return label.height() > 0 and top >= 0 and top + label.height() <= viewport.height()


@pytest.fixture
def long_plan_editor(window: MainWindow, sqlite_services: Services) -> PlanEditor:
    """A plan several screens long (what matters, strengths, own actions in many lines)."""
    plan = PlanBuilder(sqlite_services).complete()
    lines = "\n".join(f"Rad {n} om det som är viktigt för mig i vardagen." for n in range(12))
    fields = dataclasses.replace(
        plan.fields, what_matters=lines, strengths=lines, person_own_actions=lines
    )
    sqlite_services.plans.update_fields(plan.id, plan.version, fields)
    return open_editor(window, plan.id)


def test_meeting_mode_brings_the_part_being_edited_into_view(
    qtbot, window, long_plan_editor
) -> None:
    editor = long_plan_editor
    first_name = editor.person_section.first_name
    first_name.setFocus()
    qtbot.keyClick(first_name, Qt.Key.Key_F11)
    meeting = editor.meeting_window
    assert meeting is not None
    bar = meeting.scroll_area.verticalScrollBar()
    assert bar.value() == 0 and _part_in_view(meeting, "top")
    signs = editor.crisis_section.warning_signs
    signs.setFocus()
    keys(qtbot, signs, "Slutar svara i telefon. Sover dåligt flera nätter i rad.")
    qtbot.waitUntil(lambda: "Sover dåligt" in meeting.text.text(), timeout=5000)

    qtbot.waitUntil(lambda: bar.value() > 0 and _part_in_view(meeting, "crisis"), timeout=2000)
    assert not _part_in_view(meeting, "top")
    assert has_keyboard(signs)

    editor.goals_section.goals.table.setFocus()
    labels = meeting.text.part_labels()
    goals = meeting.findChild(QLabel, "meeting_part_goals")
    before = labels[labels.index(goals) - 1]
    qtbot.waitUntil(lambda: bar.value() > 0 and _part_in_view(meeting, "goals"), timeout=2000)
    qtbot.wait(20)
    # The heading at the top, and nothing of the part before it: no sliver of a cut line.
    assert before.geometry().bottom() < bar.value() <= goals.y()
    assert goals.y() - bar.value() <= MARGIN

    first_name.setFocus()
    qtbot.waitUntil(lambda: bar.value() == 0, timeout=2000)
