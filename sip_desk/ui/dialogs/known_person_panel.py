"""The notice in the new-plan dialog when the identity number belongs to a stored person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.person_match import KnownPerson

PANEL_STYLE = (
    "QFrame#knownPersonPanel { background: #fff7e0; border: 2px solid #8a5a00; }"
    "QFrame#knownPersonPanel QLabel { color: #3d2800; }"
)


class KnownPersonPanel(QFrame):
    """Says the person is already stored, shows the stored name read-only, offers "Back"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knownPersonPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(PANEL_STYLE)
        self.message = QLabel(self)
        self.message.setObjectName("knownPersonMessage")
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.stored_name = QLineEdit(self)
        self.stored_name.setObjectName("storedNameEdit")
        self.stored_name.setReadOnly(True)
        self.stored_name.setAccessibleName(self.tr("Stored name"))
        self.hint = QLabel(
            self.tr(
                "The plan is started for the stored person. The name and details typed above "
                "are not saved; change the person's details in the plan if they are out of date."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.back = QPushButton(self.tr("&Back: change the identity number"), self)
        self.back.setObjectName("backButton")
        self.back.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("Stored name:"), self.stored_name)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.setVisible(False)

    def show_person(self, known: KnownPerson) -> None:
        """Show ``known`` (never their address or other details)."""
        if known.plan_count == 1:
            text = self.tr("This person is already stored: 1 plan.")
        else:
            text = self.tr("This person is already stored: %1 plans.")
            text = text.replace("%1", str(known.plan_count))
        if known.protected_identity:
            text += " " + self.tr("Protected identity.")
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.stored_name.setText(known.full_name)
        self.setVisible(True)
