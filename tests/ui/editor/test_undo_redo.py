"""Ctrl+Z / Ctrl+Shift+Z undo and redo saved edits by saving the previous value."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.ui.item_models.goal_table_model import GoalColumn
from tests.ui.editor.helpers import blank_row, type_cell, type_line, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _stored(services: Services, plan_id: int) -> PlanDetail:
    return services.plans.get_plan(plan_id)


def test_undo_restores_previous_text_in_store_and_field(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    person = editor.person_section
    type_line(qtbot, person.requested_by, "Maria")
    qtbot.wait(50)
    type_line(qtbot, person.phone, "070-111 11 11")

    qtbot.keyClick(person.phone, Qt.Key.Key_Z, CTRL)

    assert _stored(sqlite_services, new_plan_id).person.phone == ""
    assert person.phone.text() == ""
    assert _stored(sqlite_services, new_plan_id).fields.requested_by == "Maria"


def test_redo_with_ctrl_shift_z_and_ctrl_y(qtbot, open_editor, new_plan_id, sqlite_services):
    editor = open_editor(new_plan_id)
    person = editor.person_section
    type_line(qtbot, person.phone, "070-111 11 11")
    qtbot.keyClick(person.phone, Qt.Key.Key_Z, CTRL)

    qtbot.keyClick(person.phone, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _stored(sqlite_services, new_plan_id).person.phone == "070-111 11 11"

    qtbot.keyClick(person.phone, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(person.phone, Qt.Key.Key_Y, CTRL)
    assert person.phone.text() == "070-111 11 11"


def test_undo_of_pending_text_saves_it_first_then_reverts(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    goals = editor.goals_section
    type_text(qtbot, goals.what_matters, "Min dotter")

    qtbot.keyClick(goals.what_matters, Qt.Key.Key_Z, CTRL)

    assert _stored(sqlite_services, new_plan_id).fields.what_matters == ""
    editor.editor_actions.redo.trigger()
    assert _stored(sqlite_services, new_plan_id).fields.what_matters == "Min dotter"


def test_delete_removes_row_and_undo_brings_it_back(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = editor.goals_section.goals.table
    type_cell(qtbot, table, blank_row(table), GoalColumn.TEXT, "Ha ett eget boende")
    type_cell(qtbot, table, blank_row(table), GoalColumn.TEXT, "Vara drogfri ett år")
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))

    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [g.text for g in _stored(sqlite_services, new_plan_id).goals] == ["Vara drogfri ett år"]

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    texts = [g.text for g in _stored(sqlite_services, new_plan_id).goals]
    assert texts == ["Ha ett eget boende", "Vara drogfri ett år"]

    editor.editor_actions.undo.trigger()  # the second goal's addition
    editor.editor_actions.undo.trigger()  # the first goal's addition (it lives on under a new id)
    assert _stored(sqlite_services, new_plan_id).goals == ()
    editor.editor_actions.redo.trigger()
    editor.editor_actions.redo.trigger()
    assert len(_stored(sqlite_services, new_plan_id).goals) == 2


def test_enter_on_last_row_starts_a_new_row(qtbot, open_editor, new_plan_id, sqlite_services):
    editor = open_editor(new_plan_id)
    table = editor.goals_section.goals.table
    type_cell(qtbot, table, blank_row(table), GoalColumn.TEXT, "Ha ett eget boende")
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))

    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert table.currentIndex().row() == blank_row(table)
    assert table.state() == table.State.EditingState
