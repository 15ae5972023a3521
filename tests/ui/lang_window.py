"""The main window in a language (the ``lang`` fixture of the UI conftest runs a test in both)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from sip_desk.services.registry import Services
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings


def shown_window(qtbot, lang: str, tmp_path: Path, services: Services | None) -> MainWindow:
    """A 1200×800 main window in ``lang`` on ``services`` (none: the window before a store)."""
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, lang)
    qtbot.addWidget(win)
    if services is not None:
        win.attach_services(services, str(tmp_path / "store.sqlite"))
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
