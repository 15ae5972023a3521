"""Scrolling the editor's page so a widget the user must see is on screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QWidget

MARGIN = 8
CAPTION_ROOM = 48  # above a field brought to the top: its caption or heading stays in sight


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
    if area is None or not widget.isVisible():
        return
    focused = QApplication.focusWidget()
    page = area.widget()
    keep = (
        focused if focused is not None and page is not None and page.isAncestorOf(focused) else None
    )
    if keep is not None and not _in_view(area, keep):
        keep = None
    bar = area.verticalScrollBar()
    before = bar.value()
    area.ensureWidgetVisible(widget, MARGIN, MARGIN)
    if keep is not None and not _in_view(area, keep):
        bar.setValue(
            before
        )  # the field the user is in stays in sight, even if the message does not


def _in_view(area: QScrollArea, widget: QWidget) -> bool:
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    return top >= 0 and top + widget.height() <= area.viewport().height()


def bring_near_top(widget: QWidget) -> None:
    """Scroll the page so ``widget`` (a field a link leads to) is near the top of the view, with
    room for its caption above; no scrolling when it is already wholly in view."""
    area = scroll_area_of(widget)
    page = area.widget() if area is not None else None
    if area is None or page is None:
        return
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    if top >= 0 and top + widget.height() <= area.viewport().height():
        return
    bar = area.verticalScrollBar()
    bar.setValue(max(0, widget.mapTo(page, QPoint(0, 0)).y() - CAPTION_ROOM))


def scroll_to_top(widget: QWidget) -> None:
    """Scroll the page so that the top edge of ``widget`` (a section) is at the top of the view,
    now and once more when the layout has settled."""

    def scroll() -> None:
        area = scroll_area_of(widget)
        page = area.widget() if area is not None else None
        if area is None or page is None or not widget.isVisible():
            return
        top = widget.mapTo(page, QPoint(0, 0)).y()
        area.verticalScrollBar().setValue(max(0, top - MARGIN))

    scroll()
    QTimer.singleShot(0, widget, scroll)


def reveal_cell(view: QAbstractItemView, index: QModelIndex | QPersistentModelIndex) -> None:
    """Scroll the editor's page so the cell ``index`` of ``view`` can be seen."""
    area = scroll_area_of(view)
    page = area.widget() if area is not None else None
    if not index.isValid() or area is None or page is None:
        return
    rect = view.visualRect(index)
    centre = view.viewport().mapTo(page, rect.center())
    # Room for a line above and below, so the cell never sits on the page's edge.
    area.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 8, 2 * rect.height() + 8)
