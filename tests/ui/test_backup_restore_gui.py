"""Backups and restore seen from the window: a restore is logged, a failed backup is told.

The application is started as ``sip-desk`` starts it (``DesktopApp.start``: window first, the
store after the first paint); dialogs are answered with the keyboard, as a user does.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from sip_desk.bootstrap import open_services
from sip_desk.db.backups import daily_backup, file_problems
from sip_desk.domain.access import AccessKind, AccessQuery
from sip_desk.domain.audit import UserContext
from sip_desk.ui.dialogs.store_error_dialog import StoreErrorDialog
from sip_desk.ui.settings import AppSettings
from tests.db.damage import damage_middle_page


@pytest.fixture
def desktop(qtbot, tmp_path):
    from sip_desk.app import DesktopApp

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    apps = []

    def make(db: str, lang: str = "en") -> DesktopApp:
        args = argparse.Namespace(db=db, lang=lang, user="anna.test", debug=False)
        app = DesktopApp(args, settings)
        apps.append(app)  # not qtbot.addWidget: a language switch deletes the first window
        return app

    yield make
    for app in apps:
        if app.store_check is not None:
            app.store_check.stop(20_000)
        app.stop_reminders()
        app.translations.install("en")
        if app.services is not None:
            app.services.ctx.db.dispose()
        app.window.close()
        app.window.deleteLater()


def _store(path: Path, plans: int = 40) -> Path:
    services = open_services(str(path), user=UserContext(user="t"))
    try:
        services.demo.load_cases()
        services.demo.generate(plans, seed=2)
    finally:
        services.ctx.db.dispose()
    return path


def _log_tail(path: Path) -> tuple[int, str]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        count, newest = conn.execute(
            "SELECT count(*), (SELECT row_hash FROM access_log ORDER BY id DESC LIMIT 1)"
            " FROM access_log"
        ).fetchone()
    return int(count), str(newest)


def _focus_by_tab(widget: QWidget, qtbot) -> None:
    """Press Tab in ``widget``'s window until ``widget`` has the keyboard focus."""
    widget.window().activateWindow()  # offscreen, a new dialog is not made active by itself
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=2000)
    for _ in range(12):
        if QApplication.focusWidget() is widget:
            return
        qtbot.keyClick(QApplication.focusWidget() or widget.window(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName()}")


class KeyAnswers:
    """Answers store-error dialogs as they open, by keys; records what each said."""

    def __init__(self, qtbot, *steps: Callable[[StoreErrorDialog], None]) -> None:
        self.qtbot = qtbot
        self.steps = list(steps)
        self.seen: list[str] = []
        QTimer.singleShot(50, self._look)

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, StoreErrorDialog) and dialog.isVisible() and self.steps:
            self.seen.append(dialog.message.text())
            try:
                self.steps.pop(0)(dialog)
            except Exception:
                self.steps.clear()
                dialog.reject()  # never leave a test waiting on a modal dialog
                raise
        if self.steps:
            QTimer.singleShot(50, self._look)


def test_restore_offered_at_start_is_chosen_by_keys_and_logged(qtbot, desktop, tmp_path) -> None:
    path = _store(tmp_path / "sip_desk.sqlite")
    good = daily_backup(path, date(2026, 11, 30))
    assert good is not None
    replaced = _log_tail(path)  # the log of the store about to be damaged
    damage_middle_page(path)  # a crashed disk: one page of plan actions overwritten
    app = desktop(str(path))

    def restore(dialog: StoreErrorDialog) -> None:
        assert dialog.restore_button is not None
        _focus_by_tab(dialog.restore_button, qtbot)
        qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)
        # Restored: "Open the database" is the default button and has the focus.
        assert dialog.retry_button is not None and dialog.retry_button.hasFocus()
        QTimer.singleShot(0, lambda: answers.seen.append(dialog.message.text()))
        QTimer.singleShot(10, lambda: qtbot.keyClick(dialog, Qt.Key.Key_Return))

    answers = KeyAnswers(qtbot, restore)

    app.start()

    qtbot.waitUntil(lambda: app.services is not None, timeout=20_000)
    assert answers.seen[0].startswith("The database file is damaged")
    assert answers.seen[1].startswith(f"Restored from the backup {good.path}.")
    assert file_problems(path) == []
    rows = [
        row
        for row in app.services.audit.review_access(AccessQuery())
        if row.kind is AccessKind.RESTORE
    ]
    assert len(rows) == 1
    (row,) = rows
    count, newest = replaced
    assert row.user == "anna.test"
    assert (row.program, row.command) == ("gui", "")
    assert row.detail == f"{good.path.name}; replaced log: {count} rows, newest {newest}"
    assert abs((row.at - app.services.ctx.clock.now()).total_seconds()) < 120
    assert app.services.audit.check_chains().intact


def test_a_daily_backup_that_cannot_be_made_is_told_in_the_window_once_a_day(
    qtbot, desktop, tmp_path
) -> None:
    path = _store(tmp_path / "sip_desk.sqlite")
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the backups folder should be", encoding="utf-8")
    app = desktop(str(path), lang="sv")

    app.start()  # the store opens after the first paint; the check and the backup follow

    banner = app.window.backup_banner
    qtbot.waitUntil(banner.isVisible, timeout=60_000)
    assert banner.text.text() == (
        f"⚠ Dagens säkerhetskopia kunde inte göras. {blocker} ska vara mappen för "
        "säkerhetskopior men är en fil: ingen säkerhetskopia skrivs. Flytta bort filen eller "
        "kontakta er IT-support."
    )
    assert app.services is not None and app.window.menus.new_plan_action.isEnabled()

    app.window.findChild(QAction, "language_en").trigger()  # a new window: told in English

    banner = app.window.backup_banner
    assert banner.isVisible()
    assert banner.text.text() == (
        f"⚠ Today's backup could not be made. {blocker} should be the backups folder but is a "
        "file: no backup is written. Move the file away, or contact your IT support."
    )
    qtbot.mouseClick(banner.dismiss, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert app.store_check is not None and app.store_check.stop(20_000)
    app.services.ctx.db.dispose()

    again = desktop(str(path), lang="en")  # started again the same day: not told twice
    again.store = str(path)
    again.open_store()
    again.start_store_check()
    assert again.store_check is not None
    failed: list[object] = []
    again.store_check.backup_failed.connect(failed.append)  # results arrive by the event loop
    qtbot.waitUntil(lambda: len(failed) == 1, timeout=60_000)
    assert not again.window.backup_banner.isVisible()
    assert blocker.is_file()  # nothing was written through it, nor was it replaced
