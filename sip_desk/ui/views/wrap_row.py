"""A row of groups (a search bar's parts, two filter forms, two sets of buttons) that wraps
them onto more lines, as words wrap, when the row is too narrow for all of them side by side.

A row of widgets asks for the sum of their widths as its minimum, and a window never gets
narrower than its content's minimum: with large text, or at 200 % on a small screen, that is
wider than the screen. This row asks only for its widest group.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget


class WrapRow(QWidget):
    """``groups`` side by side while their preferred widths fit, else on as many lines as
    needed (each line as many groups, in order, as fit its width)."""

    def __init__(self, parent: QWidget, *groups: QLayout, stretches: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self._groups = list(groups)
        self._stretches = [stretches[i] if i < len(stretches) else 0 for i in range(len(groups))]
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._lines: list[QBoxLayout] = []
        self._breaks: tuple[int, ...] = ()
        self._arrange(())

    def _spacing(self) -> int:
        return max(0, self._column.spacing())

    def _breaks_for(self, width: int) -> tuple[int, ...]:
        """Where new lines start (group indexes) for ``width``, filling each line greedily."""
        breaks: list[int] = []
        used = 0
        for index, group in enumerate(self._groups):
            wanted = group.sizeHint().width()
            if index and used + self._spacing() + wanted > width:
                breaks.append(index)
                used = wanted
            else:
                used += (self._spacing() if index else 0) + wanted
        return tuple(breaks)

    def _arrange(self, breaks: tuple[int, ...]) -> None:
        # The groups move to their new lines. Not takeAt(): its item (the group) would belong
        # to Python and be deleted with the discarded result.
        for line in self._lines:
            for group in self._groups:
                line.removeItem(group)
            self._column.removeItem(line)
            line.deleteLater()
        for group in self._groups:
            group.setParent(None)  # kept alive by self._groups until a new line takes it
        self._lines = []
        starts = [0, *breaks]
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(self._groups)
            line = QHBoxLayout()
            self._column.addLayout(line)
            for index in range(start, end):
                line.addLayout(self._groups[index], self._stretches[index])
            self._lines.append(line)
        self._breaks = breaks

    def minimumSizeHint(self) -> QSize:
        widest = max(group.minimumSize().width() for group in self._groups)
        return QSize(widest, self._column.minimumSize().height())

    def sizeHint(self) -> QSize:
        hints = [group.sizeHint().width() for group in self._groups]
        wide = sum(hints) + self._spacing() * (len(hints) - 1)
        return QSize(wide, self._column.sizeHint().height())

    def line_count(self) -> int:
        return len(self._lines)

    def resizeEvent(self, event: QResizeEvent) -> None:
        breaks = self._breaks_for(event.size().width())
        if breaks != self._breaks:
            self._arrange(breaks)
            self.updateGeometry()  # taller or shorter now: the parent lays out again
        super().resizeEvent(event)
