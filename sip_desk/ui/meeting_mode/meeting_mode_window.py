"""Meeting mode: large, high-contrast text for a shared screen, updated as the plan is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QMouseEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.meeting_mode.meeting_page import MeetingPage
from sip_desk.ui.meeting_mode.meeting_text import meeting_parts

BASE_POINT_SIZE = 24
# A platform that activates a new window despite WindowDoesNotAcceptFocus (Qt's offscreen
# platform does; some window managers too) gets the keyboard handed back for this long.
GIVE_BACK_MS = 1000
# On a taller screen the text grows with it, so it reads the same from the back of the room:
# 24 pt at 768 px high, 34 pt at 1080 px.
LINES_PER_POINT = 32

# The scrollbars follow the high-contrast theme: a yellow handle on black, wide enough to grab.
_STYLE = """
QWidget#meeting_mode { background: #000000; }
QWidget#meeting_mode_text, QWidget#meeting_mode_text QLabel { color: #ffffff; background: #000000; }
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


class MeetingModeWindow(QWidget):
    """A full-screen window for the shared screen that never takes the keyboard from the editor.

    F11 or Escape closes it when it has the keyboard after all (a click on it, on a platform
    that gives it focus anyway), and it hands the keyboard back to the main window. F11 in the
    main window closes it wherever the focus is there (a fixed tab, the tab bar: the editor's
    own F11 is only heard inside the editor); so does Escape right after a click on this window
    (a window manager that never gives it the keyboard leaves the keys in the main window).
    """

    shown_changed = Signal(bool)  # True when shown, False when closed or hidden

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self._give_back_to: QWidget | None = None  # changeEvent reads it from here on
        self._owner: QWidget | None = None  # the main window, whose keys may close this one
        self._clicked = False  # the user clicked this window: Escape in the main window closes
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("meeting_mode")
        self.setWindowTitle(self.tr("SIP Desk: meeting mode"))
        self.setStyleSheet(_STYLE)
        self._now = now
        self._part = "top"  # the part of the plan brought to the top of the screen
        self.text = MeetingPage(self)
        self.text.setAccessibleName(self.tr("The plan as the person reads it"))
        font = self.text.font()
        font.setPointSize(BASE_POINT_SIZE)
        self.text.setFont(font)
        scroll = QScrollArea(self)
        scroll.setObjectName("meeting_mode_scroll")
        self.scroll_area = scroll
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        # The page grows or shrinks after a save once it is laid out: keep the part at the top.
        scroll.verticalScrollBar().rangeChanged.connect(self._scroll_to_part)
        scroll.setStyleSheet("QScrollArea { background: #000000; border: none; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_plan(self, plan: PlanDetail) -> None:
        """Show ``plan`` (called after every save while the window is open)."""
        self.text.set_parts(meeting_parts(plan, self._now()))
        QTimer.singleShot(0, self, self._scroll_to_part)  # once the page has its new height

    def show_part(self, key: str) -> None:
        """Bring part ``key`` ("goals", "actions"…, see ``meeting_parts``) to the top."""
        self._part = key
        QTimer.singleShot(0, self, self._scroll_to_part)

    def _scroll_to_part(self) -> None:
        top = self.text.part_scroll(self._part)
        if top is not None:
            self.scroll_area.verticalScrollBar().setValue(top)

    def show_on(self, screen: QScreen | None, keyboard_owner: QWidget | None = None) -> None:
        """Fill ``screen`` (full screen) without activating this window; should the platform
        activate it all the same, ``keyboard_owner``'s window gets the keyboard back."""
        self._give_back_to = keyboard_owner.window() if keyboard_owner is not None else None
        self._owner = self._give_back_to
        QTimer.singleShot(GIVE_BACK_MS, self, self._keep_activation)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
            font = self.text.font()
            font.setPointSize(max(BASE_POINT_SIZE, screen.geometry().height() // LINES_PER_POINT))
            self.text.setFont(font)
        # Not showFullScreen(): it activates the window, which would take the editor's keyboard.
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen)
        self.show()

    def _keep_activation(self) -> None:
        """From now on an activation is the user's own (a click): Escape or F11 may follow."""
        self._give_back_to = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        owner = self._give_back_to
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and owner:
            self._give_back_to = None
            owner.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self._close_by_key()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._clicked = True
        super().mousePressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys for the main window (installed on the application while this one is shown)."""
        if not isinstance(watched, QWidget) or watched.window() is not self._owner:
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            self._clicked = False  # back in the main window: Escape has its meaning there
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        clicked, self._clicked = self._clicked, False
        # F11 here reached no editor's own F11 (that one is a shortcut, never a key press).
        if event.key() == Qt.Key.Key_F11 or (event.key() == Qt.Key.Key_Escape and clicked):
            self._close_by_key()
            return True
        return False

    def _close_by_key(self) -> None:
        active = self.isActiveWindow()
        self.close()
        if active and self._owner is not None:
            self._owner.activateWindow()  # the keyboard back where the user types

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._clicked = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.shown_changed.emit(False)
