"""The editor's sections beside its side panel, with a handle that sets the panel's width.

The width the user chose is kept in the settings per screen scale (as the window's geometry is:
a width chosen at 200 % is no width for 100 %), in pixels of normal-size text: with *Large
text* the panel is that much wider, and exactly as wide as before when large text is off again.
A wider or narrower window changes the sections, not the panel. The panel scrolls when it is
taller than the window, so that its wrapped lines are never squeezed and cut.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

from sip_desk.ui.settings import scale_key
from sip_desk.ui.text_scale import on_font_change, px, scale

WIDTH_KEY = "editor/side_width"  # before it was kept per screen scale: read at 100 % only
DEFAULT_WIDTH = 300
MIN_WIDTH = 200
MIN_MAIN_WIDTH = 360


def _scrolled(side: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setObjectName("editor_side_scroll")
    area.setWidget(side)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap
    return area


class SideSplitter(QSplitter):
    """``main`` on the left, ``side`` on the right; the side's width is remembered."""

    def __init__(
        self,
        main: QWidget,
        side: QWidget,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("editor_splitter")
        self.setChildrenCollapsible(False)
        self._settings = settings if settings is not None else QSettings()
        self.addWidget(main)
        scrolled = _scrolled(side)
        self.addWidget(scrolled)
        main.setMinimumWidth(MIN_MAIN_WIDTH)
        scrolled.setMinimumWidth(MIN_WIDTH)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.handle(1).setToolTip(self.tr("Drag to make the side panel wider or narrower"))
        self._placed = False
        self.splitterMoved.connect(self._remember)
        on_font_change(self, self._place)  # large text on or off: the panel follows

    def _stored(self) -> int | None:
        """The chosen width in pixels of normal-size text, at this screen scale."""
        key = scale_key(WIDTH_KEY)
        value = self._settings.value(key)
        if value is None and key == scale_key(WIDTH_KEY, 1.0):
            value = self._settings.value(WIDTH_KEY)
        try:
            return None if value is None else int(str(value))
        except ValueError:
            return None

    def side_width(self) -> int:
        """The width to open the side panel with (wider with large text)."""
        return max(MIN_WIDTH, px(self._stored() or DEFAULT_WIDTH))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:  # once: later the user's handle decides
            self._placed = True
            self._place()

    def _place(self) -> None:
        if not self._placed:
            return
        total = sum(self.sizes())
        side = min(self.side_width(), max(MIN_WIDTH, total - self._main_width()))
        self.setSizes([total - side, side])

    def _main_width(self) -> int:
        """The width the sections need without scrolling sideways (the panel gives way)."""
        main = self.widget(0)
        inner = main.widget() if isinstance(main, QScrollArea) else None
        if not isinstance(main, QScrollArea) or inner is None:
            return MIN_MAIN_WIDTH
        bar = main.verticalScrollBar().sizeHint().width()
        need: int = inner.minimumSizeHint().width() + bar + 2 * main.frameWidth()
        return max(MIN_MAIN_WIDTH, need)

    def _remember(self, _pos: int, _index: int) -> None:
        self._settings.setValue(scale_key(WIDTH_KEY), round(self.sizes()[1] / scale()))
