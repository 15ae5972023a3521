"""What the user sees of the editor's tables (for the layout child): per table, the headers cut
short, the column that says what the row is (its width, what it needs, its longest word), the
tallest row in lines of text and the columns left out of the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sip_desk.ui.editor.item_table import ItemTable


def table_looks(window: QWidget, shots: str = "") -> dict[str, object]:
    found: dict[str, object] = {}
    for table in window.findChildren(ItemTable):
        if not table.isVisible():
            continue
        model, header = table.row_model, table.horizontalHeader()
        if shots:
            table.grab().save(str(Path(shots) / f"{table.objectName()}.png"))
        shown = [c for c in range(header.count()) if not table.isColumnHidden(c)]
        metrics, header_metrics = table.fontMetrics(), header.fontMetrics()
        cut = []
        for column in shown:
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            word = max((header_metrics.horizontalAdvance(w) for w in text.split()), default=0)
            if word > header.sectionSize(column) - 4:  # the header's padding
                cut.append(text)
        required = model.column_of(model.REQUIRED)
        words = {
            w
            for row in range(model.rowCount())
            for w in str(model.index(row, required).data() or "").split()
        }
        rows = [table.rowHeight(r) for r in range(model.rowCount())]
        found[table.objectName()] = {
            "headers_cut": cut,
            "required_width": header.sectionSize(required),
            "required_needs": table.sizeHintForColumn(required),
            "longest_word": max((metrics.horizontalAdvance(w) for w in words), default=0),
            "room": table.viewport().width(),
            "tallest_row_lines": max(rows, default=0) / metrics.lineSpacing(),
            "rows": model.rowCount(),
            "left_out": [
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c, spec in enumerate(model.COLUMNS)
                if spec.table and table.isColumnHidden(c)
            ],
        }
    return found
