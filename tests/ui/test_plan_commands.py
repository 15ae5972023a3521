"""Plan commands from the File menu: save as PDF, JSON export and import, delete, demo data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from sip_desk.domain.errors import NotFoundError
from sip_desk.services.registry import Services
from sip_desk.ui import file_dialogs, prompts
from sip_desk.ui.events import AppEvents
from sip_desk.ui.i18n import Translations
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.widgets import plan_tabs
from tests.builders import person_data


@pytest.fixture
def window(qtbot, sqlite_services: Services, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    return win


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text, details="": shown.append(text))
    return shown


@pytest.fixture
def summary_tabs(monkeypatch) -> None:
    """Plans open as the light summary view (these tests are not about the editor)."""
    monkeypatch.setattr(plan_tabs, "_editor_class", lambda: None)


def _save_to(monkeypatch, path: Path | None) -> None:
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *args: path)


def _open_from(monkeypatch, path: Path | None) -> None:
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *args: path)


def _names(window: MainWindow) -> list[str]:
    model = window.plan_list.model
    return sorted(model.index(r, 0).data() for r in range(model.rowCount()))


def test_empty_store_offers_demo_data_and_loading_twice_adds_nothing(qtbot, window) -> None:
    window.show()
    empty = window.plan_list.empty
    assert empty.isVisible()
    assert not window.plan_list.view.table.isVisible()

    empty.load_demo.click()

    qtbot.waitUntil(lambda: len(_names(window)) == 4, timeout=10_000)  # loaded in the background
    assert not empty.isVisible()
    assert window.plan_list.view.table.isVisible()
    assert window.statusBar().currentMessage() == "Demo data: 4 plans added, 0 already there."

    window.menus.demo_action.trigger()

    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == "Demo data: 0 plans added, 4 already there.",
        timeout=10_000,
    )
    assert window.services.plan_list.count_plans() == 4


def test_empty_state_is_not_shown_for_a_search_without_hits(qtbot, window) -> None:
    window.services.plans.create_plan(person_data(first_name="Åsa"))
    window.plan_list.model.reload()
    with qtbot.waitSignal(window.plan_list.model.modelReset, timeout=2000):
        window.plan_list.view.search.setText("nobody")

    assert window.plan_list.model.rowCount() == 0
    assert not window.plan_list.empty.isVisibleTo(window.plan_list)


def test_save_as_pdf_writes_the_selected_plan(qtbot, window, monkeypatch, tmp_path) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa"))
    window.plan_list.model.reload()
    window.plan_list.select_plan(plan.id)
    _save_to(monkeypatch, tmp_path / "plan.pdf")

    window.menus.save_pdf_action.trigger()

    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved the plan as PDF"))
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")


def test_save_as_pdf_into_a_missing_folder_warns_calmly(
    qtbot, window, monkeypatch, tmp_path, warnings
) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa"))
    window.plan_list.model.reload()
    window.plan_list.select_plan(plan.id)
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    _save_to(monkeypatch, tmp_path / "a-file" / "plan.pdf")

    window.menus.save_pdf_action.trigger()

    qtbot.waitUntil(lambda: len(warnings) == 1)
    assert "a-file" in warnings[0]
    assert "Traceback" not in warnings[0]


def test_commands_without_a_plan_explain_what_to_do(window, monkeypatch) -> None:
    _save_to(monkeypatch, None)

    window.menus.export_json_action.trigger()

    assert window.statusBar().currentMessage() == (
        "Open a plan, or select one in the plan list, first."
    )


def test_export_then_import_makes_a_second_plan_and_opens_it(
    qtbot, window, monkeypatch, tmp_path, summary_tabs
) -> None:
    window.show()
    plan = window.services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    window.open_plan(plan.id)
    _save_to(monkeypatch, tmp_path / "plan.json")

    window.menus.export_json_action.trigger()

    qtbot.waitUntil((tmp_path / "plan.json").exists)
    assert '"sip-desk-plan"' in (tmp_path / "plan.json").read_text(encoding="utf-8")
    _open_from(monkeypatch, tmp_path / "plan.json")

    window.menus.import_json_action.trigger()

    qtbot.waitUntil(lambda: len(window.open_plan_ids()) == 2)
    window.show_plan_list()
    qtbot.waitUntil(lambda: _names(window) == ["Åsa Öberg", "Åsa Öberg"], timeout=3000)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    new_id = window.tabs.current_plan_id()
    assert new_id is not None and new_id != plan.id
    assert window.statusBar().currentMessage() == "Imported the plan for Åsa Öberg."


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "sip-desk-plan", ', "nothing was changed"),
        (b"\xff\xfe not text", "could not be read as text"),
        (b'{"format": "something-else", "version": 1}', "nothing was changed"),
    ],
)
def test_a_failed_import_changes_nothing_and_says_why(
    qtbot, window, monkeypatch, tmp_path, warnings, content, expected
) -> None:
    window.services.plans.create_plan(person_data(first_name="Åsa"))
    broken = tmp_path / "broken.json"
    broken.write_bytes(content)
    _open_from(monkeypatch, broken)

    window.menus.import_json_action.trigger()

    qtbot.waitUntil(lambda: len(warnings) == 1)
    assert expected in warnings[0]
    assert "Traceback" not in warnings[0]
    assert window.services.plan_list.count_plans() == 1


def _huge_text(services: Services) -> str:
    """A real export whose reason for the SIP is 26 million characters long (a 50 MB file)."""
    doc = json.loads(services.transfer.export_plan(services.plans.create_plan(person_data()).id))
    doc["plan"]["fields"]["reason"] = "x" * 26_214_400
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            lambda _s: "{ not json",
            "Filen är inte giltig JSON: rad 1, kolumn 3: en nyckel inom dubbla citattecken väntas",
        ),
        (
            lambda _s: "[" * 100_000 + "]" * 100_000,
            "Filen kan inte läsas in. Fel vid $: JSON-strukturen är för djupt nästlad",
        ),
        (
            _huge_text,
            "Filen kan inte läsas in. Fel vid $.plan.fields.reason: en text på 26214400 tecken "
            "är för lång här (högst 20000 tecken)",
        ),
    ],
    ids=["not json", "nested too deeply", "50 MB text"],
)
def test_import_errors_are_in_swedish_in_the_swedish_ui(
    qtbot, sqlite_services, monkeypatch, tmp_path, warnings, content, expected
) -> None:
    translations = Translations()
    translations.install("sv")
    try:
        win = MainWindow(AppEvents(), AppSettings(QSettings(str(tmp_path / "s.ini"))), "sv")
        qtbot.addWidget(win)
        win.attach_services(sqlite_services, "store")
        broken = tmp_path / "broken.json"
        broken.write_text(content(sqlite_services), encoding="utf-8")
        _open_from(monkeypatch, broken)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)

        qtbot.keyClick(
            win,
            Qt.Key.Key_I,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )

        qtbot.waitUntil(lambda: len(warnings) == 1, timeout=60_000)
    finally:
        translations.install("en")

    assert warnings == ["Planen importerades inte; ingenting har ändrats.\n\n" + expected]


def test_delete_plan_asks_first_then_deletes_and_closes_its_tab(
    window, monkeypatch, summary_tabs
) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    window.open_plan(plan.id)
    questions: list[str] = []
    answer = [False]

    def confirm(parent, title, text) -> bool:
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(prompts, "confirm", confirm)

    window.menus.delete_plan_action.trigger()

    assert "Åsa Öberg" in questions[0]
    assert window.services.plans.get_plan(plan.id).id == plan.id  # declined: still there
    answer[0] = True

    window.menus.delete_plan_action.trigger()

    with pytest.raises(NotFoundError):
        window.services.plans.get_plan(plan.id)
    assert window.open_plan_ids() == []
    assert window.services.plan_list.count_plans() == 0
    assert window.statusBar().currentMessage() == "Deleted the plan for Åsa Öberg."


def test_importing_a_plan_already_in_the_store_asks_first(
    qtbot, window, monkeypatch, tmp_path, summary_tabs
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.services.test_plan_json import sign_latest
    from tests.ui.question_boxes import Questions, answer_next_question, click, press

    services = window.services
    plan = services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    sign_latest(services, plan.id)
    export = tmp_path / "plan.json"
    export.write_text(services.transfer.export_plan(plan.id), encoding="utf-8")
    _open_from(monkeypatch, export)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    questions = Questions()

    answer_next_question(questions, press(Qt.Key.Key_Escape))  # "No": nothing is imported
    qtbot.keyClick(window, Qt.Key.Key_I, ctrl_shift)
    qtbot.waitUntil(lambda: len(questions.asked) == 1, timeout=10_000)

    assert questions.asked == [
        f"The plan is already in the database (plan {plan.id}). Import it as a new plan anyway?"
    ]
    qtbot.wait(200)
    assert services.plan_list.count_plans() == 1

    def yes(box: QMessageBox) -> None:
        button = box.button(QMessageBox.StandardButton.Yes)
        button.setObjectName("yesButton")
        click("yesButton")(box)

    answer_next_question(questions, yes)
    window.activateWindow()  # back in the window after the question closed
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, ctrl_shift)
    qtbot.waitUntil(lambda: len(questions.asked) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: services.plan_list.count_plans() == 2, timeout=10_000)
