"""Base of the editable plan-item tables: one stored row per line plus a blank line to add one."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
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

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
ChoicesRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: the data attribute it edits and how its values are typed."""

    attr: str
    header: object  # a QT_TRANSLATE_NOOP source text
    kind: str = "text"  # text | date | bool | choice
    enum: type[StrEnum] | None = None


def _no_commit(*_args: object) -> bool:
    return False


class RowTableModel(QAbstractTableModel):
    """Editable rows of DTOs; edits are handed to ``commit_update`` / ``commit_add``.

    The last line is blank: typing its required column adds a row. Values typed into other
    columns of the blank line first are kept and saved with it.
    """

    COLUMNS: ClassVar[Sequence[Column]] = ()
    DATA_TYPE: ClassVar[type[Any]] = object
    REQUIRED: ClassVar[str] = ""
    CONTEXT: ClassVar[str] = "RowTableModel"

    input_refused = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.draft: dict[str, Any] = {}
        self.choices: dict[str, list[tuple[object, str]]] = {}
        self.commit_update: Callable[[Any, Any], bool] = _no_commit
        self.commit_add: Callable[[Any], bool] = _no_commit

    # Hooks for subclasses -------------------------------------------------------------------
    def placeholder(self) -> str:
        """Text of the blank line's first column."""
        return ""

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
            # One row added at the end: an insert keeps the open editor and the current cell.
            self.beginInsertRows(QModelIndex(), len(old_ids), len(old_ids))
            self.rows = rows
            self.endInsertRows()
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
        return row == len(self.rows)

    def column_of(self, attr: str) -> int:
        return next((i for i, c in enumerate(self.COLUMNS) if c.attr == attr), 0)

    # Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows) + 1

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
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.COLUMNS[index.column()].kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def _value(self, row: int, attr: str) -> Any:
        if self.is_blank(row):
            return self.draft.get(attr, _default(self.DATA_TYPE, attr))
        return getattr(self.rows[row], attr)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.COLUMNS[index.column()]
        value = self._value(index.row(), column.attr)
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_blank(index.row()) and index.column() == 0 and not value:
                return self.placeholder()
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
            from sip_desk.ui.item_models.labels import enum_choices

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
        try:
            parsed = self.parse(column, value, role)
        except ValueError as exc:
            self.input_refused.emit(str(exc))
            return False
        if self.is_blank(index.row()):
            return self._set_draft(index, column.attr, parsed)
        row = self.rows[index.row()]
        if getattr(row, column.attr) == parsed:
            return False
        data = self.row_data(row)
        return self.commit_update(row, dataclasses.replace(data, **{column.attr: parsed}))

    def changed_label(self, row: Any, data: Any) -> str:
        """The header of the one column ``data`` changes on ``row`` ("" for none or several)."""
        changed = [c for c in self.COLUMNS if getattr(row, c.attr) != getattr(data, c.attr)]
        if len(changed) != 1:
            return ""
        return QCoreApplication.translate(self.CONTEXT, str(changed[0].header))

    def row_data(self, row: Any) -> Any:
        names = {f.name for f in dataclasses.fields(self.DATA_TYPE)}
        return self.DATA_TYPE(**{n: getattr(row, n) for n in names})

    def parse(self, column: Column, value: Any, role: int) -> Any:
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState(value) == Qt.CheckState.Checked
            return bool(value)
        if column.kind == "date":
            return parse_iso_date(str(value or ""))
        if column.kind == "choice":
            if value in ("", None):
                return None
            return column.enum(value) if column.enum else value
        return str(value)

    def _set_draft(self, index: Index, attr: str, value: Any) -> bool:
        self.draft[attr] = value
        self.dataChanged.emit(index, index)
        if not str(self.draft.get(self.REQUIRED, "") or "").strip():
            return True
        draft, self.draft = self.draft, {}
        if not self.commit_add(self.new_data(draft)):
            self.draft = draft
        blank = self.index(len(self.rows), 0)
        self.dataChanged.emit(blank, self.index(len(self.rows), self.columnCount() - 1))
        return True


def _default(data_type: type[Any], attr: str) -> Any:
    field = next((f for f in dataclasses.fields(data_type) if f.name == attr), None)
    if field is None or field.default is dataclasses.MISSING:
        return ""
    return field.default


def parse_iso_date(text: str) -> date | None:
    """A date typed as ``ÅÅÅÅ-MM-DD`` or ``ÅÅÅÅMMDD``; empty is none.

    Raises:
        ValueError: with the message to show.
    """
    text = text.strip()
    if not text:
        return None
    digits = text.replace("-", "")
    try:
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError(text)
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ValueError(
            QCoreApplication.translate(
                "RowTableModel", "Write the date as YYYY-MM-DD, e.g. 2026-11-23."
            )
        ) from None
