"""Meeting mode closes by key wherever the keyboard is in the main window, as a tester found it
would not: F11 after Ctrl+Tab went on to the plan list (the editor's own F11 is only heard in the
editor), and Escape after a click on the meeting screen (a window manager that never gives that
window the keyboard leaves the keys in the main window). Ctrl+PgDown / Ctrl+PgUp from a field
switch tabs as Ctrl+Tab does, and the meeting screen follows the plan shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from tests.builders import person_data
from tests.ui.meeting_windows import main_window, open_editor, own_settings

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, sqlite_services, tmp_path) -> MainWindow:
    return main_window(qtbot, sqlite_services, own_settings(tmp_path), tmp_path)


def _key(window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the window system delivers it: to whatever has the keyboard in ``window``."""
    QTest.keyClick(window.windowHandle(), key, modifiers)


def _shown(window: MainWindow) -> list[MeetingModeWindow]:
    return [m for m in window.findChildren(MeetingModeWindow) if m.isVisible()]


def _two_plans(window: MainWindow, services):
    ids = [
        services.plans.create_plan(person_data(first_name="Kim", last_name=name)).id
        for name in ("Ettan", "Andra")
    ]
    return [open_editor(window, plan_id) for plan_id in ids]


def test_f11_closes_meeting_mode_after_ctrl_tab_went_on_to_the_plan_list(
    qtbot,
    window,
    sqlite_services,
) -> None:
    _first, second = _two_plans(window, sqlite_services)
    second.goals_section.what_matters.setFocus()
    _key(window, Qt.Key.Key_F11)
    [screen] = _shown(window)

    _key(window, Qt.Key.Key_Tab, CTRL)  # from the last plan round to the plan list

    assert window.tabs.currentWidget() is window.plan_list
    assert _shown(window) == [screen]  # the room keeps seeing the plan
    assert not second.isAncestorOf(QApplication.focusWidget())
    _key(window, Qt.Key.Key_F11)
    assert _shown(window) == []
    assert window.isActiveWindow()


def test_ctrl_pgdown_in_a_field_switches_plan_and_escape_after_a_click_closes(
    qtbot,
    window,
    sqlite_services,
) -> None:
    first, second = _two_plans(window, sqlite_services)
    window.tabs.setCurrentWidget(first)
    field = first.follow_up_section.time
    field.setFocus()
    _key(window, Qt.Key.Key_F11)
    assert "Kim Ettan" in _shown(window)[0].text.text()

    _key(window, Qt.Key.Key_PageDown, CTRL)

    assert window.tabs.currentWidget() is second
    [screen] = _shown(window)  # one, now with the plan shown in the editor
    assert "Kim Andra" in screen.text.text() and "Kim Ettan" not in screen.text.text()
    _key(window, Qt.Key.Key_PageUp, CTRL)
    assert window.tabs.currentWidget() is first
    [screen] = _shown(window)
    assert "Kim Ettan" in screen.text.text()
    assert QApplication.focusWidget() is field  # back where the user was typing

    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    window.activateWindow()  # as a window manager does: the keys stay in the main window
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    _key(window, Qt.Key.Key_Escape)

    assert _shown(window) == []
    assert QApplication.focusWidget() is field


def test_escape_in_the_main_window_without_a_click_leaves_meeting_mode_open(
    qtbot,
    window,
    sqlite_services,
) -> None:
    first, _second = _two_plans(window, sqlite_services)
    window.tabs.setCurrentWidget(first)
    first.follow_up_section.time.setFocus()
    _key(window, Qt.Key.Key_F11)
    [screen] = _shown(window)
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(first.follow_up_section.place, Qt.MouseButton.LeftButton)  # back to typing

    _key(window, Qt.Key.Key_Escape)

    assert _shown(window) == [screen]
