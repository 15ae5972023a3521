"""When the program puts text into the field the user is in, the next keystroke lands there.

Undo, redo and a reload from the store replace a field's text. The caret stays where the
user was typing (or goes to where the text changed), and the field keeps its scroll position.
Ctrl+Z undoes the last burst of typing: a pause of two seconds starts a new undo step.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from sip_desk.services.registry import Services
from sip_desk.ui.editor.edit_command import MERGE_SECONDS
from sip_desk.ui.editor.plan_editor import PlanEditor
from tests.ui.editor.helpers import focused, press, type_here

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
PAUSE_MS = 2000
"""A caseworker stops to listen, then types on."""
SAVED_MS = 800
"""Long enough for typed text to be saved (``SAVE_MS`` plus the save)."""
LINES = [f"Rad {n}: kan laga mat och håller ordning hemma." for n in range(1, 41)]


def _stored(services: Services, plan_id: int) -> str:
    return services.plans.get_plan(plan_id).fields.strengths


def _set_stored(services: Services, plan_id: int, text: str) -> None:
    """The store's strengths are changed elsewhere (another window of the app)."""
    plan = services.plans.get_plan(plan_id)
    fields = dataclasses.replace(plan.fields, strengths=text)
    services.plans.update_fields(plan.id, plan.version, fields)


def _strengths(qtbot: Any, editor: PlanEditor) -> QPlainTextEdit:
    widget = editor.goals_section.strengths
    editor.goals_section.focus_widget(widget)
    qtbot.waitUntil(lambda: focused() is widget)
    return widget


def test_typing_after_undo_goes_on_where_the_undone_text_was(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    text = "\n".join(LINES)
    _set_stored(sqlite_services, new_plan_id, text)
    editor = open_editor(new_plan_id)
    field = _strengths(qtbot, editor)
    press(qtbot, K.Key_End, CTRL)  # the end of a field longer than it shows
    scrolled = field.verticalScrollBar().value()
    assert scrolled > 0
    type_here(qtbot, " Tycker om att sjunga.")
    qtbot.waitUntil(lambda: _stored(sqlite_services, new_plan_id) != text, timeout=2000)

    press(qtbot, K.Key_Z, CTRL)
    assert field.toPlainText() == text
    type_here(qtbot, "DDDD")

    assert field.toPlainText() == text + "DDDD"  # not "DDDDRad 1 …"
    assert field.verticalScrollBar().value() == scrolled
    qtbot.waitUntil(lambda: _stored(sqlite_services, new_plan_id) == text + "DDDD", timeout=2000)


def test_each_burst_of_typing_is_its_own_undo_step(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    assert PAUSE_MS / 1000 > MERGE_SECONDS
    editor = open_editor(new_plan_id)
    field = _strengths(qtbot, editor)
    type_here(qtbot, "Modig.")
    qtbot.wait(PAUSE_MS)
    type_here(qtbot, " Envis.")
    qtbot.wait(SAVED_MS)
    assert _stored(sqlite_services, new_plan_id) == "Modig. Envis."

    press(qtbot, K.Key_Z, CTRL)  # the last burst only
    assert (field.toPlainText(), _stored(sqlite_services, new_plan_id)) == ("Modig.",) * 2
    press(qtbot, K.Key_Z, CTRL)  # and then the first one
    assert (field.toPlainText(), _stored(sqlite_services, new_plan_id)) == ("",) * 2
    press(qtbot, K.Key_Z, CTRL)  # nothing left: the editor says so
    assert "ångra" in editor.notice.text().lower() or "undo" in editor.notice.text().lower()
    assert editor.notice.isVisible()


def test_undo_of_a_field_out_of_sight_shows_that_field(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    _strengths(qtbot, editor)
    type_here(qtbot, "Modig.")
    qtbot.wait(SAVED_MS)
    phone = editor.person_section.phone
    editor.person_section.focus_widget(phone)
    qtbot.waitUntil(lambda: focused() is phone)
    press(qtbot, K.Key_Z, CTRL)

    assert _stored(sqlite_services, new_plan_id) == ""
    assert focused() is editor.goals_section.strengths  # the undone field, on screen


def test_a_reload_while_the_user_is_in_the_field_keeps_caret_and_view(
    qtbot, open_editor, new_plan_id, sqlite_services, events
):
    text = "\n".join(LINES)
    _set_stored(sqlite_services, new_plan_id, text)
    editor = open_editor(new_plan_id)
    field = _strengths(qtbot, editor)
    where = text.index("Rad 30:")
    cursor = field.textCursor()
    cursor.setPosition(where)
    field.setTextCursor(cursor)  # the user has clicked in front of "Rad 30:"
    scrolled = field.verticalScrollBar().value()
    assert scrolled > 0

    # Someone corrects line 35 elsewhere in the app; the editor shows the store again.
    _set_stored(sqlite_services, new_plan_id, text.replace("Rad 35:", "Rad 35 (ändrad):"))
    events.plan_changed.emit(new_plan_id, None)
    assert "Rad 35 (ändrad):" in field.toPlainText()
    assert field.verticalScrollBar().value() == scrolled
    type_here(qtbot, "X")

    assert "XRad 30:" in field.toPlainText()
    assert field.textCursor().position() == where + 1


def test_a_reload_that_changes_the_text_before_the_caret_keeps_it_with_its_text(
    qtbot, open_editor, new_plan_id, sqlite_services, events
):
    _set_stored(sqlite_services, new_plan_id, "Kan laga mat.")
    editor = open_editor(new_plan_id)
    field = _strengths(qtbot, editor)
    field.moveCursor(QTextCursor.MoveOperation.End)

    _set_stored(sqlite_services, new_plan_id, "Styrkor enligt Maria: Kan laga mat.")
    events.plan_changed.emit(new_plan_id, None)
    type_here(qtbot, " Och baka.")

    assert field.toPlainText() == "Styrkor enligt Maria: Kan laga mat. Och baka."
