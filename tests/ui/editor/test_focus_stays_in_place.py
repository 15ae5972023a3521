"""A message appearing or going away under a field, or a save, never moves the field the
user is typing in: it stays at the same place on screen (default window, 1100×700)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from sip_desk.ui.editor.plan_editor import PlanEditor
from tests.ui.editor.helpers import keys, press
from tests.ui.editor.test_principal_without_effort import ANCHOR, WHY, region_plan_id

__all__ = ["region_plan_id"]  # the fixture, shared

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def small_editor(qtbot, open_editor):
    def _open(plan_id: int) -> PlanEditor:
        editor: PlanEditor = open_editor(plan_id)
        editor.resize(1100, 700)
        qtbot.wait(20)
        return editor

    return _open


def top_in_view(editor: PlanEditor, widget: QWidget) -> int:
    return widget.mapTo(editor.scroll_area.viewport(), QPoint(0, 0)).y()


def retype(qtbot, widget, text: str) -> None:
    widget.selectAll()
    keys(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.wait(50)


def test_the_meeting_time_stays_put_while_its_message_comes_and_goes(
    qtbot, small_editor, make_complete_plan
):
    editor = small_editor(make_complete_plan())
    follow = editor.follow_up_section
    press(qtbot, Qt.Key.Key_7, ALT)
    qtbot.wait(20)
    field = follow.time
    field.setFocus()
    qtbot.wait(20)
    heading_top = top_in_view(editor, follow.heading)
    date_top = top_in_view(editor, follow.date)
    where = top_in_view(editor, field)
    error = follow.bindings["meeting.time"].error

    retype(qtbot, field, "25:61")
    assert error.isVisible()
    assert top_in_view(editor, field) == where
    assert top_in_view(editor, follow.date) == date_top

    retype(qtbot, field, "13:30")
    assert not error.isVisible()
    assert field.hasFocus()
    assert top_in_view(editor, field) == where
    assert top_in_view(editor, follow.heading) == heading_top
    assert top_in_view(editor, follow.date) == date_top


def test_a_message_going_away_at_the_page_end_keeps_the_field_in_place(
    qtbot, small_editor, make_complete_plan
):
    """Scrolled to the very end, the page shrinking when a message hides must not move the
    field the user is in (the scroll bar is clamped: the rest of the page moves instead)."""
    editor = small_editor(make_complete_plan())
    follow = editor.follow_up_section
    press(qtbot, Qt.Key.Key_7, ALT)
    field = follow.time
    field.setFocus()
    retype(qtbot, field, "25:61")
    bar = editor.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(20)
    where = top_in_view(editor, field)

    retype(qtbot, field, "13:30")

    assert not follow.bindings["meeting.time"].error.isVisible()
    assert abs(top_in_view(editor, field) - where) <= 1 or bar.value() == bar.maximum()
    assert 0 <= top_in_view(editor, field) <= editor.scroll_area.viewport().height()


def test_saving_a_reason_keeps_the_field_in_place(qtbot, small_editor, region_plan_id):
    """Typing why a region has no effort and pausing saves it; the page above the field
    changes (the plan's missing-item note goes) but the field stays where the user sees it."""
    editor = small_editor(region_plan_id)
    reason = editor.actions_section.no_effort.rows[ANCHOR].field
    reason.setFocus()
    bar = editor.scroll_area.verticalScrollBar()
    bar.setValue(bar.value() + top_in_view(editor, reason) - 300)
    qtbot.wait(20)
    assert top_in_view(editor, reason) == 300

    keys(qtbot, reason, WHY)
    qtbot.waitUntil(lambda: editor.actions_section.no_effort.rows[ANCHOR].field.text() == WHY)
    qtbot.wait(1500)  # the pause that saves

    assert reason.hasFocus()
    assert top_in_view(editor, reason) == 300

    for _ in WHY:  # clearing it again (the item comes back)
        qtbot.keyClick(reason, Qt.Key.Key_Backspace)
    qtbot.wait(1500)
    assert reason.hasFocus()
    assert top_in_view(editor, reason) == 300
