"""Needs are typed in their own table; an action names the need it answers and who pays."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sip_desk.services.registry import Services
from sip_desk.ui.item_models.action_table_model import ActionTableModel as A
from sip_desk.ui.item_models.need_table_model import NeedTableModel as N
from tests.ui.editor.helpers import blank_row, pick_detail, type_cell, type_detail

CTRL = Qt.KeyboardModifier.ControlModifier


def test_needs_table_adds_changes_and_removes_needs(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services: Services
):
    editor = open_editor(new_plan_id)
    table = editor.actions_section.need_part.table

    type_cell(qtbot, table, blank_row(table), N.column_of("description"), "Eget boende")
    type_cell(qtbot, table, blank_row(table), N.column_of("description"), "Behandling för beroende")
    type_cell(qtbot, table, 0, N.column_of("description"), "Ett eget boende med stöd")

    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert [n.description for n in stored.needs] == [
        "Ett eget boende med stöd",
        "Behandling för beroende",
    ]
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert [n.description for n in stored.needs] == ["Behandling för beroende"]

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert [n.description for n in stored.needs] == [
        "Ett eget boende med stöd",
        "Behandling för beroende",
    ]


def test_action_picks_its_need_from_the_plans_needs_and_records_who_pays(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services: Services
):
    editor = open_editor(new_plan_id)
    needs = editor.actions_section.need_part.table
    type_cell(qtbot, needs, blank_row(needs), N.column_of("description"), "Eget boende")
    type_cell(qtbot, needs, blank_row(needs), N.column_of("description"), "Behandling för beroende")
    actions = editor.actions_section.action_part.table

    type_cell(
        qtbot, actions, blank_row(actions), A.column_of("description"), "Öppenvårdsbehandling"
    )
    part = editor.actions_section.action_part  # need and payer are in the action's details
    pick_detail(qtbot, part, 0, "need_id", "Behandling för beroende")
    type_detail(qtbot, part, 0, "cost_responsibility", "Regionen")

    stored = sqlite_services.plans.get_plan(new_plan_id)
    action = stored.actions[0]
    assert action.need_id == stored.needs[1].id
    assert action.cost_responsibility == "Regionen"
    model = actions.model()
    assert model.index(0, A.column_of("need_id")).data() == "Behandling för beroende"
    assert model.headerData(A.column_of("need_id"), Qt.Orientation.Horizontal) == "Behov"
    assert (
        model.headerData(A.column_of("cost_responsibility"), Qt.Orientation.Horizontal)
        == "Kostnadsansvar"
    )


def test_removing_a_need_clears_it_from_its_actions_and_undo_links_it_again(
    qtbot, open_editor, new_plan_id, sqlite_services: Services
):
    editor = open_editor(new_plan_id)
    needs = editor.actions_section.need_part.table
    type_cell(qtbot, needs, blank_row(needs), N.column_of("description"), "Housing")
    actions = editor.actions_section.action_part.table
    type_cell(qtbot, actions, blank_row(actions), A.column_of("description"), "Housing support")
    pick_detail(qtbot, editor.actions_section.action_part, 0, "need_id", "Housing")

    needs.setFocus()
    needs.setCurrentIndex(needs.model().index(0, 0))
    qtbot.keyClick(needs, Qt.Key.Key_Delete)

    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert stored.needs == () and stored.actions[0].need_id is None
    assert actions.model().index(0, A.column_of("need_id")).data() == "(no need chosen)"

    editor.editor_actions.undo.trigger()  # the need comes back, and the action answers it again
    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert stored.actions[0].need_id == stored.needs[0].id
    assert actions.model().index(0, A.column_of("need_id")).data() == "Housing"
    editor.editor_actions.redo.trigger()
    assert sqlite_services.plans.get_plan(new_plan_id).actions[0].need_id is None


def test_undo_texts_name_the_field_and_the_column_in_the_ui_language(
    qtbot, swedish, open_editor, new_plan_id
):
    editor = open_editor(new_plan_id)
    person = editor.person_section
    person.reason.setFocus()
    qtbot.keyClicks(person.reason, "Boende")
    person.phone.setFocus()  # leaving the field saves it

    undo = editor.editor_actions.undo
    assert undo.text() == "&Ångra Ändra Anledning till SIP"
    assert undo.iconText() == "Ångra"  # the toolbar stays short
    assert "Ändra Anledning till SIP" in undo.toolTip()

    actions = editor.actions_section.action_part.table
    type_cell(qtbot, actions, blank_row(actions), A.column_of("description"), "Boendestöd")
    assert undo.text() == "&Ångra Lägg till insats"
    type_detail(qtbot, editor.actions_section.action_part, 0, "cost_responsibility", "Kommunen")
    assert undo.text() == "&Ångra Ändra insats: Kostnadsansvar"

    editor.editor_actions.undo.trigger()
    assert editor.editor_actions.redo.text() == "&Gör om Ändra insats: Kostnadsansvar"
