"""A list whose lines wrap at whole words inside its width, never cut and never sideways."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QListWidget, QWidget

from sip_desk.ui.text_scale import on_font_change

ITEM_PADDING = 4  # matches the QListWidget::item padding set below
_SLACK = 4  # the style's own margin around an item's text


class WrappedList(QListWidget):
    """Each row is as tall as its text wrapped at the list's current width.

    Qt's own word wrap measures rows once, at the width the list had then, so a row laid out while
    the panel was narrow stayed too short (its end elided) or too tall after a resize.
    """

    def __init__(self, parent: QWidget | None = None, padding: int = ITEM_PADDING) -> None:
        super().__init__(parent)
        self._padding = padding
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setStyleSheet(f"QListWidget::item {{ padding: {padding}px; }}")
        self._fitted_width = -1
        on_font_change(self, self.fit_rows)  # rows as tall as their text at any text size

    def text_width(self) -> int:
        """The width a line's text wraps at."""
        return max(40, self.viewport().width() - 2 * self._padding - _SLACK)

    def row_height(self, text: str) -> int:
        """The height of a row holding ``text`` at the current width."""
        bounds = QRect(0, 0, self.text_width(), 100_000)
        wrapped = self.fontMetrics().boundingRect(bounds, Qt.TextFlag.TextWordWrap, text)
        return wrapped.height() + 2 * self._padding + _SLACK

    def content_height(self) -> int:
        """The height of all rows, for a list sized to its lines."""
        return sum(self.row_height(self.item(i).text()) for i in range(self.count()))

    def fit_rows(self) -> None:
        """Measure every row again at the current width."""
        width = self._fitted_width = self.viewport().width()
        for i in range(self.count()):
            item = self.item(i)
            item.setSizeHint(QSize(width, self.row_height(item.text())))
        self.doItemsLayout()

    def viewportEvent(self, event: QEvent) -> bool:
        # The viewport narrows when the scroll bar appears: wrap again, inside it.
        if event.type() == QEvent.Type.Resize and self.viewport().width() != self._fitted_width:
            self.fit_rows()
        return super().viewportEvent(event)
