"""A table header whose sort arrow points the way people read it: up for A to Z (ascending),
down for Z to A, as in the file managers of Windows and macOS. Qt's own styles draw ascending as
a down arrow, which users took for "the wrong order"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

_FLIP = {
    QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
    QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
}


class SortArrowHeader(QHeaderView):
    """A horizontal, clickable header with the arrow turned: up is ascending."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        option.sortIndicator = _FLIP.get(option.sortIndicator, option.sortIndicator)
        # A narrow column shows "Organi…", not a word cut at both ends (styled headers clip).
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self)
        arrow = 0
        if option.sortIndicator != QStyleOptionHeader.SortIndicator.None_:
            arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, self)
        room = self.sectionSize(logical_index) - 2 * margin - arrow
        option.text = self.fontMetrics().elidedText(option.text, Qt.TextElideMode.ElideRight, room)
