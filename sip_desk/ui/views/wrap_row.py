"""A row of groups (a search bar's parts, two filter forms, two sets of buttons) that puts them
one under the other when the row is too narrow for them side by side.

A row of widgets asks for the sum of their widths as its minimum, and a window never gets
narrower than its content's minimum: with large text, or at 200 % on a small screen, that is
wider than the screen. This row asks only for its widest group.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

_WIDE = QBoxLayout.Direction.LeftToRight
_NARROW = QBoxLayout.Direction.TopToBottom


class WrapRow(QWidget):
    """``groups`` side by side while their preferred widths fit, else stacked."""

    def __init__(self, parent: QWidget, *groups: QLayout, stretches: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self._groups = groups
        self._box = QBoxLayout(_WIDE, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        for index, group in enumerate(groups):
            self._box.addLayout(group, stretches[index] if index < len(stretches) else 0)

    def _wide_width(self) -> int:
        """The width the groups want side by side."""
        hints = [group.sizeHint().width() for group in self._groups]
        return sum(hints) + self._box.spacing() * (len(hints) - 1)

    def minimumSizeHint(self) -> QSize:
        widest = max(group.minimumSize().width() for group in self._groups)
        return QSize(widest, self._box.minimumSize().height())

    def sizeHint(self) -> QSize:
        return QSize(self._wide_width(), self._box.sizeHint().height())

    def is_wrapped(self) -> bool:
        return self._box.direction() == _NARROW

    def resizeEvent(self, event: QResizeEvent) -> None:
        direction = _WIDE if event.size().width() >= self._wide_width() else _NARROW
        if direction != self._box.direction():
            self._box.setDirection(direction)
            self.updateGeometry()  # taller or shorter now: the parent lays out again
        super().resizeEvent(event)
