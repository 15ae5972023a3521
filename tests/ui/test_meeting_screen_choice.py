"""Which screen meeting mode fills: "Skärm för mötesläge" in Inställningar lists the screens by
name and geometry; by default the other screen than the editor's when there are two, else the
same; a remembered screen that is gone falls back quietly. Two screens are Qt's offscreen
platform given a configuration file (``offscreen:configfile=…``), in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from sip_desk.ui.meeting_mode.screens import choose_screen, default_screen, screen_key
from sip_desk.ui.settings import AppSettings
from tests.ui.editor.helpers import pick
from tests.ui.meeting_windows import complete_plan_editor, main_window, own_settings
from tests.ui.question_boxes import act_in_next_dialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return own_settings(tmp_path)


@pytest.fixture
def window(qtbot, sqlite_services: Services, settings: AppSettings, tmp_path) -> MainWindow:
    return main_window(qtbot, sqlite_services, settings, tmp_path)


@pytest.fixture
def editor(window: MainWindow, sqlite_services: Services) -> PlanEditor:
    return complete_plan_editor(window, sqlite_services)


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
