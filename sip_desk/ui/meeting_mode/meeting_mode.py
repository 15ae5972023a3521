"""An editor's meeting mode: opens the shared-screen window on the chosen screen, keeps it in
step with the plan as it is saved and with the part of the plan being edited, and closes it.

Keys: F11 in the editor opens and closes it; Escape closes it only on the meeting screen itself.
Escape in the editor keeps its editor meaning (close a cell's editor, forget a "+" row's draft,
leave a dialog) and leaves the shared screen as it is: the caseworker presses Escape often while
typing, and a stray one must not blank the screen the room is reading.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from sip_desk.ui.meeting_mode.screens import meeting_screen
from sip_desk.ui.settings import AppSettings

# The part of the meeting page (``meeting_text.meeting_parts``) shown for an editor input: the
# first objectName found from the focused widget up to the editor decides.
PART_OF = {
    "plan_what_matters": "what_matters",
    "plan_strengths": "strengths",
    "plan_person_own_actions": "own",
    "plan_relatives_own_actions": "relatives",
    "section_person": "top",
    "section_participants": "contacts",
    "section_goals": "goals",
    "section_actions": "actions",
    "section_responsibility": "contacts",
    "section_crisis": "crisis",
    "section_follow_up": "next",
}


def part_of(widget: QWidget | None, editor: QWidget) -> str | None:
    """The meeting-page part for the editor input ``widget`` (``None``: not in ``editor``)."""
    while widget is not None and widget is not editor:
        part = PART_OF.get(widget.objectName())
        if part is not None:
            return part
        widget = widget.parentWidget()
    return None


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
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

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
        self._on_focus_changed(None, QApplication.focusWidget())
        chosen = self._settings().meeting_screen
        self.window.show_on(meeting_screen(chosen, self._editor.screen()), self._editor)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()

    def follow(self, plan: PlanDetail) -> None:
        """The plan was saved: show it as it is now."""
        if self.active and self.window is not None:
            self.window.show_plan(plan)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The caseworker moved to another part of the plan: the shared screen follows."""
        part = part_of(new, self._editor)
        if self.window is not None and part is not None:
            self.window.show_part(part)
