"""A keyboard-first table of plan items, typed like a spreadsheet.

With a cell editor open, Tab and Shift+Tab save the cell and open the next or previous cell of
the row; they never take the editor into another stored row (Shift+Tab in the first column
stays, Tab after the last column of the row being typed starts a fresh "+" line). Enter saves
and goes on along the row being typed; elsewhere it only saves the cell; in the last column it
starts a fresh "+" line. Escape closes the cell's editor and keeps what is typed, as a form
field does: it saves the cell and the cursor stays on it (Ctrl+Z takes the typing back, one
step). With no editor open, Escape on the "+" line forgets its draft (held in memory only).
Delete removes the current row (an undoable edit, no confirmation). A text cell opens with the
caret after its text, so typing adds to a stored value.

Only a row's essential columns are shown (``Column.table``), so the table fits its width without
sideways scrolling; the others are typed in the row's detail form (row_detail.py), which
Ctrl+Enter opens (``on_details``), from the table or from an open cell editor (which is saved
first). Typing along a row steps over the columns the table does not show.

Text typed into a cell is saved while it is typed (cell_autosave.py); on the "+" line that
makes the line a row once its required column has text. A value the cell cannot take keeps the
editor open, with the message under the table, whichever key tried to save it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from sip_desk.ui.editor.cell_autosave import CellAutosave
from sip_desk.ui.editor.cell_delegate import CellDelegate
from sip_desk.ui.editor.reveal import reveal_cell
from sip_desk.ui.editor.table_fit import TableFit
from sip_desk.ui.item_models.row_table_model import RowRole, RowTableModel

Index = QModelIndex | QPersistentModelIndex
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_NO_HINT = QAbstractItemDelegate.EndEditHint.NoHint


class ItemTable(QTableView):
    """Table view for a :class:`RowTableModel` (see the module docstring)."""

    def __init__(
        self,
        model: RowTableModel,
        object_name: str,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._entry_row = QPersistentModelIndex()  # the row typed from the "+" line
        self._autosave = CellAutosave(self)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setModel(model)
        self.setItemDelegate(CellDelegate(self._on_editor_key, self._autosave.watch, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)  # room left over goes to the text columns
        header.setMinimumSectionSize(60)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for column, spec in enumerate(model.COLUMNS):
            self.setColumnHidden(column, not spec.table)
        self.on_delete: Callable[[Any], object] = lambda _row: None
        self.on_details: Callable[[], object] = lambda: None
        self._fit = TableFit(self, model)

    def fit(self) -> None:
        """Fit the columns and height to the rows now (or once shown): see table_fit.py."""
        self._fit.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit.resized(event)

    @property
    def row_model(self) -> RowTableModel:
        model = self.model()
        assert isinstance(model, RowTableModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in _ENTER and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.on_details()
                return
            if key in _ENTER:
                self._on_enter()
                return
            if key == Qt.Key.Key_Delete:
                self.delete_current()
                return
            if key == Qt.Key.Key_Escape and self._on_draft() and self.row_model.draft:
                self.row_model.discard_draft()
                return
        super().keyPressEvent(event)

    def _on_draft(self) -> bool:
        current = self.currentIndex()
        return current.isValid() and self.row_model.is_blank(current.row())

    def _on_enter(self) -> None:
        model = self.row_model
        current = self.currentIndex()
        row = current.row() if current.isValid() else model.rowCount() - 1
        column = current.column() if current.isValid() else 0
        if row >= model.rowCount() - 2 or column == self.last_column():
            self.start_new_row()
        else:
            self.edit_cell(row, column)

    # Typing along a row -------------------------------------------------------------------
    def _on_editor_key(self, editor: QWidget, event: QKeyEvent) -> bool:
        """Tab, Shift+Tab, Enter or Escape in a cell editor (see the module docstring)."""
        index = self.currentIndex()
        if not index.isValid() or self.indexWidget(index) is not editor:
            return False  # not the current cell's editor: Qt's own handling
        key = event.key()
        cell = QPersistentModelIndex(index)  # follows the "+" line as it becomes a row
        was_draft = self.row_model.is_blank(index.row())
        self.row_model.last_edit_refused = False
        self.commitData(editor)
        if self.row_model.last_edit_refused:
            return True  # the text stays in the open editor, the message says why
        self.closeEditor(editor, _NO_HINT)
        row, column = cell.row(), cell.column()
        if was_draft and not self.row_model.is_blank(row):
            self._entry_row = QPersistentModelIndex(cell)
        if key in _ENTER and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.setCurrentIndex(self.row_model.index(row, column))
            self.on_details()
            return True
        back = key == Qt.Key.Key_Backtab or (
            key == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if key == Qt.Key.Key_Escape:
            self.setCurrentIndex(self.row_model.index(row, column))  # the cell just closed
        elif key in _ENTER:
            self._after_enter(row, column)
        else:
            self._step(row, column, -1 if back else 1)
        return True

    def draft_became_row(self, cell: QPersistentModelIndex) -> None:
        """A save while typing made the "+" line the row of ``cell``: typing goes on there."""
        self._entry_row = QPersistentModelIndex(cell)

    @property
    def saving_while_typing(self) -> bool:
        """A save of a cell still being typed runs: what it refuses is not shown yet."""
        return self._autosave.holding

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if self.row_model.last_edit_refused and self.indexWidget(self.currentIndex()) is editor:
            # Qt closes a cell's editor when the focus leaves it (a message box, another
            # window), after trying to save it: text the cell refused stays open instead.
            return
        self._autosave.forget(editor)
        super().closeEditor(editor, hint)

    def _after_enter(self, row: int, column: int) -> None:
        if column == self.last_column():
            self.start_new_row()
        elif self.row_model.is_blank(row) or row == self._entry_row.row():
            self._step(row, column, 1)
        # Otherwise one stored cell was corrected: the cursor stays on it.

    def _step(self, row: int, column: int, direction: int) -> None:
        """Edit the next (``direction`` 1) or previous (-1) cell of the row.

        Never another stored row, where the next keystrokes would change someone else's values.
        """
        model = self.row_model
        column = self._next_shown(column, direction)
        if column < 0:
            column = self._next_shown(-1, 1)
        elif column >= model.columnCount():
            if model.is_blank(row) or row == self._entry_row.row():
                self.start_new_row()
                return
            column = self.last_column()
        self.edit_cell(row, column)

    def _next_shown(self, column: int, direction: int) -> int:
        """The next column the table shows after ``column`` (-1 or columnCount() past the end)."""
        column += direction
        while 0 <= column < self.row_model.columnCount() and self.isColumnHidden(column):
            column += direction
        return column

    def last_column(self) -> int:
        """The last column the table shows."""
        return self._next_shown(self.row_model.columnCount(), -1)

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.row() != self._entry_row.row():
            self._entry_row = QPersistentModelIndex()
        self._reveal_current()
        QTimer.singleShot(0, self, self._reveal_current)  # again once the layout has settled

    def _reveal_current(self) -> None:
        # Only for the user working in the table: a current cell set while the focus is
        # elsewhere (a reload, the side panel) must not scroll the page away from it.
        focus = QApplication.focusWidget()
        if focus is self or (focus is not None and self.isAncestorOf(focus)):
            reveal_cell(self, self.currentIndex())

    def start_new_row(self) -> None:
        """Go to the blank line and start typing its first column."""
        self.edit_cell(self.row_model.rowCount() - 1, self._next_shown(-1, 1))

    def edit_cell(self, row: int, column: int) -> None:
        index = self.row_model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if self.row_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def commit_open_editor(self) -> None:
        """Save what is typed in an open cell editor; refused text stays open (unsaved.py asks)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.row_model.last_edit_refused = False
            self.commitData(editor)
            if not self.row_model.last_edit_refused:
                self.closeEditor(editor, _NO_HINT)

    def delete_current(self) -> None:
        """Remove the current row (the blank line just forgets its typed values)."""
        index = self.currentIndex()
        if not index.isValid():
            return
        row = index.data(RowRole)
        if row is None:
            self.row_model.discard_draft()
            return
        self.on_delete(row)

    def focus_row(self, item_id: int | None, attr: str = "") -> None:
        """Select the row of ``item_id`` (or the blank line) in column ``attr``."""
        model = self.row_model
        row = model.row_of(item_id) if item_id is not None else -1
        if row < 0:
            row = 0 if model.rows else model.rowCount() - 1
        column = model.column_of(attr) if attr else 0
        if self.isColumnHidden(column):
            column = 0
        self.setFocus()
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)
