"""Base of the editable plan-item tables: one stored row per line plus a blank line to add one."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from sip_desk.ui.item_models.cell_values import Column, default_value, parse_cell
from sip_desk.ui.item_models.held_cells import HELD_ROLES, HeldCells, HoldsRefusedText
from sip_desk.ui.item_models.labels import enum_choices

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
ChoicesRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def _no_commit(*_args: object) -> bool:
    return False


class RowTableModel(QAbstractTableModel, HoldsRefusedText):
    """Editable rows of DTOs; edits are handed to ``commit_update`` / ``commit_add``.

    The last line is blank: typing its required column adds a row, with what was typed in its
    other columns first. The blank line then *becomes* the new row and a fresh blank line
    follows, so the cell being typed in (and its open editor) stays on the row just added.
    ``last_edit_refused``: the last :meth:`setData` was refused (bad input or a failed save).
    Text a stored row's cell refused is held (``held``, held_cells.py): the cell shows it, its
    editor opens on it, and :meth:`retry_held` saves it once the row has changed.
    ``commit_update`` sets ``last_save_invalid`` when it refused the values as invalid.
    """

    COLUMNS: ClassVar[Sequence[Column]] = ()
    DATA_TYPE: ClassVar[type[Any]] = object
    REQUIRED: ClassVar[str] = ""
    CONTEXT: ClassVar[str] = "RowTableModel"
    PLACEHOLDER: ClassVar[object] = ""  # the blank line's required column while it is empty

    input_refused = Signal(str)
    refusal_withdrawn = Signal()  # the refused cell was set back to its stored value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.draft: dict[str, Any] = {}
        self.choices: dict[str, list[tuple[object, str]]] = {}
        self.commit_update: Callable[[Any, Any], bool] = _no_commit
        self.commit_add: Callable[[Any], bool] = _no_commit
        self.last_edit_refused = False
        self.last_save_invalid = False
        self.held = HeldCells()
        self._refused_at: tuple[int | None, str] | None = None  # the cell last refused
        self._adding_draft = False
        self._spare_line = False  # a second blank line, for a moment while one becomes a row

    # Hooks for subclasses -------------------------------------------------------------------
    def new_data(self, draft: dict[str, Any]) -> Any:
        """The data of a row to add from the blank line's values."""
        return self.DATA_TYPE(**draft)

    # Rows -----------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``; keeps the current cell when only values changed."""
        rows = list(rows)
        old_ids, new_ids = [r.id for r in self.rows], [r.id for r in rows]
        if old_ids == new_ids:
            self.rows = rows
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1)
                )
        elif new_ids[:-1] == old_ids:
            self._append(rows)
        elif len(new_ids) == len(old_ids) - 1 and all(i in old_ids for i in new_ids):
            gone = next(i for i, r in enumerate(old_ids) if r not in new_ids)
            self.beginRemoveRows(QModelIndex(), gone, gone)
            self.rows = rows
            self.endRemoveRows()
            self.set_rows(rows)
        else:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    def _append(self, rows: list[Any]) -> None:
        # One row added at the end. Added from the blank line, that line becomes the new row and
        # a fresh blank line is inserted after it; added elsewhere, the new row goes above the
        # blank line. Either way the current cell and an open editor stay on their row.
        at = len(self.rows)
        if not self._adding_draft:
            self.beginInsertRows(QModelIndex(), at, at)
            self.rows = rows
            self.endInsertRows()
            return
        # Two notifications, as Qt's model contract wants: a blank line is inserted below ...
        self.beginInsertRows(QModelIndex(), at + 1, at + 1)
        self._spare_line = True
        self.endInsertRows()
        # ... and the line above it now shows the stored row.
        self.rows, self._spare_line = rows, False
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, at, at + 1)

    def set_choices(self, attr: str, choices: list[tuple[object, str]]) -> None:
        """The values a choice column offers (e.g. the plan's participants)."""
        self.choices[attr] = choices
        col = next((i for i, c in enumerate(self.COLUMNS) if c.attr == attr), None)
        if col is not None and self.rowCount():
            self.dataChanged.emit(self.index(0, col), self.index(self.rowCount() - 1, col))

    def row_of(self, item_id: int) -> int:
        """The line of the stored row ``item_id`` (-1 if absent)."""
        return next((i for i, r in enumerate(self.rows) if r.id == item_id), -1)

    def is_blank(self, row: int) -> bool:
        return row >= len(self.rows)

    @classmethod
    def column_of(cls, attr: str) -> int:
        """The position of the column showing ``attr`` (the first column if none does)."""
        return next((i for i, c in enumerate(cls.COLUMNS) if c.attr == attr), 0)

    # Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows) + 1 + self._spare_line

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, str(self.COLUMNS[section].header))
        if orientation == Qt.Orientation.Vertical:
            return "+" if self.is_blank(section) else str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        if self.COLUMNS[index.column()].kind == "bool":
            # Editable too, so typing along a row opens a check box there (Space ticks it).
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def _value(self, row: int, attr: str) -> Any:
        if self.is_blank(row):
            return self.draft.get(attr, default_value(self.DATA_TYPE, attr))
        return getattr(self.rows[row], attr)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.COLUMNS[index.column()]
        held = self._held_text(index.row(), column.attr)
        if held is not None and role in HELD_ROLES:
            return HELD_ROLES[role](held)
        value = self._value(index.row(), column.attr)
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_blank(index.row()) and column.attr == self.REQUIRED and not value:
                return QCoreApplication.translate(self.CONTEXT, str(self.PLACEHOLDER))
            return None if column.kind == "bool" else self.display(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return self.edit_value(column, value)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        return self._other_data(index, column, value, role)

    def _other_data(self, index: Index, column: Column, value: Any, role: int) -> Any:
        blank = self.is_blank(index.row())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.display(column, value) if column.kind != "bool" else self.yes_no(value)
        if role == Qt.ItemDataRole.FontRole and blank:
            font = QFont()
            font.setItalic(True)
            return font
        if role == SortRole:
            return value if isinstance(value, int | str) else str(value or "")
        if role == RowRole:
            return None if blank else self.rows[index.row()]
        if role == ChoicesRole and column.kind == "choice":
            return self.choices_for(column)
        return None

    def choices_for(self, column: Column) -> list[tuple[object, str]]:
        if column.attr in self.choices:
            return self.choices[column.attr]
        if column.enum is not None:
            return enum_choices(column.enum)
        return []

    def display(self, column: Column, value: Any) -> str:
        if column.kind == "date":
            return value.isoformat() if isinstance(value, date) else ""
        if column.kind == "choice":
            key = "" if value is None else value
            return next((lbl for v, lbl in self.choices_for(column) if v == key), "")
        return "" if value is None else str(value)

    def edit_value(self, column: Column, value: Any) -> Any:
        if column.kind == "choice":
            return "" if value is None else value
        if column.kind == "bool":
            return bool(value)
        return self.display(column, value)

    @staticmethod
    def yes_no(value: object) -> str:
        return QCoreApplication.translate("RowTableModel", "Yes" if value else "No")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.COLUMNS[index.column()]
        self.last_edit_refused = False
        row = None if self.is_blank(index.row()) else self.rows[index.row()]
        try:
            parsed = parse_cell(column, value, role)
        except ValueError as exc:
            self.last_edit_refused = True
            self._refused_at = (None if row is None else row.id, column.attr)
            self._hold(index, row, column.attr, value)
            self.input_refused.emit(str(exc))
            return False
        if row is None:
            return self._set_draft(index, column.attr, parsed)
        if getattr(row, column.attr) == parsed:  # back to the stored value: nothing to refuse
            self._drop_held(index, row.id, column.attr)
            if self._refused_at == (row.id, column.attr):
                self._refused_at = None
                self.refusal_withdrawn.emit()
            return False
        data = self.row_data(row)
        self.last_save_invalid = False
        saved = self.commit_update(row, dataclasses.replace(data, **{column.attr: parsed}))
        self.last_edit_refused = not saved
        if saved:
            self._drop_held(index, row.id, column.attr)
        elif self.last_save_invalid:
            self._refused_at = (row.id, column.attr)
            self._hold(index, row, column.attr, value)
        return saved

    def changed_label(self, row: Any, data: Any) -> str:
        """The header of the one column ``data`` changes on ``row`` ("" for none or several)."""
        changed = [c for c in self.COLUMNS if getattr(row, c.attr) != getattr(data, c.attr)]
        if len(changed) != 1:
            return ""
        return QCoreApplication.translate(self.CONTEXT, str(changed[0].header))

    def row_data(self, row: Any) -> Any:
        names = {f.name for f in dataclasses.fields(self.DATA_TYPE)}
        return self.DATA_TYPE(**{n: getattr(row, n) for n in names})

    def _set_draft(self, index: Index, attr: str, value: Any) -> bool:
        self.draft[attr] = value
        self.dataChanged.emit(index, index)
        if not str(self.draft.get(self.REQUIRED, "") or "").strip():
            return True
        draft, self.draft = self.draft, {}
        self._adding_draft = True
        try:
            added = self.commit_add(self.new_data(draft))
        finally:
            self._adding_draft = False
        if not added:
            self.draft = draft  # kept on the blank line; the message says what to fix
        self._draft_changed()
        return True

    def discard_draft(self) -> None:
        """Forget what was typed on the blank line; the stored rows stay as they are."""
        self.draft = {}
        self._draft_changed()

    def _draft_changed(self) -> None:
        blank = len(self.rows)
        self.dataChanged.emit(self.index(blank, 0), self.index(blank, self.columnCount() - 1))
