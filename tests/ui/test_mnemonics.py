"""No Alt+letter does two things: every mnemonic live in one window context is unique, in
Swedish and in English, with a plan open in the editor (menus, labels, buttons, tabs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.log_review_dialog import LogReviewDialog
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.dialogs.signing_dialog import SigningDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog
from sip_desk.ui.i18n import Translations
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder
from tests.ui.mnemonics import clashes, live_mnemonics, menu_item_mnemonics, mnemonic_of


@pytest.fixture(params=["sv", "en"])
def lang(request, qapp: QApplication):
    translations = Translations()
    translations.install(request.param)
    yield request.param
    translations.install("en")


@pytest.fixture
def window(qtbot, lang: str, sqlite_services: Services, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, lang)
    qtbot.addWidget(win)
    win.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    plan = PlanBuilder(sqlite_services).complete()
    win.open_plan(plan.id)
    return win


def test_mnemonics_are_unique_on_every_tab_of_the_main_window(qtbot, window, lang) -> None:
    found = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        if window.tabs.currentWidget() is window.worklist:
            window.worklist.ensure_panel()
        qtbot.wait(10)
        live = live_mnemonics(window)
        found[window.tabs.tabText(index)] = clashes(live)
        assert len(live) > 5  # the walk sees the menu bar and the page's labels
    assert found == {k: {} for k in found}


def test_an_ampersand_in_a_name_is_shown_on_its_tab_and_is_no_mnemonic(
    window, lang, sqlite_services
) -> None:
    plan = PlanBuilder(sqlite_services)(first_name="Ann&Eli", last_name="Berg")
    window.open_plan(plan.id)

    bar = window.tabs.tabBar()
    assert bar.tabText(bar.currentIndex()) == "Ann&&Eli Berg"  # drawn as "Ann&Eli Berg"
    assert not [m for m in live_mnemonics(window) if m.owner.startswith("tab")]


def test_mnemonics_are_unique_within_every_menu(window, lang) -> None:
    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # the editor's actions are in the menus
    menus = window.findChildren(QMenu)
    assert len(menus) >= 5
    found = {menu.objectName(): clashes(menu_item_mnemonics(menu)) for menu in menus}
    assert found == {k: {} for k in found}


def test_mnemonics_are_unique_in_every_dialog_with_input(qtbot, lang, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    new_plan = NewPlanDialog(sqlite_services.plans, lang)
    dialogs = [
        new_plan,
        SettingsDialog(sqlite_services.documents, sqlite_services.follow_ups, lang),
        SigningDialog(sqlite_services.signing, sqlite_services.clock.today(), plan),
        CaseloadDialog(sqlite_services.follow_ups.caseload()),
        LogReviewDialog(sqlite_services.audit, sqlite_services.clock.today()),
    ]
    found = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        live = live_mnemonics(dialog)
        found[dialog.windowTitle()] = clashes(live)
    assert found == {k: {} for k in found}
    assert mnemonic_of(new_plan.known_panel.back.text())  # hidden until needed, still seen


# --- the keys themselves, pressed as the tester did ----------------------------------------------


def _active(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _editor(window: MainWindow) -> PlanEditor:
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    return editor


def _focused() -> QWidget:
    """Where a key press goes: the focused widget of the active window."""
    focus = QApplication.focusWidget()
    assert focus is not None, "no widget has the keyboard focus"
    return focus


def _close_popups(qtbot, window: MainWindow, back_to: QWidget) -> None:
    """Escape from an open menu, and from the menu bar's keyboard mode, back to ``back_to``."""
    while (popup := QApplication.activePopupWidget()) is not None:
        QTest.keyClick(popup, Qt.Key.Key_Escape)
        qtbot.wait(1)
    if window.menuBar().hasFocus():
        QTest.keyClick(window.menuBar(), Qt.Key.Key_Escape)
    _active(qtbot, window)  # offscreen, a closed menu leaves no window active
    back_to.setFocus()


def test_every_label_letter_in_the_editor_reaches_its_own_field(qtbot, window, lang) -> None:
    editor = _editor(window)
    _active(qtbot, window)
    labels = [
        label
        for label in editor.findChildren(QLabel)
        if label.buddy() is not None and mnemonic_of(label.text())
    ]
    assert len(labels) >= 12
    missed: list[tuple[str, str, str | None]] = []
    for label in labels:
        key = mnemonic_of(label.text())
        editor.person_section.first_name.setFocus()  # somewhere else first
        for _press in range(2):  # Qt takes turns between owners of one letter: press twice
            QTest.keySequence(_focused(), QKeySequence(key))
            popup = QApplication.activePopupWidget()
            focus, buddy = QApplication.focusWidget(), label.buddy()
            if popup is not None:
                missed.append((key, label.text(), f"opened menu {popup.objectName()}"))
                _close_popups(qtbot, window, editor.person_section.first_name)
            elif focus is not buddy and not (focus is not None and buddy.isAncestorOf(focus)):
                missed.append((key, label.text(), focus.objectName() if focus else None))
    assert missed == []


def test_alt_file_menu_letter_in_a_field_opens_the_file_menu_not_the_field(
    qtbot, window, lang
) -> None:
    """The tester's keys in the plan tab: Alt+A (Arkiv), Down×5, Enter. They once went to the
    reason field's label every other time and typed a newline into the reason."""
    editor = _editor(window)
    _active(qtbot, window)
    editor.person_section.first_name.setFocus()
    reason = editor.person_section.reason.toPlainText()
    file_key = mnemonic_of(window.menus.file_menu.title())
    assert file_key == {"sv": "Alt+A", "en": "Alt+F"}[lang]
    opened: list[str] = []

    def close_dialog() -> None:  # Enter on a menu item may open a dialog: leave it with Esc
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, close_dialog)
            return
        opened.append(type(dialog).__name__)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    for _press in range(2):  # Qt takes turns between owners of one letter: press again
        QTest.keySequence(_focused(), QKeySequence(file_key))
        assert QApplication.activePopupWidget() is window.menus.file_menu
        _close_popups(qtbot, window, editor.person_section.first_name)
    QTest.keySequence(_focused(), QKeySequence(file_key))
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu is window.menus.file_menu
    QTimer.singleShot(0, close_dialog)
    for _ in range(5):
        QTest.keyClick(menu, Qt.Key.Key_Down)
    QTest.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)

    assert opened == ["SigningDialog"]  # Down×5 from "New plan" is "Sign…", closed by Esc
    assert editor.person_section.reason.toPlainText() == reason
    assert window.services.plans.get_plan(editor.plan.id).fields.reason == reason


def test_ctrl_q_while_typing_stores_what_was_typed(qtbot, window, lang, sqlite_services) -> None:
    editor = _editor(window)
    _active(qtbot, window)
    field = editor.person_section.reason
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " Skriven strax innan avslut")
    assert editor.person_section.bindings["plan.reason"].pending  # only quitting can save it

    QTest.keyClick(field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

    assert not window.isVisible()
    stored = sqlite_services.plans.get_plan(editor.plan.id).fields.reason
    assert stored.endswith(" Skriven strax innan avslut")
