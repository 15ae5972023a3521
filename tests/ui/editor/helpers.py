"""Driving editor widgets with the keyboard, as a caseworker would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.table_part import TablePart


def keys(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Swedish letters included (QTest.keyClicks is ASCII only)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


def type_line(qtbot, widget: QLineEdit, text: str) -> None:
    """Replace the text of a line edit and press Enter (saves at once)."""
    widget.setFocus()
    widget.selectAll()
    keys(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_text(qtbot, widget: QPlainTextEdit, text: str) -> None:
    """Type into a multi-line field and leave it (focus-out saves)."""
    widget.setFocus()
    widget.selectAll()
    keys(qtbot, widget, text)


def pick(qtbot, combo: QComboBox, label: str) -> None:
    """Choose an entry of a drop-down by its visible text, with the keyboard."""
    index = combo.findText(label)
    assert index >= 0, f"{label!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentIndex() == index:
            break
        key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == index


def _editor(qtbot, table: ItemTable, row: int, column: int) -> QWidget:
    """Open the editor of a cell and return it."""
    QApplication.processEvents()  # let editors closed by the last commit go away
    table.edit_cell(row, column)
    index = table.model().index(row, column)
    editor = table.indexWidget(index)
    assert editor is not None, f"no editor for {row},{column} (state {table.state()})"
    return editor


def type_cell(qtbot, table: ItemTable, row: int, column: int, text: str) -> None:
    """Open the cell's editor, type, and press Enter to save."""
    editor = _editor(qtbot, table, row, column)
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    keys(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop


def pick_cell(qtbot, table: ItemTable, row: int, column: int, label: str) -> None:
    """Open the cell's drop-down, choose ``label`` with the arrow keys, press Enter."""
    editor = _editor(qtbot, table, row, column)
    assert isinstance(editor, QComboBox), editor
    pick(qtbot, editor, label)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def tick_cell(qtbot, table: ItemTable, row: int, column: int) -> None:
    """Toggle a check-box cell with the space bar."""
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_Space)


def blank_row(table: ItemTable) -> int:
    return table.model().rowCount() - 1


def focused() -> QWidget:
    """The widget the keyboard types into now."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press one key on whatever has the focus."""
    qtbot.keyClick(focused(), key, modifier)


def type_here(qtbot, text: str) -> None:
    """Type ``text`` into whatever has the focus (a key may move it, e.g. open a cell editor)."""
    for ch in text:
        keys(qtbot, focused(), ch)


def _detail_field(qtbot, part: TablePart, row: int, attr: str) -> QWidget:
    """Open the detail form of ``row`` with Ctrl+Enter and Tab to its field ``attr``."""
    QApplication.processEvents()
    table = part.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert part.detail is not None and part.detail.isVisible()
    widget = part.detail.fields[attr].widget
    for _ in part.detail.fields:
        if focused() is widget:
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is widget, focused()
    return widget


def type_detail(qtbot, part: TablePart, row: int, attr: str, text: str) -> None:
    """Type ``text`` over the detail field ``attr`` of ``row``; Escape saves and goes back."""
    widget = _detail_field(qtbot, part, row, attr)
    assert isinstance(widget, QLineEdit), widget
    widget.selectAll()
    keys(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert focused() is part.table


def pick_detail(qtbot, part: TablePart, row: int, attr: str, label: str) -> None:
    """Choose ``label`` in the detail drop-down ``attr`` of ``row``; Escape goes back."""
    widget = _detail_field(qtbot, part, row, attr)
    assert isinstance(widget, QComboBox), widget
    pick(qtbot, widget, label)
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert focused() is part.table


def tick_detail(qtbot, part: TablePart, row: int, attr: str) -> None:
    """Toggle the detail check box ``attr`` of ``row`` with the space bar; Escape goes back."""
    widget = _detail_field(qtbot, part, row, attr)
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert focused() is part.table
