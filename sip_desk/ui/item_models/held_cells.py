"""Text a stored row's cell refused, held until it can be saved: what the user typed is never lost.

A cell checked against another cell of its row (an action's end date against its start date, a
consent's dates) may refuse a value only because of the other cell. The refused text is held
here, shown in its cell (marked as not saved) and offered again when the cell is edited; when
the row changes (the other cell was corrected), the table tries to save it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, SignalInstance
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Held:
    """``text`` refused for one cell while its row was ``row``."""

    text: str
    row: Any


class HeldCells:
    """Refused cell text by (row id, attribute)."""

    def __init__(self) -> None:
        self._held: dict[tuple[int, str], Held] = {}

    def __bool__(self) -> bool:
        return bool(self._held)

    def hold(self, row: Any, attr: str, text: str) -> None:
        self._held[(row.id, attr)] = Held(text, row)

    def drop(self, row_id: int, attr: str) -> None:
        self._held.pop((row_id, attr), None)

    def text(self, row_id: int, attr: str) -> str | None:
        held = self._held.get((row_id, attr))
        return None if held is None else held.text

    def cells(self) -> list[tuple[int, str]]:
        return list(self._held)

    def due(self, rows: list[Any]) -> list[tuple[int, str]]:
        """Held cells whose row changed since their text was refused (worth another try); held
        cells of rows that are gone are forgotten."""
        by_id = {r.id: r for r in rows}
        for key in [k for k in self._held if k[0] not in by_id]:
            del self._held[key]
        return [k for k, held in self._held.items() if by_id[k[0]] != held.row]


def _not_saved(text: str) -> str:
    return QCoreApplication.translate("RowTableModel", "Not saved: %1").replace("%1", text)


# How a cell shows text it refused: the text itself, marked as not saved.
HELD_ROLES: dict[int, Callable[[str], Any]] = {
    Qt.ItemDataRole.DisplayRole: lambda text: text,
    Qt.ItemDataRole.EditRole: lambda text: text,
    Qt.ItemDataRole.AccessibleTextRole: _not_saved,
    Qt.ItemDataRole.ToolTipRole: _not_saved,
    Qt.ItemDataRole.ForegroundRole: lambda _text: QBrush(QColor("#b00020")),
}


class HoldsRefusedText:
    """A :class:`RowTableModel`'s part that holds refused text in its cells."""

    held: HeldCells
    rows: list[Any]

    if TYPE_CHECKING:  # what it uses of the model (the model defines them)
        dataChanged: SignalInstance  # noqa: N815

        def is_blank(self, row: int) -> bool: ...
        def row_of(self, item_id: int) -> int: ...
        def column_of(self, attr: str) -> int: ...
        def index(self, row: int, column: int) -> QModelIndex: ...
        def setData(self, index: Index, value: Any) -> bool: ...  # noqa: N802

    def _held_text(self, row: int, attr: str) -> str | None:
        if not self.held or self.is_blank(row):
            return None
        return self.held.text(self.rows[row].id, attr)

    def _hold(self, index: Index, row: Any, attr: str, value: Any) -> None:
        if row is not None and isinstance(value, str):
            self.held.hold(row, attr, value)
            self.dataChanged.emit(index, index)

    def _drop_held(self, index: Index, row_id: int, attr: str) -> None:
        if self.held.text(row_id, attr) is not None:
            self.held.drop(row_id, attr)
            self.dataChanged.emit(index, index)

    def retry_held(self) -> None:
        """Save held text again where its row changed since it was refused (its other cell may
        have been corrected); what is still refused stays held, with its message."""
        for row_id, attr in self.held.due(self.rows):
            row = self.row_of(row_id)
            text = self.held.text(row_id, attr)
            if row >= 0 and text is not None:
                self.setData(self.index(row, self.column_of(attr)), text)
