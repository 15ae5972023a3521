"""The "Follow-ups" tab: hosts the coordinator's worklist, built the first time it is shown.

The worklist panel imports the follow-up services and starts background queries, so it is
made only once the store is open *and* the user opens the tab (start-up stays light).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sip_desk.ui.events import AppEvents

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QShowEvent

    from sip_desk.services.registry import Services
    from sip_desk.ui.worklist.worklist_panel import WorklistPanel


class WorklistTab(QWidget):
    """A placeholder until the store is open; then the :class:`WorklistPanel` on first show."""

    def __init__(
        self,
        events: AppEvents,
        lang: str,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("worklistTab")
        self._settings = settings  # where the worklist keeps its range
        self._events = events
        self._lang = lang
        self._services: Services | None = None
        self.panel: WorklistPanel | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.waiting = QLabel(self.tr("The worklist is shown once the database is open."), self)
        self.waiting.setObjectName("worklistWaiting")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.waiting)

    def attach(self, services: Services) -> None:
        self._services = services
        if self.isVisible():
            self.ensure_panel()

    def ensure_panel(self) -> WorklistPanel | None:
        """The worklist panel, made now if the store is open and it is not made yet."""
        if self.panel is None and self._services is not None:
            from sip_desk.ui.worklist.worklist_panel import WorklistPanel

            self.panel = WorklistPanel(
                self._services, self._events, self._lang, self, settings=self._settings
            )
            self.waiting.hide()
            self._layout.addWidget(self.panel)
        return self.panel

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_panel()
