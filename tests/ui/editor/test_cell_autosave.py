"""Text typed into a table cell is saved while it is typed, the cell's editor left open.

The rule is the form fields' rule (sip_desk/ui/save_timer.py): saved at most ``SAVE_MS``
after the first unsaved key, however steadily the typing goes on. Every key goes to the widget
that has the focus (``QApplication.focusWidget()``), one every 150 ms, as a caseworker types.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from sip_desk.domain.enums import RepresentativeKind
from sip_desk.domain.participant import ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.services.registry import Services
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.action_table_model import ActionTableModel as A
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel as P
from sip_desk.ui.item_models.representative_table_model import RepresentativeTableModel as R
from sip_desk.ui.save_timer import SAVE_MS
from tests.ui.editor.helpers import focused, press, type_here

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
EDITING = QAbstractItemView.State.EditingState
KEY_MS = 150
"""A steady typist: one key every 150 ms, never a pause as long as ``SAVE_MS``."""
SLACK = 0.5
"""Seconds allowed on top of ``SAVE_MS`` for the save itself and a busy test machine."""
ADDED = " med boendestöd"
"""Typed after "Första": 15 keys, over 2 s of steady typing."""


def type_steadily(qtbot: Any, text: str, after_key: Callable[[int], None] = lambda _n: None):
    """Type ``text`` into the focused widget, one key every ``KEY_MS`` ms."""
    for n, ch in enumerate(text, 1):
        qtbot.wait(KEY_MS)
        type_here(qtbot, ch)
        after_key(n)


def line(widget: object) -> QLineEdit:
    assert isinstance(widget, QLineEdit), widget
    return widget


def actions_table(qtbot: Any, editor: PlanEditor) -> ItemTable:
    """Alt+4 goes to the needs table, Tab on to the actions table."""
    press(qtbot, K.Key_4, Qt.KeyboardModifier.AltModifier)
    press(qtbot, K.Key_Tab)
    table = editor.actions_section.action_part.table
    assert focused() is table
    return table


def click_cell(qtbot: Any, table: ItemTable, row: int, column: int) -> None:
    """Click a cell with the mouse, as the user does before pressing F2."""
    index = table.model().index(row, column)
    table.scrollTo(index)
    table.setFocus()  # the window is active; a click gives the table the focus as well
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert (table.currentIndex().row(), table.currentIndex().column()) == (row, column)


def stored_actions(services: Services, plan_id: int) -> list[str]:
    return [a.description for a in services.plans.get_plan(plan_id).actions]


def test_typing_steadily_in_a_stored_cell_is_saved_while_its_editor_stays_open(
    qtbot, open_editor, make_plan_for_editor, sqlite_services
):
    plan_id, _ = make_plan_for_editor()
    editor = open_editor(plan_id)
    table = actions_table(qtbot, editor)
    press(qtbot, K.Key_F2)  # edit the first action's description
    press(qtbot, K.Key_End)
    cell = line(focused())
    assert cell.text() == "Första" and table.currentIndex().row() == 0
    typed_at: list[float] = []
    stored_while_typing: list[str] = []

    def read_store(_n: int) -> None:
        typed_at.append(time.monotonic())
        stored_while_typing.append(stored_actions(sqlite_services, plan_id)[0])
        assert focused() is cell and table.state() == EDITING

    type_steadily(qtbot, ADDED, read_store)

    text = "Första" + ADDED
    stored = stored_while_typing[-1]  # read right after the last key, before any pause
    assert any(s != "Första" for s in stored_while_typing[:-1]), "nothing saved while typing"
    assert text.startswith(stored), stored
    # Everything typed a second before the last key was stored before the cell was left.
    due = sum(1 for t in typed_at if t <= typed_at[-1] - (SAVE_MS / 1000 + SLACK))
    assert stored.startswith(text[: len("Första") + due].rstrip()), (due, stored)
    # The editor is still open on the same cell, with all the text and the caret at its end.
    assert focused() is cell and table.state() == EDITING
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        0,
        A.column_of("description"),
    )
    assert cell.text() == text and cell.cursorPosition() == len(text)
    qtbot.waitUntil(
        lambda: stored_actions(sqlite_services, plan_id)[0] == text, timeout=SAVE_MS + 1000
    )
    assert focused() is cell and cell.text() == text and cell.cursorPosition() == len(text)
    assert stored_actions(sqlite_services, plan_id) == [text, "Andra"]


def test_the_caret_stays_where_the_typist_types_while_saves_echo_back(
    qtbot, open_editor, make_plan_for_editor, sqlite_services
):
    plan_id, _ = make_plan_for_editor()
    editor = open_editor(plan_id)
    actions_table(qtbot, editor)
    press(qtbot, K.Key_F2)
    press(qtbot, K.Key_Home)  # typing goes in front of "Första"
    cell = line(focused())

    type_steadily(qtbot, "Allra först, ")

    assert cell.text() == "Allra först, Första" and cell.cursorPosition() == len("Allra först, ")
    qtbot.waitUntil(
        lambda: stored_actions(sqlite_services, plan_id)[0] == "Allra först, Första",
        timeout=SAVE_MS + 1000,
    )
    assert focused() is cell and cell.cursorPosition() == len("Allra först, ")


def test_the_plus_line_becomes_the_row_while_its_text_is_typed_and_typing_goes_on_there(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = actions_table(qtbot, editor)
    press(qtbot, K.Key_Enter)  # the "+" line
    cell = line(focused())
    text = "Följa med på bostadsvisningar"

    def same_cell(_n: int) -> None:
        assert focused() is cell and table.state() == EDITING
        assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 0)

    type_steadily(qtbot, text, same_cell)

    # Stored while typing: the "+" line is now the action's row, a fresh "+" line below it.
    stored = stored_actions(sqlite_services, new_plan_id)
    assert len(stored) == 1 and text.startswith(stored[0]) and stored[0]
    assert not table.row_model.is_blank(0) and table.row_model.rowCount() == 2
    assert cell.text() == text and cell.cursorPosition() == len(text)
    press(qtbot, K.Key_Enter)  # typing goes on along the new row, as for a row typed by Tab
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        0,
        A.column_of("responsible_principal"),  # the next column the table shows
    )
    assert stored_actions(sqlite_services, new_plan_id) == [text]
    # Typing the text was one step: one Ctrl+Z takes the new action away, and redo brings it back.
    press(qtbot, K.Key_Escape)
    assert focused() is table
    press(qtbot, K.Key_Z, CTRL)
    assert stored_actions(sqlite_services, new_plan_id) == []
    press(qtbot, K.Key_Z, CTRL_SHIFT)
    assert stored_actions(sqlite_services, new_plan_id) == [text]


def test_a_burst_of_typing_in_a_stored_cell_is_one_undo_step(
    qtbot, open_editor, make_plan_for_editor, sqlite_services
):
    plan_id, _ = make_plan_for_editor()
    editor = open_editor(plan_id)
    table = actions_table(qtbot, editor)
    press(qtbot, K.Key_F2)
    press(qtbot, K.Key_End)
    saves: list[int] = []
    editor.plan_saved.connect(saves.append)
    type_steadily(qtbot, " och mer")
    press(qtbot, K.Key_Enter)  # a stored cell corrected: the cursor stays on it
    assert focused() is table and len(saves) >= 2, saves
    assert stored_actions(sqlite_services, plan_id) == ["Första och mer", "Andra"]

    press(qtbot, K.Key_Z, CTRL)

    assert stored_actions(sqlite_services, plan_id) == ["Första", "Andra"]
    press(qtbot, K.Key_Z, CTRL_SHIFT)
    assert stored_actions(sqlite_services, plan_id) == ["Första och mer", "Andra"]


def test_escape_closes_a_cell_saved_while_typing_and_keeps_its_text(
    qtbot, open_editor, sqlite_services
):
    """Found by a tester: Escape after the pause-save used to put back the empty e-mail."""
    god_man = RepresentativeData(kind=RepresentativeKind.GOD_MAN, name="Gustav Holm")
    person = PersonData(first_name="Maria", last_name="Lind", representatives=(god_man,))
    plan_id = sqlite_services.plans.create_plan(person).id
    editor = open_editor(plan_id)
    table = editor.person_section.representatives.table
    assert isinstance(table, ItemTable)
    click_cell(qtbot, table, 0, R.column_of("email"))
    press(qtbot, K.Key_F2)
    type_steadily(qtbot, "esc@test.se")

    def email() -> str:
        return str(sqlite_services.plans.get_plan(plan_id).person.representatives[0].email)

    qtbot.waitUntil(lambda: email() == "esc@test.se", timeout=SAVE_MS + 1000)
    qtbot.wait(2500)  # the user looks up, then presses Escape
    press(qtbot, K.Key_Escape)

    assert focused() is table and table.state() != EDITING
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, R.column_of("email"))
    assert table.model().index(0, R.column_of("email")).data() == "esc@test.se"
    assert email() == "esc@test.se"
    # Ctrl+Z takes the typing back, as one step.
    press(qtbot, K.Key_Z, CTRL)
    assert email() == "" and table.model().index(0, R.column_of("email")).data() == ""
    assert editor.session.undo_stack.index() == 0


def test_escape_in_a_row_just_typed_keeps_its_organisation(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    """Found by a tester: the organisation saved while typed was erased again by Escape."""
    editor = open_editor(new_plan_id)
    table = editor.participants_section.participants.table
    assert isinstance(table, ItemTable)
    table.setFocus()
    press(qtbot, K.Key_Enter)  # the "+" line
    type_steadily(qtbot, "Anna Andersson")
    press(qtbot, K.Key_Tab)
    type_steadily(qtbot, "Socialtjänsten")

    def organisations() -> list[str]:
        return [p.organisation for p in sqlite_services.plans.get_plan(new_plan_id).participants]

    qtbot.waitUntil(lambda: organisations() == ["Socialtjänsten"], timeout=SAVE_MS + 1000)
    qtbot.wait(2500)
    press(qtbot, K.Key_Escape)

    assert organisations() == ["Socialtjänsten"]
    assert table.model().index(0, P.column_of("organisation")).data() == "Socialtjänsten"
    assert focused() is table and table.state() != EDITING
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        0,
        P.column_of("organisation"),
    )


def test_escape_keeps_a_plus_line_saved_while_typing_and_ctrl_z_removes_it(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = actions_table(qtbot, editor)
    press(qtbot, K.Key_Enter)
    type_steadily(qtbot, "Följa med")

    press(qtbot, K.Key_Escape)

    assert stored_actions(sqlite_services, new_plan_id) == ["Följa med"]
    assert table.row_model.rowCount() == 2 and not table.row_model.is_blank(0)
    assert focused() is table and table.currentIndex().row() == 0
    press(qtbot, K.Key_Z, CTRL)  # the row typed is one step
    assert stored_actions(sqlite_services, new_plan_id) == []
    assert table.row_model.rowCount() == 1 and table.row_model.is_blank(0)


def test_a_half_typed_date_in_a_cell_waits_for_a_pause_before_its_message(
    qtbot, swedish, open_editor, make_plan_for_editor, sqlite_services
):
    plan_id, _ = make_plan_for_editor()
    editor = open_editor(plan_id)
    table = actions_table(qtbot, editor)
    while table.currentIndex().column() != A.column_of("start_date"):
        press(qtbot, K.Key_Right)  # over the columns the table shows
    press(qtbot, K.Key_F2)
    cell = line(focused())
    error = editor.actions_section.action_part.error

    def no_message(_n: int) -> None:
        assert not error.isVisible(), error.text()

    type_steadily(qtbot, "2026-1", no_message)

    qtbot.waitUntil(error.isVisible, timeout=SAVE_MS + 1000)
    assert "ÅÅÅÅ-MM-DD" in error.text()
    assert focused() is cell and cell.text() == "2026-1" and table.state() == EDITING
    type_steadily(qtbot, "2-01")
    qtbot.waitUntil(lambda: not error.isVisible(), timeout=SAVE_MS + 1000)
    assert sqlite_services.plans.get_plan(plan_id).actions[0].start_date == date(2026, 12, 1)
    assert focused() is cell and cell.text() == "2026-12-01"


def test_an_e_mail_typed_into_the_details_shows_no_message_while_it_is_typed(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    plan = sqlite_services.plans.get_plan(new_plan_id)
    sqlite_services.items.add(
        "participant", plan.id, plan.version, ParticipantData(name="Anna Andersson")
    )
    editor = open_editor(new_plan_id)
    press(qtbot, K.Key_2, Qt.KeyboardModifier.AltModifier)
    table = editor.participants_section.participants.table
    assert focused() is table
    press(qtbot, K.Key_Enter, Qt.KeyboardModifier.ControlModifier)  # Anna's details
    detail = editor.participants_section.participants.detail
    assert detail is not None
    while focused() is not detail.fields["email"].widget:
        press(qtbot, K.Key_Tab)
    errors = [editor.participants_section.participants.error, detail.fields["email"].error]
    address = "anna@kommunen.example"

    def no_message(_n: int) -> None:
        for error in errors:
            assert not error.isVisible(), error.text()
        assert not editor.notice.isVisible(), editor.notice.text()

    type_steadily(qtbot, address, no_message)

    qtbot.waitUntil(
        lambda: sqlite_services.plans.get_plan(new_plan_id).participants[0].email == address,
        timeout=SAVE_MS + 1000,
    )
    assert not any(e.isVisible() for e in errors) and line(focused()).text() == address


def test_a_representative_is_stored_while_its_name_is_typed_after_its_kind(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = editor.person_section.representatives.table
    table.setFocus()
    press(qtbot, K.Key_Enter)  # the "+" line: the kind comes first, then the name
    type_here(qtbot, "God")
    press(qtbot, K.Key_Tab)
    cell = line(focused())

    type_steadily(qtbot, "Gustav Holm")

    (stored,) = sqlite_services.plans.get_plan(new_plan_id).person.representatives
    assert stored.kind == RepresentativeKind.GOD_MAN and "Gustav Holm".startswith(stored.name)
    assert focused() is cell and cell.text() == "Gustav Holm" and table.state() == EDITING
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, R.column_of("name"))
    press(qtbot, K.Key_Enter)  # on along the row just stored
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, R.column_of("phone"))
    (stored,) = sqlite_services.plans.get_plan(new_plan_id).person.representatives
    assert stored.name == "Gustav Holm"
