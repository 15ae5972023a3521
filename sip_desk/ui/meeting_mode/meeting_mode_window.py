"""Meeting mode: large, high-contrast text for a shared screen, updated as the plan is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.meeting_mode.meeting_text import meeting_html

BASE_POINT_SIZE = 24

# The scrollbars follow the high-contrast theme: a yellow handle on black, wide enough to grab.
_STYLE = """
QWidget#meeting_mode { background: #000000; }
QLabel#meeting_mode_text { color: #ffffff; background: #000000; padding: 24px; }
QScrollBar:vertical { background: #000000; width: 24px; margin: 0; border-left: 2px solid #ffffff; }
QScrollBar:horizontal {
    background: #000000; height: 24px; margin: 0; border-top: 2px solid #ffffff;
}
QScrollBar::handle:vertical { background: #ffe066; min-height: 48px; margin: 3px; }
QScrollBar::handle:horizontal { background: #ffe066; min-width: 48px; margin: 3px; }
QScrollBar::handle:hover { background: #ffffff; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: #000000; }
"""

_HTML_CSS = (
    "<style>h1 { color: #ffe066; font-size: 150%; } h2 { color: #ffe066; font-size: 125%; "
    "margin-top: 18px; } li { margin-bottom: 10px; } p { margin: 4px 0; }</style>"
)


class MeetingModeWindow(QWidget):
    """A separate window to put on the shared screen. F11 toggles full screen, Esc closes."""

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("meeting_mode")
        self.setWindowTitle(self.tr("SIP Desk: meeting mode"))
        self.setStyleSheet(_STYLE)
        self._now = now
        self.text = QLabel(self)
        self.text.setObjectName("meeting_mode_text")
        self.text.setAccessibleName(self.tr("The plan as the person reads it"))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = self.text.font()
        font.setPointSize(BASE_POINT_SIZE)
        self.text.setFont(font)
        scroll = QScrollArea(self)
        scroll.setObjectName("meeting_mode_scroll")
        self.scroll_area = scroll
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        scroll.setStyleSheet("QScrollArea { background: #000000; border: none; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        self.resize(1100, 800)

    def show_plan(self, plan: PlanDetail) -> None:
        """Show ``plan`` (called after every save while the window is open)."""
        self.text.setText(_HTML_CSS + meeting_html(plan, self._now()))

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
