"""Column widths stay where they are while rows are added: the caseworker's eye keeps its place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sip_desk.ui.editor.item_table import ItemTable
from tests.ui.editor.helpers import press, type_here

K = Qt.Key


def _widths(table: ItemTable) -> list[int]:
    header = table.horizontalHeader()
    return [header.sectionSize(c) for c in range(header.count()) if not table.isColumnHidden(c)]


def test_adding_actions_keeps_the_needs_and_actions_column_widths(
    qtbot, swedish, open_editor, new_plan_id
):
    editor = open_editor(new_plan_id)
    editor.resize(1366, 768)
    section = editor.actions_section
    needs, actions = section.need_part.table, section.action_part.table
    section.focus_widget(needs)
    press(qtbot, K.Key_Enter)
    type_here(qtbot, "Eget boende")
    press(qtbot, K.Key_Return)
    QApplication.processEvents()
    qtbot.wait(50)
    before = _widths(needs), _widths(actions)

    for name in (
        "Boendestöd",
        "Hjälp att söka lägenhet hos kommunens bostadsförmedling",
        "Stöd vid flytt",
    ):
        section.focus_widget(actions)
        press(qtbot, K.Key_Enter)  # the "+" row
        type_here(qtbot, name)
        press(qtbot, K.Key_Escape)
        QApplication.processEvents()
        qtbot.wait(50)
        assert (_widths(needs), _widths(actions)) == before, name
