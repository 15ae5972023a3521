"""A store that cannot be opened or used: a clear message with the path, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.ui.icons import Icon, icon

# Problems the user (or IT) can fix while the dialog is open.
RETRYABLE = {
    "store.locked",
    "store.unreachable",
    "store.full",
    "store.no_folder",
    "store.cannot_open",
    "store.open_to_others",  # chmod 600 / 700 while the dialog is open
    "store.foreign_owner",  # moved away while the dialog is open
}


class StoreErrorDialog(QDialog):
    """Shows a :class:`StoreError` in the user's language; offers "Try again" where it may help.

    A damaged store file with backups beside it also gets "Restore the newest good backup" when
    the acting ``user`` is known (the restore is logged in the access log with their name): the
    store as it is stays in ``backups/``, and "Open the database" then opens the restored one.
    """

    def __init__(
        self,
        error: StoreError,
        path: str,
        lang: str,
        parent: QWidget | None = None,
        passphrase: str | None = None,
        user: UserContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._passphrase = passphrase  # of an encrypted store: its backups have the same key
        self._user = user
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
        self.restore_button = None
        if error.code == "store.corrupt" and error.params.get("backup") and user is not None:
            self.restore_button = self.buttons.addButton(
                self.tr("Restore the newest good backup"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.restore_button.setObjectName("storeErrorRestore")
            self.restore_button.clicked.connect(self._restore)
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

    def _restore(self) -> None:
        """Put the newest intact backup in place; say what was done, then offer to open it."""
        from sip_desk.services.context import Clock
        from sip_desk.services.store_checks import restore_from

        assert self.restore_button is not None and self._user is not None
        self.restore_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = restore_from(self.path.text(), None, self._user, Clock(), self._passphrase)
        except DomainError as error:
            self.message.setText(error.message(self.lang))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.setWindowTitle(self.tr("The database is restored"))
        self.message.setText(
            self.tr(
                "Restored from the backup %1. Changes made after it was taken are not in it. "
                "The damaged database is kept at %2."
            )
            .replace("%1", str(done.source))
            .replace("%2", str(done.kept or "-"))
        )
        self.restore_button.hide()
        if self.retry_button is None:
            self.retry_button = self.buttons.addButton(
                self.tr("Open the database"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.retry_button.setObjectName("storeErrorRetry")
        self.retry_button.setDefault(True)
        self.retry_button.setFocus()

    @classmethod
    def show_error(
        cls,
        parent: QWidget | None,
        error: StoreError,
        path: str,
        lang: str,
        passphrase: str | None = None,
        user: UserContext | None = None,
    ) -> bool:
        """Show the error; ``True`` if the user chose "Try again" (or opening a restored store).

        ``passphrase``: of an encrypted store, to restore one of its (encrypted) backups;
        ``user``: who acts, named in the access log by a restore (without one none is offered).
        """
        dialog = cls(error, path, lang, parent, passphrase, user)
        return dialog.exec() == QDialog.DialogCode.Accepted
