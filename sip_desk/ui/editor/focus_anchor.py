"""Keeping the field the user is in at the same place on screen while the page around it
changes height (a message shown or hidden, a save that redraws a part above it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid


class FocusAnchor(QObject):
    """Watches the page of ``area``: remembers where the focused field sits in the view, and
    when the page's layout changes, moves the scroll bar by the height gained or lost above it."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._widget: QWidget | None = None
        self._top = 0
        self._pending = False
        self._range_moved = False
        page = area.widget()
        assert page is not None
        page.installEventFilter(self)
        area.verticalScrollBar().valueChanged.connect(self._scrolled)
        area.verticalScrollBar().rangeChanged.connect(self._range_changed)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]

    def _focused(self) -> QWidget | None:
        if not isValid(self._area):
            return None  # the editor is being closed: the focus moves on without it
        widget = QApplication.focusWidget()
        page = self._area.widget()
        if widget is None or page is None or not page.isAncestorOf(widget):
            return None
        return widget

    def _top_in_view(self, widget: QWidget) -> int:
        return widget.mapTo(self._area.viewport(), QPoint(0, 0)).y()

    def remember(self) -> None:
        """Note where the focused field is in the view now."""
        widget = self._focused()
        self._widget = widget
        if widget is not None:
            self._top = self._top_in_view(widget)

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.remember()

    def _range_changed(self, _low: int, _high: int) -> None:
        self._range_moved = True

    def _scrolled(self, value: int) -> None:
        bar = self._area.verticalScrollBar()
        clamped = self._range_moved and value in (bar.minimum(), bar.maximum())
        self._range_moved = False
        if not clamped:  # the user's (or a reveal's) scroll, not the page's clamping
            self.remember()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.LayoutRequest, QEvent.Type.Resize) and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._restore)
        return False

    def _restore(self) -> None:
        self._pending = False
        self._range_moved = False
        if not isValid(self._area):
            return
        widget = self._widget
        if widget is None or widget is not self._focused() or not widget.isVisible():
            self.remember()
            return
        shift = self._top_in_view(widget) - self._top
        if shift:
            bar = self._area.verticalScrollBar()
            bar.setValue(bar.value() + shift)
        self.remember()
