"""Layout of the plan list's empty-store state: a short text and two ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyStoreView(QFrame):
    """Shown instead of the table while the store holds no plans (widgets only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyStore")
        self.heading = QLabel(self)
        self.heading.setObjectName("emptyStoreHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
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
