"""The window's long commands run on the background runner: the user keeps typing meanwhile,
and sees the result (a file, the imported plan, the preview's pages) or a calm message."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QProgressDialog, QSpinBox

from sip_desk.services.registry import Services
from sip_desk.ui import file_dialogs, plan_commands
from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from sip_desk.ui.events import AppEvents
from sip_desk.ui.i18n import Translations
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder, person_data
from tests.ui.question_boxes import Questions, answer_next_question, press
from tests.ui.test_background import Gate


def _window(qtbot, services: Services, tmp_path: Path, lang: str = "en") -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, lang)
    qtbot.addWidget(win)
    win.attach_services(services, str(tmp_path / "store.sqlite"))
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, sqlite_services: Services, tmp_path: Path) -> MainWindow:
    return _window(qtbot, sqlite_services, tmp_path)


def _held(gate: Gate, call, threads: list[int] | None = None):
    """``call`` as it is, run only once the test opens ``gate``."""

    def held(*args, **kwargs):
        if threads is not None:
            threads.append(threading.get_ident())
        gate.wait()
        return call(*args, **kwargs)

    return held


def test_save_as_pdf_lets_the_user_type_in_the_plan_list_while_the_pdf_is_made(
    qtbot, window, monkeypatch, tmp_path
) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa"))
    window.plan_list.model.reload()
    window.plan_list.select_plan(plan.id)
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *args: tmp_path / "plan.pdf")
    gate, threads = Gate(), list[int]()
    documents = window.services.documents
    monkeypatch.setattr(documents, "export_pdf", _held(gate, documents.export_pdf, threads))

    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    qtbot.keyClicks(window.plan_list.view.search, "Åsa")

    assert window.plan_list.view.search.text() == "Åsa"
    assert threads and threads[0] != threading.get_ident()
    gate.open()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved the plan as PDF"))
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")


def test_import_runs_off_the_gui_thread_and_opens_the_imported_plan(
    qtbot, window, monkeypatch, tmp_path
) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    path = tmp_path / "plan.json"
    path.write_text(window.services.transfer.export_plan(plan.id), encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *args: path)
    gate, threads = Gate(), list[int]()
    transfer = window.services.transfer
    monkeypatch.setattr(
        transfer, "import_with_report", _held(gate, transfer.import_with_report, threads)
    )

    qtbot.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    qtbot.keyClicks(window.plan_list.view.search, "Öberg")
    gate.open()

    qtbot.waitUntil(lambda: len(window.open_plan_ids()) == 1)
    assert window.open_plan_ids()[0] != plan.id
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Åsa Öberg"
    assert window.statusBar().currentMessage() == "Imported the plan for Åsa Öberg."
    assert window.plan_list.view.search.text() == "Öberg"
    assert threads[0] != threading.get_ident()


def test_a_broken_import_file_is_explained_in_a_swedish_message_box(
    qtbot, sqlite_services, monkeypatch, tmp_path
) -> None:
    translations = Translations()
    translations.install("sv")
    questions = Questions()
    try:
        win = _window(qtbot, sqlite_services, tmp_path, "sv")
        broken = tmp_path / "broken.json"
        broken.write_text("{ not json", encoding="utf-8")
        monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *args: broken)
        answer_next_question(questions, press(Qt.Key.Key_Return))

        win.menus.import_json_action.trigger()

        qtbot.waitUntil(lambda: len(questions.asked) == 1, timeout=5000)
    finally:
        translations.install("en")

    assert questions.asked[0].startswith("Planen importerades inte; ingenting har ändrats.")
    assert "Filen är inte giltig JSON" in questions.asked[0]
    assert sqlite_services.plan_list.count_plans() == 0


def test_ctrl_p_twice_while_the_preview_renders_opens_one_preview(
    qtbot, window, monkeypatch
) -> None:
    plan = PlanBuilder(window.services).complete()
    window.open_plan(plan.id)
    editor = window.tabs.currentWidget()
    field = editor.person_section.phone
    field.setFocus()
    gate = Gate()
    documents = window.services.documents
    monkeypatch.setattr(documents, "render", _held(gate, documents.render))
    previews: list[int] = []

    def close_previews() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PrintPreviewDialog):
            previews.append(dialog.document.pageCount())
            dialog.reject()
        QTimer.singleShot(10, close_previews)

    QTimer.singleShot(0, close_previews)
    qtbot.keyClick(field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    qtbot.keyClicks(field, "070")  # the editor is in use while the PDF renders
    qtbot.keyClick(field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    gate.open()

    qtbot.waitUntil(lambda: len(previews) == 1, timeout=10_000)
    qtbot.wait(200)
    assert len(previews) == 1 and previews[0] >= 2  # one preview, showing the pages
    assert field.text().endswith("070")


def test_generating_demo_plans_shows_how_many_are_stored_so_far(qtbot, window, monkeypatch) -> None:
    """The plans are made in a child process; its counts reach the progress window."""
    monkeypatch.setattr(plan_commands, "DEMO_BATCH", 2)
    store = window.services.ctx.db.engine.url.database
    other_program = sqlite3.connect(store, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")  # holds the store: the child waits, the window shows
    labels: list[str] = []

    def look() -> None:
        labels.extend(d.labelText() for d in window.findChildren(QProgressDialog) if d.isVisible())

    watch = QTimer(interval=5)
    watch.timeout.connect(look)
    watch.start()
    window.commands.generate_plans(300)
    qtbot.waitUntil(lambda: bool(labels), timeout=5000)
    search = window.plan_list.view.search
    qtbot.keyClicks(search, "Åsa")  # the window is in use meanwhile
    other_program.rollback()
    other_program.close()

    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Generated 300 demo plans.", timeout=60_000
    )
    watch.stop()
    counts = {int(m[1]) for m in re.finditer(r"(\d+) of 300", "\n".join(labels))}
    assert any(0 < count < 300 for count in counts), labels[-3:]
    assert window.services.plan_list.count_plans() == 300
    assert search.text() == "Åsa"
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))


def test_generate_demo_plans_from_the_file_menu_asks_how_many(qtbot, window) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        spin = dialog.findChild(QSpinBox)
        assert spin is not None
        spin.selectAll()
        qtbot.keyClicks(spin, "12")
        qtbot.keyClick(spin, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    window.menus.generate_demo_action.trigger()

    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Generated 12 demo plans.")
    assert window.services.plan_list.count_plans() == 12
