"""The editor's sections beside its side panel, with a handle that sets the panel's width.

The width the user chose is kept in the settings (logical pixels, so the same at any scale) and
every editor opens with it; a wider or narrower window changes the sections, not the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QWidget

from sip_desk.ui.text_scale import px

WIDTH_KEY = "editor/side_width"
DEFAULT_WIDTH = 300
MIN_WIDTH = 200
MIN_MAIN_WIDTH = 360


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
        self.addWidget(side)
        main.setMinimumWidth(MIN_MAIN_WIDTH)
        side.setMinimumWidth(MIN_WIDTH)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 0)
        self.handle(1).setToolTip(self.tr("Drag to make the side panel wider or narrower"))
        self._placed = False
        self.splitterMoved.connect(self._remember)

    def side_width(self) -> int:
        """The width to open the side panel with."""
        default = px(DEFAULT_WIDTH)  # until the user chooses: wider with large text
        try:
            width = int(str(self._settings.value(WIDTH_KEY, default)))
        except ValueError:
            width = default
        return max(MIN_WIDTH, width)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:  # once: later the user's handle decides
            self._placed = True
            total = sum(self.sizes())
            side = min(self.side_width(), max(MIN_WIDTH, total - MIN_MAIN_WIDTH))
            self.setSizes([total - side, side])

    def _remember(self, _pos: int, _index: int) -> None:
        self._settings.setValue(WIDTH_KEY, self.sizes()[1])
