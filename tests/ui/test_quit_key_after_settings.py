"""Ctrl+Q quits after settings were changed and the changes discarded (a tester found it dead)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.settings import AppSettings
from tests.ui.question_boxes import Questions, act_in_next_dialog, answer_next_question, click


@pytest.fixture
def app(qtbot, tmp_path: Path):
    from sip_desk.app import DesktopApp

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    db = str(tmp_path / "quit.sqlite")
    desk = DesktopApp(argparse.Namespace(db=db, lang="en", user="anna.test", debug=False), settings)
    desk.store = db
    desk.open_store()
    desk.window.show()
    qtbot.waitExposed(desk.window)
    desk.window.activateWindow()
    qtbot.waitUntil(desk.window.isActiveWindow, timeout=2000)
    yield desk
    desk.window.close()
    if desk.services is not None:
        desk.services.ctx.db.dispose()


def test_ctrl_q_quits_after_settings_changed_then_discarded(qtbot, app) -> None:
    window = app.window
    questions = Questions()

    def change_then_cancel(dialog: SettingsDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        dialog.marking.setFocus()
        qtbot.keyClicks(dialog.marking, "Sekretess")
        answer_next_question(questions, click("discardButton"))
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)

    seen = act_in_next_dialog(SettingsDialog, change_then_cancel)
    QTest.keySequence(window, QKeySequence("Ctrl+,"))
    assert seen and questions.asked == ["Discard the changed settings?"]
    assert not seen[0].isVisible()

    # The keys go to the main window again (on X11 the closed question left no window active).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    QTest.keySequence(QApplication.focusWidget() or window, QKeySequence("Ctrl+Q"))

    assert not window.isVisible()
