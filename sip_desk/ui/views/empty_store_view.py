"""Layout of the plan list's empty-store state: a short text and two ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sip_desk.ui.text_scale import HEADING, relative_font


class EmptyStoreView(QFrame):
    """Shown instead of the table while the store holds no plans (widgets only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStore")
        self.heading = QLabel(self)
        self.heading.setObjectName("emptyStoreHeading")
        relative_font(self.heading, HEADING, bold=True)
        self.text = QLabel(self)
        self.text.setObjectName("emptyStoreText")
        self.text.setWordWrap(True)
        self.new_plan = QPushButton(self)
        self.new_plan.setObjectName("emptyStoreNewPlan")
        self.load_demo = QPushButton(self)
        self.load_demo.setObjectName("loadDemoButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_plan)
        buttons.addWidget(self.load_demo)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.heading, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.hide()
