"""A list's columns at the widths their typical content wants, squeezed (text elided) when the
list is narrower than that, so that it never needs a horizontal scrollbar: with large text on a
1366×768 screen the plan list's columns wanted about 1,000 pixels more than it had.
When even readable widths do not fit (200 % text, a narrow window), the least essential
columns leave the list (highest ``drop`` first, as in the editor's tables) and come back
when there is room."""

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
        self._readable: dict[int, int] = {}
        self._drops: dict[int, int] = {}
        self._room = -1
        table.horizontalHeader().setStretchLastSection(True)
        table.viewport().installEventFilter(self)

    def _parts(self) -> tuple[QWidget, QHeaderView] | None:
        viewport = self.parent()
        table = viewport.parent() if isinstance(viewport, QWidget) else None
        if not isinstance(viewport, QWidget) or not isinstance(table, QTableView):
            return None
        return viewport, table.horizontalHeader()

    def set_wanted(
        self,
        widths: dict[int, int],
        readable: dict[int, int] | None = None,
        drops: dict[int, int] | None = None,
    ) -> None:
        """The width each column would like (its typical text and title); optionally the
        least width at which each is still readable, and for the columns that may leave the
        list when not all are readable, their order of leaving (the highest ``drop`` first)."""
        self._wanted = dict(widths)
        self._readable = dict(readable or {})
        self._drops = {c: d for c, d in (drops or {}).items() if d > 0}
        self._room = -1
        self.fit()

    def _dropped(self, room: int) -> set[int]:
        """The columns to leave out so that the rest are readable within ``room``."""
        least = {c: min(self._readable.get(c, w), w) for c, w in self._wanted.items()}
        dropped: set[int] = set()
        for column in sorted(self._drops, key=lambda c: -self._drops[c]):
            if sum(w for c, w in least.items() if c not in dropped) <= room:
                break
            dropped.add(column)
        return dropped

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
        dropped = self._dropped(room)
        for column in self._drops:
            header.setSectionHidden(column, column in dropped)
        wanted = {c: w for c, w in self._wanted.items() if c not in dropped}
        if self._readable and self._squeeze(header, wanted, room):
            return
        least = header.minimumSectionSize()
        widths = sorted(wanted.values())
        cap, left = max(widths), room
        for index, width in enumerate(widths):  # the largest cap that makes them all fit
            share = left // (len(widths) - index)
            if width > share:
                cap = share
                break
            left -= width
        for column, width in wanted.items():
            header.resizeSection(column, max(least, min(width, cap)))

    def _squeeze(self, header: QHeaderView, wanted: dict[int, int], room: int) -> bool:
        """Each column its readable width plus a share of the room left, in proportion to
        what it wants beyond that; False when not even the readable widths fit."""
        least = {c: min(self._readable.get(c, w), w) for c, w in wanted.items()}
        spare = room - sum(least.values())
        beyond = sum(wanted[c] - least[c] for c in wanted)
        if spare < 0 or beyond <= 0:
            return False
        share = min(1.0, spare / beyond)
        for column, width in wanted.items():
            header.resizeSection(column, least[column] + int((width - least[column]) * share))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parent():
            self.fit()
        return False
