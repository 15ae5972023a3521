"""Keys and words of the menus: every menu entry has an underlined letter (Skriv ut and Skriv
under included, once a plan's own print and sign actions are in the File menu), and Sign has a
shortcut of its own that opens the signing dialog from the plan's editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.signing_dialog import SigningDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.main_window import MainWindow
from tests.builders import PlanBuilder
from tests.ui.lang_window import shown_window
from tests.ui.mnemonics import mnemonic_of
from tests.ui.question_boxes import act_in_next_dialog


@pytest.fixture
def window(qtbot, lang: str, sqlite_services: Services, tmp_path: Path) -> MainWindow:
    win = shown_window(qtbot, lang, tmp_path, sqlite_services)
    win.open_plan(PlanBuilder(sqlite_services).complete().id)
    return win


def _entries(menu: QMenu) -> list[str]:
    """The visible entries of ``menu`` and its submenus, as their texts."""
    menu.aboutToShow.emit()  # the recent plans are listed when the menu opens
    texts = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        texts.append(action.text())
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            texts.extend(_entries(submenu))
    return texts


def test_every_menu_entry_has_an_underlined_letter(window, lang) -> None:
    menus = [action.menu() for action in window.menuBar().actions()]
    entries = [text for menu in menus if isinstance(menu, QMenu) for text in _entries(menu)]

    assert len(entries) >= 25
    assert [text for text in entries if not mnemonic_of(text)] == []
    file_entries = _entries(window.menus.file_menu)
    expected = {"sv": ["Skriv &ut…", "Skriv un&der…"], "en": ["&Print…", "Si&gn…"]}[lang]
    assert set(expected) <= set(file_entries)


def test_ctrl_shift_g_in_the_editor_opens_signing(qtbot, window, lang) -> None:
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor.person_section.first_name.setFocus()
    titles: list[str] = []

    def read_and_close(dialog: SigningDialog) -> None:
        titles.append(dialog.windowTitle())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    seen = act_in_next_dialog(SigningDialog, read_and_close)
    QTest.keySequence(window.focusWidget() or window, QKeySequence("Ctrl+Shift+G"))

    assert seen, "Ctrl+Shift+G opened no signing dialog"
    assert titles == [{"sv": "Skriv under version 1", "en": "Sign version 1"}[lang]]
    tip = editor.editor_actions.sign.toolTip()
    assert tip.startswith({"sv": "Skriv under… (", "en": "Sign… ("}[lang]) and "G" in tip
