"""Reminders: at start-up and once a day while the app is open, say what is due or overdue.

The notice goes to the system tray when there is one, and to ``notice`` (the window's banner).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from sip_desk.domain.errors import DomainError
from sip_desk.domain.worklist import Urgency, WorklistCounts
from sip_desk.services.follow_ups import FollowUpService
from sip_desk.ui.worklist.worklist_labels import count_number

DAY_MS = 24 * 60 * 60 * 1000


class ReminderNotifier(QObject):
    """Checks the worklist now and once a day; ``last_text`` is "" if nothing is due."""

    notice = Signal(str)

    def __init__(
        self,
        follow_ups: FollowUpService,
        icon: QIcon | None = None,
        parent: QObject | None = None,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self._follow_ups = follow_ups
        self.last_text = ""
        self.timer = QTimer(self, interval=DAY_MS)
        self.timer.timeout.connect(self.check_now)
        tray = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        if tray:
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.setToolTip("SIP Desk")
            self.tray.show()

    def start(self) -> None:
        self.check_now()
        self.timer.start()

    def check_now(self) -> str:
        """Query the counts and report; returns the text ("" when nothing is due)."""
        try:
            counts = self._follow_ups.reminder()
        except DomainError:
            return self.last_text
        self.last_text = self.text_for(counts)
        if self.last_text:
            if self.tray is not None:
                self.tray.showMessage(self.tr("SIP Desk: follow-ups"), self.last_text)
            self.notice.emit(self.last_text)
        return self.last_text

    def text_for(self, counts: WorklistCounts) -> str:
        """A short sentence such as "2 overdue, 1 today, 3 this week"."""
        parts = [
            text.replace("%1", count_number(value, urgency in counts.capped))
            for value, text, urgency in (
                (counts.overdue, self.tr("%1 overdue"), Urgency.OVERDUE),
                (counts.today, self.tr("%1 due today"), Urgency.TODAY),
                (counts.this_week, self.tr("%1 due this week"), Urgency.THIS_WEEK),
            )
            if value
        ]
        if not parts:
            return ""
        return self.tr("Follow-up: %1.").replace("%1", ", ".join(parts))
