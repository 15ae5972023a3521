"""Meeting mode on a shared screen: F11 in the main window shows the plan full screen on the
chosen screen while the keyboard stays in the editor; F11 again, or Escape in meeting mode,
closes it; Escape in the editor keeps its own meaning there."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from sip_desk.ui.meeting_mode.meeting_page import MARGIN
from sip_desk.ui.meeting_mode.screens import choose_screen, default_screen, screen_key
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder
from tests.ui.editor.helpers import blank_row, keys, pick
from tests.ui.question_boxes import act_in_next_dialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    """The user's settings, in this test's own folder (meeting mode reads them as the app does)."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().remove("meeting")
    return AppSettings()


@pytest.fixture
def window(qtbot, sqlite_services: Services, settings: AppSettings, tmp_path) -> MainWindow:
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


@pytest.fixture
def editor(window: MainWindow, sqlite_services: Services) -> PlanEditor:
    window.open_plan(PlanBuilder(sqlite_services).complete().id)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    return editor


def _has_keyboard(widget: QWidget) -> bool:
    return QApplication.focusWidget() is widget


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
    assert _has_keyboard(field) and window.isActiveWindow()
    assert _menu_entry(window).isChecked()
    assert meeting.text.part_labels()
    assert all(label.font().pointSize() >= 24 for label in meeting.text.part_labels())

    keys(qtbot, field, "Att ha en katt.")

    assert field.toPlainText().endswith("Att ha en katt.")
    qtbot.waitUntil(lambda: "Att ha en katt." in meeting.text.text(), timeout=5000)
    assert _has_keyboard(field)

    qtbot.keyClick(field, Qt.Key.Key_F11)

    assert not meeting.isVisible()
    assert not _menu_entry(window).isChecked()
    assert _has_keyboard(field)


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
    assert _has_keyboard(field)


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

    assert _has_keyboard(table)
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


def test_a_remembered_screen_that_is_gone_falls_back_quietly(
    qtbot, window, editor, settings
) -> None:
    settings.meeting_screen = "HDMI-projector-unplugged"
    editor.person_section.first_name.setFocus()

    qtbot.keyClick(editor.person_section.first_name, Qt.Key.Key_F11)

    meeting = editor.meeting_window
    assert meeting is not None and meeting.isVisible()
    assert meeting.geometry() == editor.screen().geometry()
    assert isinstance(meeting, MeetingModeWindow)


def _two_screens(tmp_path: Path, remembered: str) -> dict[str, object]:
    config = {
        "screens": [
            {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768},
            {"name": "Projector", "x": 1366, "y": 0, "width": 1920, "height": 1080},
        ]
    }
    for screen in config["screens"]:
        screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    path = tmp_path / "screens.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={path}")
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.meeting_screens_child", str(tmp_path), remembered],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    found: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize(
    ("remembered", "expected"),
    [("", "Projector"), ("Laptop", "Laptop"), ("Projector", "Projector"), ("Gone", "Projector")],
)
def test_with_two_screens_meeting_mode_fills_the_chosen_one(
    tmp_path, remembered: str, expected: str
) -> None:
    found = _two_screens(tmp_path, remembered)

    assert found["editor_screen"] == "Laptop"
    assert found["screen"] == expected
    geometry = {"Laptop": [0, 0, 1366, 768], "Projector": [1366, 0, 1920, 1080]}
    assert found["geometry"] == geometry[expected]
    assert found["full_screen"] is True
    assert found["focus_in_editor"] is True and found["typed_shown"] is True
    assert found["point_sizes"] == {"Laptop": [24], "Projector": [33]}[expected]  # grows
    assert found["choices"] == [
        "The other screen when there are two, else the same",
        "Laptop: 1366 × 768 at (0, 0)",
        "Projector: 1920 × 1080 at (1366, 0)",
    ] + (["Gone (not connected now)"] if remembered == "Gone" else [])


def test_the_screen_is_chosen_in_the_settings_and_remembered(qtbot, window, editor, settings):
    screen = QGuiApplication.primaryScreen()

    def choose_and_save(dialog: SettingsDialog) -> None:
        label = f"{screen.geometry().width()} × {screen.geometry().height()} at (0, 0)"
        pick(qtbot, dialog.meeting_screen, f"{screen.name() or 'Screen'}: {label}")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    seen = act_in_next_dialog(SettingsDialog, choose_and_save)
    window.menus.settings_action.trigger()

    assert seen and seen[0].result() == SettingsDialog.DialogCode.Accepted
    assert settings.meeting_screen == screen_key(screen) != ""
    assert AppSettings().meeting_screen == screen_key(screen)  # kept for the next start
    window.activateWindow()  # back from the dialog (offscreen Qt does not do it by itself)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor.person_section.first_name.setFocus()
    qtbot.keyClick(editor.person_section.first_name, Qt.Key.Key_F11)
    meeting = editor.meeting_window
    assert meeting is not None and meeting.screen() is screen
    assert meeting.geometry() == screen.geometry()


def test_a_screen_not_connected_now_stays_chosen_when_other_settings_are_saved(
    qtbot, sqlite_services, settings
) -> None:
    settings.meeting_screen = "HDMI-2"
    dialog = SettingsDialog(
        sqlite_services.documents, sqlite_services.follow_ups, "en", None, settings
    )
    qtbot.addWidget(dialog)
    assert dialog.meeting_screen.currentText() == "HDMI-2 (not connected now)"
    dialog.first_meeting.setValue(20)

    dialog.accept()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.meeting_screen == "HDMI-2"


def test_the_default_choice_is_the_other_screen_else_the_same() -> None:
    only = QGuiApplication.primaryScreen()
    assert default_screen([only], only) is only
    assert choose_screen([only], "", only) is only
    assert choose_screen([only], "gone", only) is only
    assert choose_screen([only], screen_key(only), None) is only
    assert default_screen([], None) is None


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
    window.open_plan(plan.id)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    return editor


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
    assert _has_keyboard(signs)

    editor.goals_section.goals.table.setFocus()
    goals_at_top = meeting.text.part_top("goals") - MARGIN
    qtbot.waitUntil(lambda: bar.value() == goals_at_top > 0, timeout=2000)
    assert _part_in_view(meeting, "goals")

    first_name.setFocus()
    qtbot.waitUntil(lambda: bar.value() == 0, timeout=2000)
