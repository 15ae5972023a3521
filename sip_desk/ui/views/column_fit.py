"""A list's columns at the widths their typical content wants, squeezed (text elided) when the
list is narrower than that, so that it never needs a horizontal scrollbar: with large text on a
1366×768 screen the plan list's columns wanted about 1,000 pixels more than it had."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


class ColumnFit(QObject):
    """Keeps ``table``'s columns (the last one stretches) within its width, again on resize."""

    def __init__(self, table: QTableView) -> None:
        # Only the viewport and header are kept: the viewport's events still arrive while the
        # table is being destroyed, when the table itself can no longer be asked anything.
        self._viewport, self._header = table.viewport(), table.horizontalHeader()
        super().__init__(self._viewport)
        self._wanted: dict[int, int] = {}
        self._room = -1
        self._header.setStretchLastSection(True)
        self._viewport.installEventFilter(self)

    def set_wanted(self, widths: dict[int, int]) -> None:
        """The width each column would like (its typical text and title)."""
        self._wanted = dict(widths)
        self._room = -1
        self.fit()

    def fit(self) -> None:
        """Each column its wanted width while they all fit; else the widest are cut first,
        all to one width (a short date or status stays whole, a long name is elided)."""
        room = self._viewport.width()
        if room == self._room or not self._wanted:
            return
        self._room = room
        header = self._header
        least = header.minimumSectionSize()
        widths = sorted(self._wanted.values())
        cap, left = max(widths), room
        for index, width in enumerate(widths):  # the largest cap that makes them all fit
            share = left // (len(widths) - index)
            if width > share:
                cap = share
                break
            left -= width
        for column, width in self._wanted.items():
            header.resizeSection(column, max(least, min(width, cap)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit()
        return False
