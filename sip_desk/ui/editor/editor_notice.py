"""A calm message above the plan editor, hidden again after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

NOTICE_MS = 20_000
BRIEF_NOTICE_MS = 4_000
_LOOK = "background: #fff4c2; color: #3d2e00; border: 1px solid #b58900; padding: 6px;"


class EditorNotice(QLabel):
    """A yellow bar with a message; ``say`` shows it for 20 s (4 s when brief)."""

    def __init__(self, parent: QWidget, object_name: str = "editor_notice") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setStyleSheet(_LOOK)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=NOTICE_MS)
        self._timer.timeout.connect(self.hide)

    def say(self, text: str, brief: bool = False) -> None:
        """Show ``text`` (after an information sign) and hide it again after a while."""
        self.setText("ℹ " + text)
        self.show()
        self._timer.start(BRIEF_NOTICE_MS if brief else NOTICE_MS)
