"""The main window with a plan open, as the meeting-mode tests use it: the user's settings
(QSettings) in the test's own folder, since meeting mode reads them as the app does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder


def own_settings(folder: Path) -> AppSettings:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().remove("meeting")
    return AppSettings()


def main_window(qtbot, services: Services, settings: AppSettings, folder: Path) -> MainWindow:
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(services, str(folder / "store.sqlite"))
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


def open_editor(window: MainWindow, plan_id: int) -> PlanEditor:
    window.open_plan(plan_id)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    return editor


def complete_plan_editor(window: MainWindow, services: Services) -> PlanEditor:
    return open_editor(window, PlanBuilder(services).complete().id)


def has_keyboard(widget: QWidget) -> bool:
    return QApplication.focusWidget() is widget
