"""Loggkontroll: opened from the File menu with keys, it shows who opened whose plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import text as sql

from sip_desk.db.access_log import read_entries
from sip_desk.domain.access import AccessKind, AccessQuery
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.log_review_dialog import LogReviewDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.main_window import MainWindow
from tests.builders import person_data
from tests.ui.lang_window import shown_window
from tests.ui.mnemonics import mnemonic_of
from tests.ui.question_boxes import act_in_next_dialog

TEXTS = {  # menu entry, "opened", "listed", the chain's verdict
    "sv": ("Logg&kontroll…", "öppnad", "listad", "Loggarna är obrutna"),
    "en": ("Access log re&view…", "opened", "listed", "The logs are intact"),
}


@pytest.fixture
def window(qtbot, lang: str, sqlite_services: Services, tmp_path: Path) -> MainWindow:
    win = shown_window(qtbot, lang, tmp_path, None)
    return win


def _cells(dialog: LogReviewDialog, column: int) -> list[str]:
    table = dialog.table
    return [item.text() for r in range(table.rowCount()) if (item := table.item(r, column))]


def _open_review(qtbot, window: MainWindow, lang: str) -> None:
    """Alt+File, then the entry's letter: the review opens (modal) and reads the whole log."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    assert window.menus.log_review_action.text() == TEXTS[lang][0]
    QTest.keySequence(
        window.plan_list.view.table, QKeySequence(mnemonic_of(window.menus.file_menu.title()))
    )
    menu = QApplication.activePopupWidget()
    assert menu is window.menus.file_menu
    letter = mnemonic_of(window.menus.log_review_action.text()).removeprefix("Alt+")
    QTest.keyClicks(menu, letter.lower())


def test_enter_opens_a_plan_and_loggkontroll_shows_that_open_for_the_person(
    qtbot, window, lang, sqlite_services
) -> None:
    # Given two plans, one of them opened with Enter from the plan list
    asa = sqlite_services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    sqlite_services.plans.create_plan(person_data(first_name="Bo", last_name="Ek"))
    window.attach_services(sqlite_services, "/tmp/sip_desk.sqlite")
    table = window.plan_list.view.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=5000)
    table.setFocus()
    names = [table.model().index(r, 0).data() for r in range(2)]
    qtbot.keyClick(table, Qt.Key.Key_Home)
    if names[0] != "Åsa Öberg":
        qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor) and editor.plan.id == asa.id
    seen: dict[str, Any] = {}

    def review(dialog: LogReviewDialog) -> None:
        try:
            steps(dialog)
        finally:  # a failed step still closes the dialog, so the test ends and says why
            seen["done"] = True
            dialog.reject()

    def steps(dialog: LogReviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
        seen["all_whats"] = set(_cells(dialog, 2))
        seen["chain"] = dialog.chain.text()
        # Filter on Åsa's identity number with the keyboard: Alt+P, type, Alt+Show
        QTest.keySequence(dialog, QKeySequence(mnemonic_of(dialog.labels[dialog.person].text())))
        seen["person_focused"] = dialog.person.hasFocus()
        QTest.keyClicks(dialog.person, asa.person.identity_number or "")
        QTest.keySequence(dialog, QKeySequence(mnemonic_of(dialog.show_button.text())))
        asa_only = {f"Åsa Öberg {asa.person.identity_number}"}
        qtbot.waitUntil(lambda: set(_cells(dialog, 3)) == asa_only, timeout=10_000)
        seen["whats"] = set(_cells(dialog, 2))
        header = dialog.table.horizontalHeader()
        x = header.sectionViewportPosition(0) + 10
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        seen["order"] = header.sortIndicatorOrder()
        dialog.grab().save(f"/tmp/al/log_review_{lang}.png")

    opened = act_in_next_dialog(LogReviewDialog, review)
    _open_review(qtbot, window, lang)
    qtbot.waitUntil(lambda: "done" in seen, timeout=20_000)

    assert opened and seen["person_focused"]
    assert TEXTS[lang][1] in seen["all_whats"]
    assert TEXTS[lang][3] in str(seen["chain"])
    with sqlite_services.ctx.db.read_connection() as conn:
        newest = conn.execute(
            sql("SELECT row_hash FROM audit_entries ORDER BY id DESC LIMIT 1")
        ).scalar()
    assert f", {newest}." in str(seen["chain"])  # the newest hash, to be written down elsewhere
    assert seen["whats"] == {TEXTS[lang][1], TEXTS[lang][2]}
    assert seen["order"] == Qt.SortOrder.DescendingOrder
    with sqlite_services.ctx.db.read_connection() as conn:
        reviews = [r for r in read_entries(conn, AccessQuery()) if r.kind is AccessKind.LOG_REVIEW]
    assert [r.detail for r in reviews] == ["", f"person={asa.person.identity_number}"]
