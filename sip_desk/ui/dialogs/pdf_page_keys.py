"""Page Down / Page Up in a PDF preview: one page of the document per press, wherever the
keyboard focus is in the dialog (the language list, a button or the pages themselves).

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

    def _page_tops(self) -> list[int]:
        """Where each page's top lies in the scrolled area, in pixels: the view's own layout
        arithmetic (QPdfViewPrivate::calculateDocumentLayout), whole pixels rounded as it
        rounds them. Fractions would drift a pixel or more from its pages after a few."""
        view, document = self._view, self._view.document()
        screen = QGuiApplication.primaryScreen()
        resolution = (screen.logicalDotsPerInch() if screen is not None else 72.0) / 72
        margins = view.documentMargins()
        room = view.viewport().width() - margins.left() - margins.right()
        tops, top = [], margins.top()
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            width = _qround(points.width() * resolution)
            height = _qround(points.height() * resolution)
            if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
                height = _qround(height * room / max(1, width))
            elif view.zoomMode() == QPdfView.ZoomMode.Custom:
                height = _qround(points.height() * resolution * view.zoomFactor())
            tops.append(top)
            top += height + view.pageSpacing()
        return tops

    def go(self, step: int) -> None:
        """Page Down (``step`` 1): the next page's top. Page Up (-1): the top of the page being
        read, or of the one before when its top is shown already."""
        document = self._view.document()
        if document is None or document.pageCount() == 0:
            return
        shown = self._view.verticalScrollBar().value()
        tops = self._page_tops()
        current = max(i for i, top in enumerate(tops) if top <= shown + _SLACK or i == 0)
        above = step < 0 and shown > tops[current] + _SLACK
        page = current if above else min(max(current + step, 0), len(tops) - 1)
        navigator = self._view.pageNavigator()
        # The view scrolls only when the navigator's page changes: step off it and back.
        if page == navigator.currentPage() and len(tops) > 1:
            navigator.jump(page + 1 if page + 1 < len(tops) else page - 1, QPointF(), 0)
        navigator.jump(page, QPointF(), 0)
