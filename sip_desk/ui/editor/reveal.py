"""Scrolling the editor's page so a widget the user must see is on screen."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QScrollArea, QWidget

MARGIN = 8


def reveal_soon(widget: QWidget) -> None:
    """Scroll the page to ``widget`` once the layout has placed it (e.g. a message just shown)."""
    QTimer.singleShot(0, widget, lambda: reveal(widget))


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    """The nearest scroll area around ``widget`` (the editor's page)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    return area


def reveal(widget: QWidget) -> None:
    """Scroll the nearest scroll area around ``widget`` so that ``widget`` is on screen."""
    area = scroll_area_of(widget)
    if area is not None and widget.isVisible():
        area.ensureWidgetVisible(widget, MARGIN, MARGIN)
