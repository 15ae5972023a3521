"""Keys in the real main window, as a tester used it: what a key does depends on the tab shown
(the plan editor's Ctrl+Shift+V and F11, the status bar's count), not on where the focus is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from tests.builders import person_data
from tests.ui.meeting_windows import own_settings


@pytest.fixture
def window(qtbot, sqlite_services: Services, tmp_path: Path) -> MainWindow:
    settings = own_settings(tmp_path)  # meeting mode reads them as the app does
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


def _press(window: MainWindow, keys: str) -> None:
    """Press ``keys`` where the keyboard is (the focus widget, else the window)."""
    target: QWidget = QApplication.focusWidget() or window
    QTest.keySequence(target, QKeySequence(keys))


def _open_by_keys(qtbot, window: MainWindow, last_name: str) -> PlanEditor:
    """Ctrl+F, the last name, Down into the list, Enter: the plan's editor."""
    _press(window, "Ctrl+F")
    search = window.plan_list.view.search
    assert search.hasFocus()
    search.selectAll()
    qtbot.keyClicks(search, last_name)
    model = window.plan_list.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and last_name in model.index(0, 0).data(), timeout=3000
    )
    qtbot.keyClick(search, Qt.Key.Key_Down)
    qtbot.keyClick(window.plan_list.view.table, Qt.Key.Key_Return)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    assert editor.plan.person.last_name == last_name
    return editor


def test_ctrl_shift_v_shows_the_masked_number_right_after_the_plan_opened(
    qtbot, window, sqlite_services
) -> None:
    """Only in the plan shown: two protected plans open, the key is the current tab's."""
    people = [
        person_data(first_name=f, last_name=n, protected_identity=True, address="Grand 1")
        for f, n in (("Skyddad", "Ettan"), ("Skyddad", "Andra"))
    ]
    for person in people:
        sqlite_services.plans.create_plan(person)
    first = _open_by_keys(qtbot, window, "Ettan")
    second = _open_by_keys(qtbot, window, "Andra")
    section = second.person_section
    assert not section.identity.isVisible()  # masked

    _press(window, "Ctrl+Shift+V")  # the focus is in the plan list's table, not the editor

    assert section.identity.isVisible()
    assert section.identity.text() == people[1].identity_number
    assert section.address.isVisible() and section.address.text() == "Grand 1"
    assert first.person_section.privacy.masked  # the plan in the other tab stays masked


def _meeting_screens(window: MainWindow) -> list[MeetingModeWindow]:
    return [m for m in window.findChildren(MeetingModeWindow) if m.isVisible()]


def test_one_meeting_mode_shows_the_plan_of_the_current_tab(qtbot, window, sqlite_services):
    for name in ("Ettan", "Andra"):
        sqlite_services.plans.create_plan(person_data(first_name="Kim", last_name=name))
    first = _open_by_keys(qtbot, window, "Ettan")
    second = _open_by_keys(qtbot, window, "Andra")
    first_field, second_field = (e.goals_section.what_matters for e in (first, second))
    window.tabs.setCurrentWidget(first)
    first_field.setFocus()

    qtbot.keyClick(first_field, Qt.Key.Key_F11)
    [screen] = _meeting_screens(window)
    assert "Kim Ettan" in screen.text.text()

    qtbot.keyClick(first_field, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # next tab
    assert window.tabs.currentWidget() is second
    [screen] = _meeting_screens(window)  # one, now with the plan shown in the editor
    assert "Kim Andra" in screen.text.text() and "Kim Ettan" not in screen.text.text()

    window.show_plan_list()  # the list: the room keeps seeing the last plan
    [screen] = _meeting_screens(window)
    assert "Kim Andra" in screen.text.text()

    window.tabs.setCurrentWidget(second)
    second_field.setFocus()
    qtbot.keyClick(second_field, Qt.Key.Key_F11)  # F11 in the plan shown ends meeting mode
    assert _meeting_screens(window) == []


def test_the_status_bar_counts_what_the_current_tab_lists(qtbot, window, sqlite_services):
    for name in ("Ettan", "Andra"):
        sqlite_services.plans.create_plan(person_data(first_name="Kim", last_name=name))
    window.events.plans_changed.emit()  # as after "New plan"
    qtbot.waitUntil(lambda: window.counts.text() == "Plans shown: 2 of 2", timeout=3000)

    _open_by_keys(qtbot, window, "Ettan")
    assert window.counts.text() == ""  # a plan's tab: no count that means nothing there

    _press(window, "Ctrl+2")  # the worklist: its own count, not the plans'
    assert window.tabs.currentWidget() is window.worklist
    # both new drafts need a first meeting
    qtbot.waitUntil(lambda: window.counts.text() == "Follow-ups in the range: 2", timeout=5000)

    _press(window, "Ctrl+1")
    assert window.counts.text().startswith("Plans shown: 1 of")  # the search for Ettan stays
