"""Tab and Shift+Tab never take typing into another participant's row, and typing into a
stored cell adds to its value instead of replacing it.

Found at the meeting table: Shift+Tab in the "+" row's first cell saved the row and opened
the previous participant's last cell with its text selected, so the next word typed ("ZZZ")
replaced that participant's contact role. Every key here goes to the focused widget.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from sip_desk.domain.enums import InvitationKind
from sip_desk.domain.participant import ParticipantData
from sip_desk.domain.person import PersonData
from sip_desk.services.registry import Services
from sip_desk.ui.editor.edits import to_data
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel as P
from tests.ui.editor.helpers import focused, press, type_here

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
INVITED = InvitationKind.INVITED
ANNA = ParticipantData(
    name="Anna Andersson", organisation="Socialtjänsten", contact_role="Samordnare"
)
BJORN = ParticipantData(
    name="Björn Berg", organisation="Beroendemottagningen", contact_role="Fast vårdkontakt"
)


@pytest.fixture
def plan_with_two(sqlite_services: Services) -> int:
    """Anna and Björn take part; the caseworker is adding a third."""
    plan = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    for person in (ANNA, BJORN):
        plan = sqlite_services.items.add("participant", plan.id, plan.version, person).plan
    return plan.id


def _stored(services: Services, plan_id: int) -> list[ParticipantData]:
    return [to_data(p, ParticipantData) for p in services.plans.get_plan(plan_id).participants]


def _table(qtbot, open_editor: Callable[[int], PlanEditor], plan_id: int) -> ItemTable:
    editor = open_editor(plan_id)
    table = editor.participants_section.participants.table
    editor.participants_section.focus_widget(table)
    qtbot.waitUntil(lambda: focused() is table)
    assert _cell(table) == (0, P.column_of("name"))
    return table


def _to_new_row(qtbot, table: ItemTable) -> None:
    """Down to the "+" row, and Enter to type into it."""
    press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Enter)
    assert _cell(table) == (2, P.column_of("name"))


def _cell(table: ItemTable) -> tuple[int, int]:
    return table.currentIndex().row(), table.currentIndex().column()


def _editing(table: ItemTable) -> QLineEdit:
    assert table.state() == QAbstractItemView.State.EditingState
    editor = focused()
    assert isinstance(editor, QLineEdit) and editor.parentWidget() is table.viewport()
    return editor


def test_shift_tab_in_the_new_rows_first_cell_keeps_typing_in_that_row(
    qtbot, open_editor, plan_with_two, sqlite_services
):
    table = _table(qtbot, open_editor, plan_with_two)
    _to_new_row(qtbot, table)
    type_here(qtbot, "Cecilia Carlsson")

    press(qtbot, K.Key_Tab, SHIFT)

    assert _cell(table) == (2, P.column_of("name"))  # Cecilia's row, not Björn's last cell
    assert _editing(table).text() == "Cecilia Carlsson"
    type_here(qtbot, "ZZZ")
    press(qtbot, K.Key_Tab)
    assert _stored(sqlite_services, plan_with_two) == [
        ANNA,
        BJORN,
        ParticipantData(name="Cecilia CarlssonZZZ", invitation=INVITED),  # where it was typed
    ]


def test_shift_tab_in_an_empty_new_row_stays_on_it(
    qtbot, open_editor, plan_with_two, sqlite_services
):
    table = _table(qtbot, open_editor, plan_with_two)
    _to_new_row(qtbot, table)

    press(qtbot, K.Key_Tab, SHIFT)
    type_here(qtbot, "ZZZ")
    press(qtbot, K.Key_Tab)

    assert _cell(table) == (2, P.column_of("organisation"))
    assert _stored(sqlite_services, plan_with_two) == [
        ANNA,
        BJORN,
        ParticipantData(name="ZZZ", invitation=INVITED),  # a new other actor is invited
    ]


def test_typing_on_a_stored_cell_reached_with_arrows_adds_to_its_text(
    qtbot, open_editor, plan_with_two, sqlite_services
):
    table = _table(qtbot, open_editor, plan_with_two)
    press(qtbot, K.Key_Right)
    assert _cell(table) == (0, P.column_of("organisation"))

    type_here(qtbot, " Vuxenenheten")
    assert _editing(table).text() == "Socialtjänsten Vuxenenheten"
    press(qtbot, K.Key_Enter)

    assert _stored(sqlite_services, plan_with_two)[0].organisation == "Socialtjänsten Vuxenenheten"


def test_shift_tab_along_a_stored_row_opens_cells_without_selecting_their_text(
    qtbot, open_editor, plan_with_two, sqlite_services
):
    table = _table(qtbot, open_editor, plan_with_two)
    press(qtbot, K.Key_Down)  # Björn
    press(qtbot, K.Key_Right)
    press(qtbot, K.Key_F2)  # his organisation
    press(qtbot, K.Key_Tab, SHIFT)  # back to his name

    line = _editing(table)
    assert (line.text(), line.hasSelectedText(), line.cursorPosition()) == ("Björn Berg", False, 10)
    press(qtbot, K.Key_Tab, SHIFT)  # the first column: the editor stays on Björn's name
    assert _cell(table) == (1, P.column_of("name"))
    type_here(qtbot, "-Ek")
    press(qtbot, K.Key_Enter)

    assert [p.name for p in _stored(sqlite_services, plan_with_two)] == [
        "Anna Andersson",
        "Björn Berg-Ek",
    ]


def test_tab_after_a_stored_rows_last_cell_stays_in_that_row(
    qtbot, open_editor, plan_with_two, sqlite_services
):
    table = _table(qtbot, open_editor, plan_with_two)
    press(qtbot, K.Key_End)
    assert _cell(table) == (0, P.column_of("present"))  # the last column the table shows
    press(qtbot, K.Key_F2)

    press(qtbot, K.Key_Tab)
    assert _cell(table) == (0, P.column_of("present"))  # not Björn's name
    press(qtbot, K.Key_Space)
    press(qtbot, K.Key_Enter)

    stored = _stored(sqlite_services, plan_with_two)
    assert (stored[0].present, stored[1]) == (not ANNA.present, BJORN)
