"""How an editor table sizes itself: columns as wide as their text within its width, the least
essential columns left for the row's form when it is too narrow, the table as tall as its rows.

A table not on screen yet (an editor being built) is fitted once, when it is shown; column
widths stay put while rows come and go, and are fitted afresh at a new width or text size.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QTableView

from sip_desk.ui.editor.column_widths import columns_to_drop, fit_columns
from sip_desk.ui.item_models.row_table_model import RowTableModel
from sip_desk.ui.text_scale import on_font_change

MAX_COLUMN_WIDTH = 260
MAX_HEIGHT = 420
MIN_ROWS = 4


class TableFit(QObject):
    """Keeps ``table`` fitted to its model's rows, its width and the text size."""

    def __init__(self, table: QTableView, model: RowTableModel) -> None:
        super().__init__(table)
        self._table, self._model = table, model
        self._fitted = False  # columns fitted at this width and text size: they keep theirs
        self._unfitted = False  # asked to fit while not on screen
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self.fit)
        on_font_change(table, self.refit)  # rows as tall as their text at any text size
        self.fit()

    def fit(self, *_args: object) -> None:
        """Fit now, or once the table is shown."""
        table, model = self._table, self._model
        if not table.isVisible():
            self._unfitted = True
            return
        self._unfitted = False
        required = model.column_of(model.REQUIRED)
        texts = {c for c, spec in enumerate(model.COLUMNS) if spec.kind == "text"}
        drops = {c: spec.drop for c, spec in enumerate(model.COLUMNS) if spec.table}
        dropped = columns_to_drop(table, drops, required, MAX_COLUMN_WIDTH)
        for column in drops:
            if table.isColumnHidden(column) != (column in dropped):
                table.setColumnHidden(column, column in dropped)  # too narrow: in the row's form
                self._fitted = False
        fit_columns(table, required, texts, MAX_COLUMN_WIDTH, stable=self._fitted)
        self._fitted = True
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        rows = table.verticalHeader().length()
        frame = 2 * table.frameWidth() + header.height()
        scrollbar = table.horizontalScrollBar()
        extra = scrollbar.sizeHint().height() if scrollbar.maximum() > 0 else 0
        table.setFixedHeight(min(max(rows, MIN_ROWS * header.height()), MAX_HEIGHT) + frame + extra)

    def refit(self) -> None:
        """The text size changed: every column is fitted afresh."""
        self._fitted = False
        self.fit()

    def shown(self) -> None:
        """The table came on screen: fitted now if a fit waited for it."""
        if self._unfitted:
            self.fit()

    def resized(self, event: QResizeEvent) -> None:
        """The table was resized (call after the view's own resize handling)."""
        change = abs(event.size().width() - event.oldSize().width())
        if change:
            # A new width is fitted afresh; the page's scroll bar coming or going is not one.
            bar = self._table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            self._fitted = self._fitted and change <= 2 * bar
            self.fit()
