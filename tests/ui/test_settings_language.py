"""Inställningar holds the UI language too (the README says so): chosen there, it is applied at
once, kept for the next start, and an open plan stays open in the new language."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from sip_desk.domain.person import PersonData
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.settings import AppSettings
from tests.ui.question_boxes import Questions, act_in_next_dialog, answer_next_question, click


@pytest.fixture
def swedish_app(qtbot, tmp_path: Path):
    from sip_desk.app import DesktopApp

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    db = str(tmp_path / "lang.sqlite")
    app = DesktopApp(argparse.Namespace(db=db, lang=None, user="anna.test", debug=False), settings)
    app.store = db
    app.open_store()
    app.window.show()
    qtbot.waitExposed(app.window)
    yield app
    app.window.close()  # the window of now: a language switch replaced (deleted) the first
    app.translations.install("en")
    if app.services is not None:
        app.services.ctx.db.dispose()


def _choose_in_settings(qtbot, app, language: str, button: QDialogButtonBox.StandardButton):
    """Ctrl+, then the language label's letter, the language typed, and Save (or Cancel)."""
    shown: list[str] = []

    def choose(dialog: SettingsDialog) -> None:
        label = next(lb for lb in dialog.findChildren(QLabel) if lb.buddy() is dialog.language)
        shown.append(label.text())
        dialog.activateWindow()  # offscreen, a new window is not made active by itself
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        QTest.keySequence(dialog.focusWidget() or dialog, QKeySequence.mnemonic(label.text()))
        if QApplication.focusWidget() is dialog.language:
            shown.append("focused")
            qtbot.keyClicks(dialog.language, language)
        qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)

    seen = act_in_next_dialog(SettingsDialog, choose)
    QTest.keySequence(app.window, QKeySequence("Ctrl+,"))
    assert seen, "Ctrl+, opened no settings dialog"
    return shown


def test_english_chosen_in_settings_is_applied_at_once_and_kept(qtbot, swedish_app) -> None:
    app = swedish_app
    plan = app.services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    app.window.open_plan(plan.id)
    assert app.window.menus.file_menu.title() == "&Arkiv"

    shown = _choose_in_settings(qtbot, app, "English", QDialogButtonBox.StandardButton.Save)

    assert shown == ["Sp&råk:", "focused"]  # Alt+R reached the list
    assert app.window.menus.file_menu.title() == "&File"
    assert app.window.isVisible()
    assert app.settings.language == "en"  # the next start is in English too
    editors = app.window.findChildren(PlanEditor)
    assert [e.person_section.heading.text() for e in editors] == ["1. The person and the reason"]


def test_a_language_chosen_then_cancelled_changes_nothing(qtbot, swedish_app) -> None:
    app = swedish_app
    window = app.window
    questions = Questions()

    answer_next_question(questions, click("discardButton"))
    _choose_in_settings(qtbot, app, "English", QDialogButtonBox.StandardButton.Cancel)

    assert questions.asked == ["Kasta ändringarna i inställningarna?"]
    assert app.window is window
    assert window.menus.file_menu.title() == "&Arkiv"
    assert app.settings.language == "sv"
