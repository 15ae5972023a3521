"""Alt+1…9 brings a section's heading to the top of the page; new rows and messages scroll
into view as they appear (at the default window size, where the page scrolls)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.action_table_model import ActionTableModel
from tests.ui.editor.helpers import blank_row, press, type_cell, type_line

ALT = Qt.KeyboardModifier.AltModifier
DIGITS = [getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)]


@pytest.fixture
def small_editor(qtbot, open_editor):
    def _open(plan_id: int) -> PlanEditor:
        editor: PlanEditor = open_editor(plan_id)
        editor.resize(1100, 700)
        qtbot.wait(20)
        return editor

    return _open


def top_in_view(editor: PlanEditor, widget: QWidget) -> int:
    """Where ``widget``'s top edge is in the page's visible part (0: the top of the view)."""
    return widget.mapTo(editor.scroll_area.viewport(), QPoint(0, 0)).y()


def assert_in_view(editor: PlanEditor, widget: QWidget) -> None:
    top = top_in_view(editor, widget)
    assert widget.isVisible()
    assert top >= 0 and top + widget.height() <= editor.scroll_area.viewport().height(), top


@pytest.mark.parametrize("number", [2, 4, 6])
def test_alt_number_puts_the_section_heading_at_the_top(
    qtbot, small_editor, make_complete_plan, number
):
    editor = small_editor(make_complete_plan())
    section = editor.sections[number - 1]

    press(qtbot, DIGITS[number - 1], ALT)
    qtbot.wait(20)

    assert section.isAncestorOf(editor.focusWidget())
    assert 0 <= top_in_view(editor, section.heading) <= 40


def test_alt_back_up_puts_an_earlier_heading_at_the_top(qtbot, small_editor, make_complete_plan):
    editor = small_editor(make_complete_plan())
    press(qtbot, DIGITS[5], ALT)
    qtbot.wait(20)

    press(qtbot, DIGITS[2], ALT)
    qtbot.wait(20)

    assert 0 <= top_in_view(editor, editor.sections[2].heading) <= 40


def test_a_new_action_row_is_in_view(qtbot, small_editor, new_plan_id):
    editor = small_editor(new_plan_id)
    press(qtbot, DIGITS[3], ALT)
    table = editor.actions_section.action_part.table
    column = ActionTableModel.column_of("description")
    for text in ("Boendestöd", "Arbetsträning", "Samtal", "Läkarbesök", "Budget", "Simning"):
        type_cell(qtbot, table, blank_row(table), column, text)
        qtbot.wait(10)

    rect = table.visualRect(table.model().index(blank_row(table) - 1, column))
    top = table.viewport().mapTo(editor.scroll_area.viewport(), rect.topLeft()).y()
    assert 0 <= top <= editor.scroll_area.viewport().height() - rect.height()
    assert table.rowViewportPosition(blank_row(table) - 1) + rect.height() <= (
        table.viewport().height()
    )


def test_an_error_under_the_table_scrolls_into_view(
    qtbot, small_editor, new_plan_id, sqlite_services
):
    editor = small_editor(new_plan_id)
    table = editor.actions_section.action_part.table
    today = sqlite_services.ctx.clock.today()
    type_cell(qtbot, table, blank_row(table), ActionTableModel.column_of("description"), "Stöd")
    type_cell(qtbot, table, 0, ActionTableModel.column_of("start_date"), today.isoformat())
    type_cell(
        qtbot, table, 0, ActionTableModel.column_of("end_date"), str(today - timedelta(days=3))
    )
    qtbot.wait(20)

    assert_in_view(editor, editor.actions_section.action_part.error)


def test_an_error_below_the_field_scrolls_into_view(
    qtbot, small_editor, new_plan_id, sqlite_services
):
    editor = small_editor(new_plan_id)
    follow = editor.follow_up_section
    press(qtbot, DIGITS[6], ALT)
    yesterday = sqlite_services.ctx.clock.today() - timedelta(days=1)

    type_line(qtbot, follow.date, yesterday.isoformat())
    type_line(qtbot, follow.time, "10:00")
    qtbot.wait(20)

    assert_in_view(editor, follow.bindings["meeting.date"].error)
