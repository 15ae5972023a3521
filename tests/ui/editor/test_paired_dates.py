"""Two cells checked against each other: what the user typed in one is never lost.

An action's end date may not lie before its start date. The caseworker types the start, then an
end before it (refused, with a message), then clicks back and corrects the start. The end date
they typed is saved as soon as it is valid; until then it stays in its cell, marked as not saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.action_table_model import ActionTableModel as A
from tests.ui.editor.helpers import focused, press, type_here

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
START, END = A.column_of("start_date"), A.column_of("end_date")
END_BEFORE_START = "Slutdatum (2026-12-01) ligger före startdatum (2026-12-10)."


def _action_with_end_before_start(qtbot, editor: PlanEditor) -> ItemTable:
    """Type a new action, its start 2026-12-10 and its end 2026-12-01 (refused); Tab."""
    section = editor.actions_section
    table = section.action_part.table
    section.focus_widget(table)
    press(qtbot, K.Key_Enter)  # the "+" row
    type_here(qtbot, "Boendestöd")
    while table.currentIndex().column() != START:
        press(qtbot, K.Key_Tab)
    type_here(qtbot, "2026-12-10")
    press(qtbot, K.Key_Tab)
    type_here(qtbot, "2026-12-01")
    press(qtbot, K.Key_Tab)
    assert END_BEFORE_START in section.action_part.error.text()
    return table


def _click(qtbot, table: ItemTable, row: int, column: int) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()


def _retype_cell(qtbot, text: str) -> None:
    """Type over the current cell (typing opens its editor), Ctrl+A first, then Enter."""
    type_here(qtbot, text[0])
    assert isinstance(focused(), QLineEdit)
    press(qtbot, K.Key_A, CTRL)
    type_here(qtbot, text)
    press(qtbot, K.Key_Return)
    QApplication.processEvents()


def test_a_refused_end_date_is_saved_once_the_start_is_corrected(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = _action_with_end_before_start(qtbot, editor)

    _click(qtbot, table, 0, START)  # back to the start date, leaving the end's text
    assert table.model().index(0, END).data() == "2026-12-01"  # still there, not saved
    _retype_cell(qtbot, "2026-11-20")

    def stored() -> tuple[date | None, date | None]:
        action = sqlite_services.plans.get_plan(new_plan_id).actions[0]
        return action.start_date, action.end_date

    qtbot.waitUntil(lambda: stored() == (date(2026, 11, 20), date(2026, 12, 1)))
    assert table.model().index(0, END).data() == "2026-12-01"
    assert not editor.actions_section.action_part.error.isVisible()


def test_a_refused_end_date_stays_in_its_cell_and_enter_saves_it(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = _action_with_end_before_start(qtbot, editor)
    _click(qtbot, table, 0, START)

    index = table.model().index(0, END)
    assert index.data() == "2026-12-01"
    assert "sparad" in str(index.data(Qt.ItemDataRole.ToolTipRole))
    assert sqlite_services.plans.get_plan(new_plan_id).actions[0].end_date is None
    _click(qtbot, table, 0, END)
    press(qtbot, K.Key_F2)  # its editor opens on the text that was typed
    cell_editor = focused()
    assert isinstance(cell_editor, QLineEdit) and cell_editor.text() == "2026-12-01"
    press(qtbot, K.Key_Return)  # still before the start: refused again, still held
    assert END_BEFORE_START in editor.actions_section.action_part.error.text()
    press(qtbot, K.Key_A, CTRL)
    type_here(qtbot, "2026-12-24")
    press(qtbot, K.Key_Return)
    QApplication.processEvents()
    qtbot.waitUntil(
        lambda: (
            sqlite_services.plans.get_plan(new_plan_id).actions[0].end_date == date(2026, 12, 24)
        )
    )
    assert not editor.actions_section.action_part.error.isVisible()
    assert index.data(Qt.ItemDataRole.ToolTipRole) is None


def test_ctrl_s_names_a_held_end_date(qtbot, swedish, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    table = _action_with_end_before_start(qtbot, editor)
    _click(qtbot, table, 0, START)

    press(qtbot, K.Key_S, CTRL)

    assert "Texten i Insatser: Slut är inte sparad: " in editor.notice.text()
    assert END_BEFORE_START in editor.notice.text()
