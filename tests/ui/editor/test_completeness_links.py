"""The completeness panel is always visible and each item moves the focus to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sip_desk.ui.item_models.action_table_model import ActionTableModel


def test_new_plan_lists_what_is_missing_in_meeting_order(open_editor, new_plan_id):
    editor = open_editor(new_plan_id)

    anchors = [m.anchor for m in editor.completeness.missing]

    assert anchors[0] == "plan.made_with_person"
    assert anchors[-1] == "meetings"
    assert editor.completeness.isVisible()
    assert editor.completeness.items.count() == len(anchors)


def test_enter_on_a_missing_item_focuses_its_field(qtbot, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    items = editor.completeness.items
    row = [m.anchor for m in editor.completeness.missing].index("plan.lead_principal")
    items.setFocus()
    items.setCurrentRow(row)

    qtbot.keyClick(items, Qt.Key.Key_Return)

    assert editor.responsibility_section.lead_principal.hasFocus()


def test_missing_responsible_person_focuses_that_action_cell(
    qtbot, open_editor, make_plan_for_editor
):
    plan_id, action_id = make_plan_for_editor()
    editor = open_editor(plan_id)

    editor.focus_anchor("actions.responsible_participant_id", action_id)

    table = editor.actions_section.action_part.table
    assert table.hasFocus()
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole + 2).id == action_id
    assert table.currentIndex().column() == ActionTableModel.column_of("responsible_participant_id")


def test_item_disappears_when_the_field_is_filled(qtbot, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    section = editor.participants_section
    section.consent_given.setFocus()

    qtbot.keyClick(section.consent_given, Qt.Key.Key_Space)

    assert "plan.plan_consent_given" not in [m.anchor for m in editor.completeness.missing]
