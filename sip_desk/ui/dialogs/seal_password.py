"""Asking for the seal certificate's password when sealing, where no keyring keeps it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui import prompts
from sip_desk.ui.editor.session import ui_lang

if TYPE_CHECKING:
    from sip_desk.services.export_service import ExportService


def ensure_seal_password(parent: QWidget | None, documents: ExportService) -> bool:
    """Before a sealed PDF: ask for the password when neither the keyring nor this run holds
    it, and check it. False when the user cancels or the password does not open the
    certificate (then nothing is kept)."""
    settings = documents.settings()
    if not settings.seal_configured or settings.seal_password_known:
        return True
    title = QCoreApplication.translate("SealPassword", "Seal certificate password")
    label = QCoreApplication.translate(
        "SealPassword",
        "This computer has no keyring, so the password of the organisation's certificate"
        " is not kept. Password (kept until SIP Desk closes):",
    )
    password, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    if not ok:
        return False
    from sip_desk.services.pdf_seal import certificate_of

    try:
        certificate_of(settings.seal_pkcs12_path, password)
    except DomainError as error:
        prompts.warn(parent, title, error.message(ui_lang()))
        return False
    documents.remember_seal_password(password)
    return True
