"""After Ctrl+W closes one plan's tab, the keys work at once in the plan tab that is shown.

Found by a tester: typed into plan A, Ctrl+1 to the list, opened plan B, Ctrl+W; back on A,
Ctrl+Z did nothing (the keyboard focus was nowhere in A) until the tab was clicked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from sip_desk.domain.person import PersonData
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.ui.editor.helpers import focused, press, type_here

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _strengths(services: Services, plan_id: int) -> str:
    return services.plans.get_plan(plan_id).fields.strengths


def test_ctrl_z_works_at_once_in_the_plan_shown_after_ctrl_w_closes_another(
    qtbot, swedish, sqlite_services: Services, tmp_path: Path
) -> None:
    plan_a = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    plan_b = sqlite_services.plans.create_plan(PersonData(first_name="Olle", last_name="Berg"))
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppEvents(), settings, "sv")
    qtbot.addWidget(window)
    window.attach_services(sqlite_services, str(tmp_path / "sip_desk.sqlite"))
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_plan(plan_a.id)
    editor_a = window.tabs.plan_widget(plan_a.id)
    assert isinstance(editor_a, PlanEditor)
    field = editor_a.goals_section.strengths
    editor_a.goals_section.focus_widget(field)
    qtbot.waitUntil(lambda: focused() is field)
    type_here(qtbot, "Envis")
    qtbot.waitUntil(lambda: _strengths(sqlite_services, plan_a.id) == "Envis")

    press(qtbot, K.Key_1, CTRL)  # to the plan list
    table = window.plan_list.view.table
    assert focused() is table
    press(qtbot, K.Key_Home)
    for _ in range(2):
        current = window.plan_list.current_plan()
        if current is not None and current.id == plan_b.id:
            break
        press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Return)  # plan B opens in a tab of its own
    assert window.tabs.current_plan_id() == plan_b.id
    press(qtbot, K.Key_W, CTRL)

    assert window.tabs.plan_widget(plan_b.id) is None
    assert window.tabs.currentWidget() is editor_a
    assert focused() is field  # where the user was in plan A
    press(qtbot, K.Key_Z, CTRL)
    assert _strengths(sqlite_services, plan_a.id) == ""
    window.tabs.close_plan(plan_a.id, ask=False)
