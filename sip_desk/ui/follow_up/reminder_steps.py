"""The application's follow-up reminders: checked at start and once a day, shown in the tray or,
without one, in the window's banner: a part of :class:`~sip_desk.app.DesktopApp`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from sip_desk.services.registry import Services
    from sip_desk.ui.follow_up.reminders import ReminderNotifier
    from sip_desk.ui.main_window import MainWindow


class ReminderSteps:
    """Reminder handling of the desktop application (which owns these attributes)."""

    services: Services | None
    reminders: ReminderNotifier | None
    window: MainWindow
    qapp: QApplication

    def start_reminders(self, use_tray: bool | None = None) -> None:
        """Check what is due now and once a day; the tray shows it, else the window's banner."""
        if self.services is None or self.reminders is not None or self.closed:
            return
        from sip_desk.ui.follow_up.reminders import ReminderNotifier
        from sip_desk.ui.icons import Icon, icon

        notifier = ReminderNotifier(
            self.services.follow_ups, icon=icon(Icon.PLAN_OPEN), parent=self.qapp, use_tray=use_tray
        )
        notifier.notice.connect(self._on_reminder_notice)
        if notifier.tray is not None:
            notifier.tray.messageClicked.connect(self._on_tray_message_clicked)
        self.reminders = notifier
        notifier.start()

    def stop_reminders(self) -> None:
        if self.reminders is not None:
            self.reminders.timer.stop()
            # A check still on the runner must not report to a window that is gone.
            self.reminders.notice.disconnect(self._on_reminder_notice)
            self.reminders.deleteLater()  # removes its tray icon too
            self.reminders = None

    def _on_tray_message_clicked(self) -> None:
        self.window.show_worklist()  # the window of the moment (rebuilt on a language change)
        self.window.raise_()

    @property
    def closed(self) -> bool:
        """The window is gone (closed and deleted): start-up steps still pending do nothing."""
        import shiboken6

        return not shiboken6.isValid(self.window)

    def _on_reminder_notice(self, text: str) -> None:
        if self.closed:
            return
        if self.reminders is not None and self.reminders.tray is None:
            self.window.banner.show_notice(text)

    def _on_reminders_requested(self) -> None:
        if self.reminders is None:
            self.start_reminders()
        elif not self.reminders.check_now():
            text = QCoreApplication.translate(
                "DesktopApp", "Nothing is due or overdue in the coming week."
            )
            self.window.show_status(text)
