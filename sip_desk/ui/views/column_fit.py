"""A list's columns at the widths their typical content wants, squeezed (text elided) when the
list is narrower than that, so that it never needs a horizontal scrollbar: with large text on a
1366×768 screen the plan list's columns wanted about 1,000 pixels more than it had."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


class ColumnFit(QObject):
    """Keeps ``table``'s columns (the last one stretches) within its width, again on resize.

    It lives on the table's viewport and keeps no other Qt object: Qt creates and deletes the
    viewport and header, and a kept Python wrapper of one would outlive it.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table.viewport())
        self._wanted: dict[int, int] = {}
        self._room = -1
        table.horizontalHeader().setStretchLastSection(True)
        table.viewport().installEventFilter(self)

    def _parts(self) -> tuple[QWidget, QHeaderView] | None:
        viewport = self.parent()
        table = viewport.parent() if isinstance(viewport, QWidget) else None
        if not isinstance(viewport, QWidget) or not isinstance(table, QTableView):
            return None
        return viewport, table.horizontalHeader()

    def set_wanted(self, widths: dict[int, int]) -> None:
        """The width each column would like (its typical text and title)."""
        self._wanted = dict(widths)
        self._room = -1
        self.fit()

    def fit(self) -> None:
        """Each column its wanted width while they all fit; else the widest are cut first,
        all to one width (a short date or status stays whole, a long name is elided)."""
        parts = self._parts()
        if parts is None or not self._wanted:
            return
        viewport, header = parts
        room = viewport.width()
        if room == self._room:
            return
        self._room = room
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
        if event.type() == QEvent.Type.Resize and watched is self.parent():
            self.fit()
        return False
