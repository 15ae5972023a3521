"""A message goes away as soon as its cause is gone: the user never reads an error about
something that is already right."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.ui.item_models.goal_table_model import GoalTableModel as G
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans
from tests.ui.editor.helpers import blank_row, pick_cell, type_cell, type_line, type_text

GOALS = ("Ha ett eget boende", "Vara drogfri ett år")


def test_sub_goal_of_itself_message_goes_when_the_parent_is_fixed(
    qtbot, swedish, open_editor, new_plan_id
):
    editor = open_editor(new_plan_id)
    part = editor.goals_section.goals
    table = part.table
    for goal in GOALS:
        type_cell(qtbot, table, blank_row(table), G.column_of("text"), goal)
    pick_cell(qtbot, table, 0, G.column_of("parent_id"), GOALS[0])
    assert part.error.isVisible() and "delmål till sig självt" in part.error.text()

    pick_cell(qtbot, table, 0, G.column_of("parent_id"), GOALS[1])

    assert editor.plan.goals[0].parent_id == editor.plan.goals[1].id
    assert not part.error.isVisible()


def test_a_past_next_follow_up_message_goes_after_a_valid_time(
    qtbot, open_editor, sqlite_services, clock
):
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    plan = plans.sign(plans.active())
    held_at = plan.meetings[0].starts_at
    clock.set(held_at + timedelta(hours=1))
    editor = open_editor(plan.id)
    assert editor.record_follow_up()
    section = editor.follow_up_record_section
    now = held_at.astimezone(LOCAL_TZ) + timedelta(hours=1)
    type_line(qtbot, section.next.date, now.date().isoformat())
    type_line(qtbot, section.next.time, (now - timedelta(minutes=30)).strftime("%H:%M"))
    section.complete_button.setFocus()
    qtbot.keyClick(section.complete_button, Qt.Key.Key_Space)  # refused: the next is past
    date_error = section.bindings["record.next_date"].error
    assert date_error.isVisible(), date_error.text()

    type_line(qtbot, section.next.time, "23:30")

    assert editor.plan.follow_up_draft.record.next_starts_at.astimezone(LOCAL_TZ).hour == 23
    assert not date_error.isVisible(), date_error.text()


def test_sub_goal_of_itself_message_goes_when_the_user_moves_on(
    qtbot, swedish, open_editor, new_plan_id
):
    editor = open_editor(new_plan_id)
    part = editor.goals_section.goals
    table = part.table
    type_cell(qtbot, table, blank_row(table), G.column_of("text"), GOALS[0])
    pick_cell(qtbot, table, 0, G.column_of("parent_id"), GOALS[0])
    assert part.error.isVisible()
    assert editor.plan.goals[0].parent_id is None  # the cell shows the stored, valid value

    type_text(qtbot, editor.goals_section.strengths, "Envis")
    qtbot.keyClick(editor.goals_section.strengths, Qt.Key.Key_Tab)  # leaving the field saves it

    assert editor.plan.fields.strengths == "Envis"
    assert not part.error.isVisible()


def test_sub_goal_of_itself_message_goes_when_the_stored_choice_is_picked_again(
    qtbot, swedish, open_editor, new_plan_id
):
    editor = open_editor(new_plan_id)
    part = editor.goals_section.goals
    table = part.table
    type_cell(qtbot, table, blank_row(table), G.column_of("text"), GOALS[0])
    pick_cell(qtbot, table, 0, G.column_of("parent_id"), GOALS[0])
    assert part.error.isVisible() and "delmål till sig självt" in part.error.text()

    pick_cell(qtbot, table, 0, G.column_of("parent_id"), "(huvudmål)")  # the stored value

    assert editor.plan.goals[0].parent_id is None
    assert not part.error.isVisible()
