"""A calm banner above the tabs for the reminder notice when there is no system tray."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sip_desk.ui.text_scale import on_font_change, px


class ReminderBanner(QFrame):
    """Shows the reminder text, a button to the worklist and a button to dismiss it."""

    worklist_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Dark text on a pale yellow: readable, and the icon and words carry the meaning too.
        self.setStyleSheet(
            "#reminderBanner { background: #fff4c2; border: 1px solid #b58900; }"
            " #reminderBanner QLabel { color: #3d2e00; }"
        )
        self.text = QLabel(self)
        self.text.setObjectName("reminderText")
        self.text.setWordWrap(True)
        self.show_worklist = QPushButton(self.tr("Show follow-ups"), self)
        self.show_worklist.setObjectName("reminderShowWorklist")
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        self.dismiss.setObjectName("reminderDismiss")
        layout = QHBoxLayout(self)
        self._fit_margins()
        on_font_change(self, self._fit_margins)  # padding grows and shrinks with the text
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_worklist)
        layout.addWidget(self.dismiss)
        self.show_worklist.clicked.connect(self.hide)
        self.show_worklist.clicked.connect(self.worklist_requested)
        self.dismiss.clicked.connect(self.hide)
        self.hide()

    def _fit_margins(self) -> None:
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(px(8), px(4), px(8), px(4))
            layout.setSpacing(px(6))

    def show_notice(self, text: str) -> None:
        self.text.setText("ℹ " + text)
        self.text.setAccessibleName(text)
        self.show()
