"""A keyboard-first table of plan items: Enter on the last line adds one, Delete removes one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from sip_desk.ui.item_models.row_table_model import ChoicesRole, RowRole, RowTableModel

Index = QModelIndex | QPersistentModelIndex
MAX_COLUMN_WIDTH = 260
MAX_HEIGHT = 420
MIN_ROWS = 4


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for columns that offer choices (enumerations, participants, goals)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = index.data(ChoicesRole)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName("table_choice_editor")
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class ItemTable(QTableView):
    """Table view for a :class:`RowTableModel`.

    Enter on the last stored line (or on the blank line) starts typing a new row; Delete
    removes the current row through ``on_delete`` (an undoable edit, no confirmation).
    """

    def __init__(
        self,
        model: RowTableModel,
        object_name: str,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setModel(model)
        self.setItemDelegate(ChoiceDelegate(self))
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
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.on_delete: Callable[[Any], object] = lambda _row: None
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(self.fit)
        model.rowsRemoved.connect(self.fit)
        model.dataChanged.connect(self.fit)
        self.fit()

    def fit(self, *_args: object) -> None:
        """Columns as wide as their text (within reason) and the table as tall as its rows."""
        self.resizeColumnsToContents()
        header = self.horizontalHeader()
        for column in range(header.count()):
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
        self.resizeRowsToContents()
        rows = self.verticalHeader().length()
        frame = 2 * self.frameWidth() + header.height()
        scrollbar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(
            min(max(rows, MIN_ROWS * header.height()), MAX_HEIGHT) + frame + scrollbar
        )

    @property
    def row_model(self) -> RowTableModel:
        model = self.model()
        assert isinstance(model, RowTableModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state() != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_enter()
                return
            if key == Qt.Key.Key_Delete:
                self.delete_current()
                return
        super().keyPressEvent(event)

    def _on_enter(self) -> None:
        model = self.row_model
        current = self.currentIndex()
        row = current.row() if current.isValid() else model.rowCount() - 1
        column = current.column() if current.isValid() else 0
        if row >= model.rowCount() - 2:
            self.start_new_row()
        else:
            self.edit_cell(row, column)

    def start_new_row(self) -> None:
        """Go to the blank line and start typing its first column."""
        self.edit_cell(self.row_model.rowCount() - 1, 0)

    def edit_cell(self, row: int, column: int) -> None:
        index = self.row_model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        if self.row_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def commit_open_editor(self) -> None:
        """Save what is typed in a cell whose editor is still open (before a close or reload)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def delete_current(self) -> None:
        """Remove the current row (the blank line just forgets its typed values)."""
        index = self.currentIndex()
        if not index.isValid():
            return
        row = index.data(RowRole)
        if row is None:
            self.row_model.draft.clear()
            return
        self.on_delete(row)

    def focus_row(self, item_id: int | None, attr: str = "") -> None:
        """Select the row of ``item_id`` (or the blank line) in column ``attr``."""
        model = self.row_model
        row = model.row_of(item_id) if item_id is not None else -1
        if row < 0:
            row = 0 if model.rows else model.rowCount() - 1
        column = model.column_of(attr) if attr else 0
        self.setFocus()
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)
