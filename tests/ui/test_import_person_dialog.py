"""File → Import for a plan whose person is stored: differences listed, applied only if ticked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sip_desk.domain.enums import AuditAction
from sip_desk.services.registry import Services
from sip_desk.ui import file_dialogs
from sip_desk.ui.dialogs.import_person_dialog import ImportPersonDialog
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.widgets import plan_tabs
from tests.person_helpers import (
    FOREIGN_PERSON,
    DemoPeople,
    file_with_person,
    load_demo,
    plans_of_person,
)
from tests.ui.question_boxes import Questions, answer_next_question


@pytest.fixture
def window(qtbot, sqlite_services: Services, tmp_path: Path, monkeypatch) -> MainWindow:
    monkeypatch.setattr(plan_tabs, "_editor_class", lambda: None)  # summary tabs: light
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    win.show()
    return win


@pytest.fixture
def people(sqlite_services: Services) -> DemoPeople:
    return load_demo(sqlite_services)


def _import(
    qtbot,
    window: MainWindow,
    monkeypatch,
    file: Path,
    answer: Callable[[ImportPersonDialog], None],
    imports: bool = True,
) -> dict[str, object]:
    """Choose File → Import with ``file``; ``answer`` handles the import dialog when it opens.

    Returns once the plan is imported (and opened), or, with ``imports`` false, once half a
    second after the answer has passed without a plan being imported.
    """
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *args: file)
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPersonDialog):
            QTimer.singleShot(20, drive)
            return
        table = dialog.table
        seen["rows"] = [
            [table.model().index(r, c).data() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]
        seen["ticked"] = dialog.update_person.isChecked()
        answer(dialog)

    QTimer.singleShot(0, drive)
    imported = window.commands.plan_imported
    # The file is checked, and the plan stored, on the background runner.
    if imports:
        with qtbot.waitSignal(imported, timeout=10_000):
            window.menus.import_json_action.trigger()
    else:
        window.menus.import_json_action.trigger()
        qtbot.waitUntil(lambda: "ticked" in seen, timeout=10_000)
        with qtbot.assertNotEmitted(imported, wait=500):
            pass
    return seen


def _write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "plan.json"
    file.write_text(text, encoding="utf-8")
    return file


def test_import_lists_differences_and_keeps_the_signed_persons_details(
    qtbot, window, sqlite_services, people, monkeypatch, tmp_path
) -> None:
    alva = people.signed
    before = plans_of_person(sqlite_services, alva.person.id)
    file = _write(tmp_path, file_with_person(sqlite_services, alva.id, **FOREIGN_PERSON))

    questions = Questions()

    def import_as_new(dialog: ImportPersonDialog) -> None:
        # Alva's plan itself is stored: asked next whether to import it as a new plan; "Yes".
        answer_next_question(
            questions, lambda box: box.button(QMessageBox.StandardButton.Yes).click()
        )
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    seen = _import(qtbot, window, monkeypatch, file, import_as_new)
    qtbot.waitUntil(lambda: len(plans_of_person(sqlite_services, alva.person.id)) == 2)

    assert questions.asked == [
        f"The plan is already in the database (plan {alva.id}). Import it as a new plan anyway?"
    ]
    assert seen["ticked"] is False
    rows = seen["rows"]
    assert isinstance(rows, list)
    assert ["First name", "Alva", "Fel", ""] in rows
    assert ["Address", "Ekbackavägen 21, 123 46 Björkvik", FOREIGN_PERSON["address"], ""] in rows
    after = plans_of_person(sqlite_services, alva.person.id)
    assert len(after) == 2 and {pid: after[pid] for pid in before} == before
    new = next(p for pid, p in after.items() if pid not in before)
    assert new.person == alva.person
    assert window.statusBar().currentMessage() == (
        "Imported the plan for Alva Nordin; the stored person was kept as it was."
    )


def test_import_with_the_box_ticked_updates_the_person_but_never_removes_protection(
    qtbot, window, sqlite_services, people, monkeypatch, tmp_path
) -> None:
    linda = people.protected
    file = _write(tmp_path, file_with_person(sqlite_services, linda.id, **FOREIGN_PERSON))

    def tick_and_import(dialog: ImportPersonDialog) -> None:
        dialog.update_person.setFocus()
        qtbot.keyClick(dialog.update_person, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.update_person, Qt.Key.Key_Return)  # the default button: Import

    seen = _import(qtbot, window, monkeypatch, file, tick_and_import)

    rows = seen["rows"]
    assert isinstance(rows, list)
    protection = next(r for r in rows if r[0] == "Protected identity")
    assert protection[1:3] == ["yes", "no"] and "kept" in protection[3]
    address = next(r for r in rows if r[0] == "Address")
    assert address[1:3] == ["(not shown)", "(not shown)"]
    stored = sqlite_services.plans.get_plan(linda.id).person
    assert (stored.first_name, stored.last_name) == ("Fel", "Filnamn")
    assert stored.protected_identity
    assert stored.address == "Lönnvägen 9, 123 48 Björkvik"
    assert len(plans_of_person(sqlite_services, linda.person.id)) == 2
    updates = [
        (e.field, e.new)
        for e in sqlite_services.audit.entries(person_id=linda.person.id)
        if e.action is AuditAction.UPDATE and e.entity == "person"
    ]
    assert ("first_name", "Fel") in updates
    assert {f for f, _ in updates}.isdisjoint({"protected_identity", "address"})
    assert window.statusBar().currentMessage() == (
        "Imported the plan for Fel Filnamn and updated the stored person."
    )


def test_cancel_in_the_import_dialog_imports_nothing(
    qtbot, window, sqlite_services, people, monkeypatch, tmp_path
) -> None:
    linda = people.protected
    before = plans_of_person(sqlite_services, linda.person.id)
    file = _write(tmp_path, file_with_person(sqlite_services, linda.id, first_name="Annan"))

    def escape(dialog: ImportPersonDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    _import(qtbot, window, monkeypatch, file, escape, imports=False)

    assert plans_of_person(sqlite_services, linda.person.id) == before
    assert sqlite_services.plan_list.count_plans() == 4
