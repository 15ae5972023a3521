"""A grid with one row per goal or action of a follow-up record; rows survive a refresh.

Rows are keyed by the item's id. When the plan's goals or actions change, rows that stay keep
their widgets (and so any text typed but not yet saved); new rows are built, gone rows removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

Cells = list[QWidget]


class ReviewGrid(QWidget):
    """Column headers (the first for the item itself), then one row per item: its label and the
    cells ``build(item_id)`` makes; ``drop(item_id)`` forgets a removed row's bindings."""

    def __init__(
        self,
        headers: Sequence[str],
        build: Callable[[int], Cells],
        drop: Callable[[int], None],
        empty: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._build, self._drop = build, drop
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate(headers):
            self.grid.addWidget(QLabel(f"<b>{text}</b>", self), 0, column)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(len(headers) - 1, 3)
        self._columns = len(headers)
        self.empty = QLabel(empty, self)
        self.grid.addWidget(self.empty, 1, 0, 1, self._columns)
        self.rows: dict[int, tuple[QLabel, Cells]] = {}

    def sync(self, items: Sequence[tuple[int, str]]) -> bool:
        """Show one row per ``(id, text)`` in this order; True when rows were added or removed."""
        wanted = [item_id for item_id, _ in items]
        changed = wanted != list(self.rows)
        if changed:
            self._relayout(wanted)
        for item_id, text in items:
            label = self.rows[item_id][0]
            if label.text() != text:
                label.setText(text)
        return changed

    def _relayout(self, wanted: list[int]) -> None:
        for item_id in [i for i in self.rows if i not in wanted]:
            label, cells = self.rows.pop(item_id)
            self._drop(item_id)
            for widget in (label, *cells):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        for item_id in wanted:
            if item_id not in self.rows:
                label = QLabel(self)
                label.setWordWrap(True)
                self.rows[item_id] = (label, self._build(item_id))
        self.rows = {i: self.rows[i] for i in wanted}
        self.grid.removeWidget(self.empty)
        for row, (label, cells) in enumerate(self.rows.values(), start=1):
            for column, widget in enumerate((label, *cells)):
                self.grid.removeWidget(widget)
                self.grid.addWidget(widget, row, column)
                widget.show()  # at once, not on the next turn of the event loop
        self.grid.addWidget(self.empty, 1, 0, 1, self._columns)
        self.empty.setVisible(not self.rows)
