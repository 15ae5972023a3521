"""A store that cannot be opened or used: a clear message with the path, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.errors import StoreError
from sip_desk.ui.icons import Icon, icon

# Problems the user (or IT) can fix while the dialog is open.
RETRYABLE = {
    "store.locked",
    "store.unreachable",
    "store.full",
    "store.no_folder",
    "store.cannot_open",
}


class StoreErrorDialog(QDialog):
    """Shows a :class:`StoreError` in the user's language; offers "Try again" where it may help."""

    def __init__(
        self, error: StoreError, path: str, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storeErrorDialog")
        self.setWindowTitle(self.tr("The database cannot be used"))
        self.message = QLabel(error.message(lang), self)
        self.message.setObjectName("storeErrorMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path = QLineEdit(path, self)
        self.path.setObjectName("storeErrorPath")
        self.path.setReadOnly(True)
        self.path.setAccessibleName(self.tr("Database"))
        self.buttons = QDialogButtonBox(self)
        self.retry_button = None
        if error.code in RETRYABLE:
            self.retry_button = self.buttons.addButton(
                self.tr("Try again"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.retry_button.setObjectName("storeErrorRetry")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("storeErrorClose")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build()

    def _build(self) -> None:
        picture = QLabel(self)
        picture.setPixmap(icon(Icon.STORE_ERROR).pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.message)
        where = QLabel(self.tr("Database:"), self)
        where.setBuddy(self.path)
        text.addWidget(where)
        text.addWidget(self.path)
        row = QHBoxLayout()
        row.addWidget(picture)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    @classmethod
    def show_error(cls, parent: QWidget | None, error: StoreError, path: str, lang: str) -> bool:
        """Show the error; ``True`` if the user chose "Try again"."""
        return cls(error, path, lang, parent).exec() == QDialog.DialogCode.Accepted
