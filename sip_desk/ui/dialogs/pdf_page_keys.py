"""Page Down / Page Up in a PDF preview, wherever the keyboard focus is in the dialog (the
language list, a button or the pages themselves): within a page taller than the view, about a
view's height per press (a few lines overlap); from a page whose end is shown, to the next
page's top (Page Up: to the previous page's end). Nothing of a page is skipped.

The page being read is found from the scroll position (the user may have scrolled by hand),
with the view's own layout: its margins, the space between pages and the zoom.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

_SLACK = 4  # pixels: a page top this close to the view's top counts as reached
_OVERLAP = 0.1  # of the view's height: kept in view when scrolling within a page


def _qround(value: float) -> int:
    """Qt's qRound: halves away from zero (Python's round() takes halves to even)."""
    return math.floor(value + 0.5) if value >= 0 else math.ceil(value - 0.5)


class PdfPageKeys(QObject):
    """Binds Page Down / Page Up in ``window`` to ``view``'s pages."""

    def __init__(self, window: QWidget, view: QPdfView) -> None:
        super().__init__(window)
        self._view = view
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), window, lambda: self.go(1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), window, lambda: self.go(-1))

    def _page_spans(self) -> list[tuple[int, int]]:
        """Where each page's top and bottom lie in the scrolled area, in pixels: the view's own
        layout arithmetic (QPdfViewPrivate::calculateDocumentLayout), whole pixels rounded as
        it rounds them. Fractions would drift a pixel or more from its pages after a few."""
        view, document = self._view, self._view.document()
        screen = QGuiApplication.primaryScreen()
        resolution = (screen.logicalDotsPerInch() if screen is not None else 72.0) / 72
        margins = view.documentMargins()
        room = view.viewport().width() - margins.left() - margins.right()
        spans, top = [], margins.top()
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            width = _qround(points.width() * resolution)
            height = _qround(points.height() * resolution)
            if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
                height = _qround(height * room / max(1, width))
            elif view.zoomMode() == QPdfView.ZoomMode.Custom:
                height = _qround(points.height() * resolution * view.zoomFactor())
            spans.append((top, top + height))
            top += height + view.pageSpacing()
        return spans

    def go(self, step: int) -> None:
        """Page Down (``step`` 1): a view further down the page being read, or the next page's
        top when this page's end is shown. Page Up (-1): a view further up the page, or the
        previous page's end when this page's top is shown."""
        document = self._view.document()
        if document is None or document.pageCount() == 0:
            return
        bar = self._view.verticalScrollBar()
        shown, height = bar.value(), self._view.viewport().height()
        spans = self._page_spans()
        current = max(i for i, (top, _end) in enumerate(spans) if top <= shown + _SLACK or i == 0)
        top, end = spans[current]
        stride = max(1, height - int(height * _OVERLAP))
        longest = (stride + height) // 2  # a page's last part: at once, keeping some overlap
        if step > 0 and end > shown + height:
            # The rest of this page; its end at once rather than a last press of a few lines.
            rest = end - height - shown
            bar.setValue(shown + (rest if rest <= longest else stride))
        elif step < 0 and shown > top + _SLACK:
            rest = shown - top
            bar.setValue(shown - (rest if rest <= longest else stride))  # further up
        elif step < 0 and current > 0:
            before_top, before_end = spans[current - 1]
            bar.setValue(max(before_top, before_end - height))  # the previous page's end
        elif step > 0 and current + 1 < len(spans):
            self._jump(current + 1)

    def _jump(self, page: int) -> None:
        """The top of ``page``, as the view itself places it."""
        navigator = self._view.pageNavigator()
        # The view scrolls only when the navigator's page changes: step off it and back.
        if page == navigator.currentPage():
            navigator.jump(page - 1, QPointF(), 0)
        navigator.jump(page, QPointF(), 0)
