"""An editor's meeting mode: opens the shared-screen window on the chosen screen, keeps it in
step with the plan as it is saved, and closes it again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from sip_desk.ui.meeting_mode.screens import meeting_screen
from sip_desk.ui.settings import AppSettings


class MeetingMode(QObject):
    """Meeting mode of the editor ``editor``; the keyboard stays in the editor throughout."""

    active_changed = Signal(bool)

    def __init__(
        self,
        now: Callable[[], datetime],
        editor: QWidget,
        settings: Callable[[], AppSettings] = AppSettings,
    ) -> None:
        super().__init__(editor)
        self._now, self._editor, self._settings = now, editor, settings
        self.window: MeetingModeWindow | None = None

    @property
    def active(self) -> bool:
        return self.window is not None and self.window.isVisible()

    def open(self, plan: PlanDetail) -> None:
        """Show ``plan`` full screen on the chosen screen (or raise it when already shown)."""
        if self.window is None:
            self.window = MeetingModeWindow(self._now, self._editor)
            self.window.shown_changed.connect(self.active_changed)
        self.window.show_plan(plan)
        if self.window.isVisible():
            self.window.raise_()
            return
        chosen = self._settings().meeting_screen
        self.window.show_on(meeting_screen(chosen, self._editor.screen()), self._editor)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def follow(self, plan: PlanDetail) -> None:
        """The plan was saved: show it as it is now."""
        if self.active and self.window is not None:
            self.window.show_plan(plan)
