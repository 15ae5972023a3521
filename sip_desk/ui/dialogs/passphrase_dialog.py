"""The passphrase of an encrypted store, asked before the store opens.

A wrong passphrase is said in the dialog, which stays open for another try; Escape (or Quit)
ends the start calmly. Where the computer has a keyring the user may tick "Remember on this
computer".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.errors import DomainError

Check = Callable[[str], DomainError | None]
"""Tries a passphrase: ``None`` when it opens the store, else the error to show."""


@dataclass(frozen=True)
class Answer:
    """A passphrase that opened the store, and whether to remember it on this computer."""

    passphrase: str
    remember: bool


class PassphraseDialog(QDialog):
    """Asks for the passphrase of the store at ``path``, tried with ``check`` before it closes."""

    def __init__(
        self,
        path: str,
        check: Check,
        lang: str,
        can_remember: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._lang = lang
        self.answer: Answer | None = None
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Encrypted database"))
        intro = QLabel(self.tr("The database is encrypted. Enter its passphrase to open it."), self)
        intro.setWordWrap(True)
        where = QLabel(path, self)
        where.setObjectName("passphrasePath")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.field = QLineEdit(self)
        self.field.setObjectName("passphraseField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase"))
        label = QLabel(self.tr("&Passphrase:"), self)
        label.setBuddy(self.field)
        self.message = QLabel("", self)
        self.message.setObjectName("passphraseMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(highlight);")
        self.message.hide()
        self.remember = QCheckBox(self.tr("&Remember on this computer"), self)
        self.remember.setObjectName("passphraseRemember")
        self.remember.setToolTip(
            self.tr("Kept in the keyring of your account on this computer, not in the database.")
        )
        self.remember.setVisible(can_remember)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("passphraseOpen")
        self.open_button.setDefault(True)
        quit_button = self.buttons.addButton(
            self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.setObjectName("passphraseQuit")
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, where, label, self.field, self.message, self.remember):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        # Wide enough for a sentence a line; the wrapped texts then set the height (_fit).
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.field.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Grow to the height the wrapped texts need at the dialog's width (never cut off)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if self.height() < needed:
            self.resize(self.width(), needed)

    def _try(self) -> None:
        passphrase = self.field.text()
        error = self._check(passphrase) if passphrase else DomainError("cipher.empty_passphrase")
        if error is not None:
            self.message.setText(error.message(self._lang))
            self.message.show()
            self._fit()
            self.field.selectAll()
            self.field.setFocus()
            return
        self.answer = Answer(passphrase, self.remember.isVisible() and self.remember.isChecked())
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        path: str,
        check: Check,
        lang: str,
        can_remember: bool,
    ) -> Answer | None:
        """The passphrase that opens the store (tried with ``check``); ``None``: the user quit."""
        dialog = cls(path, check, lang, can_remember, parent)
        dialog.exec()
        return dialog.answer
