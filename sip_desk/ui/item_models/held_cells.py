"""Text a stored row's cell refused, held until it can be saved: what the user typed is never lost.

A cell checked against another cell of its row (an action's end date against its start date, a
consent's dates) may refuse a value only because of the other cell. The refused text is held
here, shown in its cell (marked as not saved) and offered again when the cell is edited; when
the row changes (the other cell was corrected), the table tries to save it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
