"""The main window: plan list, search, new plan, opening plans, recent plans, language, errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QWidget

from sip_desk.domain.enums import AuditAction
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.views.plan_summary_view import PlanSummaryView
from tests.builders import person_data


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, sqlite_services: Services, settings: AppSettings) -> MainWindow:
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    return win


def _live(window: MainWindow, services: Services) -> MainWindow:
    window.attach_services(services, "/tmp/sip_desk.sqlite")
    return window


def _names(window: MainWindow) -> list[str]:
    model = window.plan_list.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _reads(services: Services, plan_id: int) -> int:
    return sum(1 for e in services.audit.entries(plan_id) if e.action is AuditAction.READ)


def test_main_window_module_import_does_not_load_sqlalchemy() -> None:
    code = (
        "import sys, sip_desk.app, sip_desk.ui.main_window; "
        "heavy = ('sqlalchemy', 'alembic', 'sip_desk.db', 'sip_desk.services'); "
        "bad = [m for m in heavy if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_main_window_is_usable_before_the_store_is_open(window: MainWindow) -> None:
    assert not window.menus.new_plan_action.isEnabled()
    assert window.counts.text() == "Opening the database…"
    assert window.plan_list.model.rowCount() == 0


def test_main_window_lists_plans_with_counts(window, sqlite_services: Services) -> None:
    sqlite_services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    sqlite_services.plans.create_plan(person_data(first_name="Bo", last_name="Ek"))

    _live(window, sqlite_services)

    assert sorted(_names(window)) == ["Bo Ek", "Åsa Öberg"]
    assert window.counts.text() == "Plans shown: 2 of 2"
    assert window.menus.new_plan_action.isEnabled()


def test_main_window_search_filters_after_typing_pauses(qtbot, window, sqlite_services) -> None:
    sqlite_services.plans.create_plan(person_data(first_name="Åsa", last_name="Lindqvist"))
    sqlite_services.plans.create_plan(person_data(first_name="Bo", last_name="Ek"))
    _live(window, sqlite_services)

    # QTest types ASCII only; non-ASCII search is covered by the model tests.
    qtbot.keyClicks(window.plan_list.view.search, "lindq")

    qtbot.waitUntil(lambda: _names(window) == ["Åsa Lindqvist"], timeout=2000)
    assert window.counts.text() == "Plans shown: 1 of 1"


def test_main_window_status_filter_shows_only_that_status(qtbot, window, sqlite_services) -> None:
    draft = sqlite_services.plans.create_plan(person_data(first_name="Utkast"))
    active = sqlite_services.plans.create_plan(person_data(first_name="Aktiv"))
    sqlite_services.plans.activate(active.id, active.version)
    _live(window, sqlite_services)
    combo = window.plan_list.view.status_filter

    combo.setCurrentIndex(combo.findData("active"))

    qtbot.waitUntil(lambda: _names(window) == [f"Aktiv {active.person.last_name}"])
    assert draft.id not in [window.plan_list.model.row_at(0).id]


def test_main_window_enter_opens_plan_in_the_editor_and_logs_the_access(
    qtbot, window, sqlite_services
) -> None:
    plan = sqlite_services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    _live(window, sqlite_services)
    table = window.plan_list.view.table

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert window.tabs.count() == 3
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    assert editor.plan.id == plan.id
    assert window.tabs.tabText(2) == "Åsa Öberg"
    assert _reads(sqlite_services, plan.id) == 1


def test_main_window_opening_an_open_plan_switches_to_its_tab(window, sqlite_services) -> None:
    plan = sqlite_services.plans.create_plan(person_data())
    _live(window, sqlite_services)
    window.open_plan(plan.id)
    editor = window.tabs.currentWidget()
    window.tabs.setCurrentIndex(0)

    window.open_plan(plan.id)

    assert window.tabs.count() == 3
    assert window.tabs.currentWidget() is editor
    assert _reads(sqlite_services, plan.id) == 1  # switching is no new read


def test_main_window_closing_the_tab_stores_what_was_typed(qtbot, window, sqlite_services) -> None:
    plan = sqlite_services.plans.create_plan(person_data())
    window.show()
    _live(window, sqlite_services)
    window.open_plan(plan.id)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    field = editor.goals_section.what_matters
    field.setFocus()
    qtbot.keyClicks(field, "Att bo kvar")  # typed just now: the autosave has not run yet

    window.menus.close_tab_action.trigger()

    assert window.tabs.count() == 2
    assert sqlite_services.plans.get_plan(plan.id).fields.what_matters == "Att bo kvar"


def test_main_window_shows_the_plan_read_only_when_the_editor_cannot_load(
    window, sqlite_services, monkeypatch
) -> None:
    monkeypatch.setitem(sys.modules, "sip_desk.ui.editor.plan_editor", None)  # ImportError
    plan = sqlite_services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    _live(window, sqlite_services)

    window.open_plan(plan.id)

    summary = window.tabs.currentWidget()
    assert isinstance(summary, PlanSummaryView)
    shown = [label.text() for label in summary.findChildren(QLabel)]
    assert "<h2>Åsa Öberg</h2>" in shown
    assert "Read-only summary: the plan editor is not available." in shown
    assert _reads(sqlite_services, plan.id) == 1


def test_main_window_recent_plans_menu_lists_opened_plans(
    window, sqlite_services, settings
) -> None:
    plan = sqlite_services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    _live(window, sqlite_services)
    window.open_plan(plan.id)

    window.menus.recent_menu.aboutToShow.emit()

    texts = [a.text() for a in window.menus.recent_menu.actions()]
    assert len(texts) == 1 and texts[0].startswith("&1 Åsa Öberg")
    assert texts[0].endswith("-****")
    assert settings.recent_plans() == [plan.id]


def test_main_window_recent_plans_forgets_deleted_plans(window, sqlite_services, settings) -> None:
    settings.add_recent_plan(9999)
    _live(window, sqlite_services)

    window.menus.recent_menu.aboutToShow.emit()

    assert settings.recent_plans() == []
    assert [a.text() for a in window.menus.recent_menu.actions()] == ["(none)"]


def test_new_plan_dialog_shows_domain_messages_beside_the_fields(qtbot, sqlite_services) -> None:
    dialog = NewPlanDialog(sqlite_services.plans, "sv")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.identity, "19840312-1234")

    dialog.accept()

    assert dialog.created is None
    assert "Förnamn måste fyllas i" in dialog.errors["person.first_name"].text()
    assert "Efternamn måste fyllas i" in dialog.errors["person.last_name"].text()
    assert "kontrollsiffran" in dialog.errors["person.identity_number"].text()
    assert not dialog.errors[""].isVisibleTo(dialog)
    assert sqlite_services.plan_list.count_plans() == 0


def test_new_plan_dialog_creates_the_plan(qtbot, sqlite_services) -> None:
    dialog = NewPlanDialog(sqlite_services.plans, "en")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.first_name, "Åsa")
    qtbot.keyClicks(dialog.last_name, "Öberg")
    dialog.protected.setChecked(True)

    dialog.accept()

    assert dialog.created is not None
    assert dialog.created.person.full_name == "Åsa Öberg"
    assert dialog.created.person.protected_identity
    assert dialog.created.person.identity_number is None


def test_main_window_new_plan_opens_it_and_refreshes_the_list(
    qtbot, window, sqlite_services, monkeypatch
) -> None:
    window.show()
    _live(window, sqlite_services)
    monkeypatch.setattr(
        NewPlanDialog,
        "ask",
        classmethod(
            lambda cls, parent, plans, lang: plans.create_plan(person_data(first_name="Ny"))
        ),
    )

    window.menus.new_plan_action.trigger()
    window.menus.list_action.trigger()

    assert window.tabs.count() == 3
    assert isinstance(window.tabs.widget(2), PlanEditor)
    assert window.tabs.tabText(2).startswith("Ny ")
    qtbot.waitUntil(lambda: window.plan_list.model.rowCount() == 1, timeout=3000)
    assert _names(window)[0].startswith("Ny ")


def test_plan_list_keeps_the_selected_plan_after_a_refresh(window, sqlite_services) -> None:
    for name in ("Anna", "Bo", "Cecilia"):
        sqlite_services.plans.create_plan(person_data(first_name=name))
    _live(window, sqlite_services)
    window.plan_list.view.table.selectRow(1)
    chosen = window.plan_list.current_plan()

    window.plan_list.model.reload(keep_loaded=True)

    assert window.plan_list.current_plan() == chosen


def test_plan_list_requeries_once_per_burst_of_saves(qtbot, window, sqlite_services) -> None:
    window.show()
    _live(window, sqlite_services)
    resets: list[int] = []
    window.plan_list.model.modelReset.connect(lambda: resets.append(1))

    for _ in range(5):
        window.events.plan_changed.emit(1, None)

    qtbot.waitUntil(lambda: len(resets) == 1, timeout=3000)
    qtbot.wait(700)
    assert len(resets) == 1


def test_main_window_inputs_have_accessible_names_and_object_names(window) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView

    inputs = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, (QLineEdit, QComboBox, QTableView, QPushButton))
        and w.parent() is not None
        and w.isVisibleTo(window)
    ]
    assert inputs
    for widget in inputs:
        if widget.objectName().startswith("qt_"):
            continue
        assert widget.objectName(), widget
        assert widget.accessibleName() or getattr(widget, "text", str)(), widget
