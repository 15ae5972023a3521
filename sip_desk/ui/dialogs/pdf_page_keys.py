"""Page Down / Page Up in a PDF preview: one page of the document per press, wherever the
keyboard focus is in the dialog (the language list, a button or the pages themselves).

The page being read is found from the scroll position (the user may have scrolled by hand),
with the view's own layout: its margins, the space between pages and the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

_SLACK = 4  # pixels: a page top this close to the view's top counts as reached


class PdfPageKeys(QObject):
    """Binds Page Down / Page Up in ``window`` to ``view``'s pages."""

    def __init__(self, window: QWidget, view: QPdfView) -> None:
        super().__init__(window)
        self._view = view
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), window, lambda: self.go(1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), window, lambda: self.go(-1))

    def _page_tops(self) -> list[float]:
        """Where each page's top lies in the scrolled area, in pixels."""
        view, document = self._view, self._view.document()
        sizes = [document.pagePointSize(i) for i in range(document.pageCount())]
        margins = view.documentMargins()
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            room = view.viewport().width() - margins.left() - margins.right()
            scale = room / max(size.width() for size in sizes)
        else:
            scale = view.zoomFactor() * view.logicalDpiY() / 72
        tops, top = [], float(margins.top())
        for size in sizes:
            tops.append(top)
            top += size.height() * scale + view.pageSpacing()
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
