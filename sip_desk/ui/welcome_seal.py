"""The welcome's optional page: the organisation's seal certificate for printed plans.

The same setting as in Settings › Printed plans, saved the same way: the file's path in the
store, the password in the computer's keyring (never in the database).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from sip_desk.domain.errors import DomainError
from sip_desk.ui import file_dialogs
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.welcome_pages import scrolled_body, text_label

if TYPE_CHECKING:
    from sip_desk.services.export_service import DocumentSettings


class SealPage(QWizardPage):
    """Certificate file and password; checked before the next page (a wrong password is said
    here, beside the field, not when a PDF is saved)."""

    def __init__(self, current: DocumentSettings, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeSealPage")
        self.setTitle(self.tr("Digital seal (optional)"))
        self.setSubTitle(self.tr("You can skip this and set it later in Settings."))
        self._current = current
        self._lang = lang
        self.seal_file = QLineEdit(current.seal_pkcs12_path, self)
        self.seal_file.setObjectName("welcomeSealFileEdit")
        self.seal_file.setAccessibleName(self.tr("Seal certificate file"))
        self.seal_file.setPlaceholderText(self.tr("No digital seal"))
        self.browse = QPushButton(self.tr("C&hoose file…"), self)
        self.browse.setObjectName("welcomeSealBrowseButton")
        self.password = QLineEdit(current.seal_pkcs12_password, self)
        self.password.setObjectName("welcomeSealPasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Certificate password"))
        self.error = ErrorLabel("welcomeSealError", self)
        self._build()
        self.browse.clicked.connect(self._on_browse_clicked)

    def _build(self) -> None:
        intro = text_label(
            self.tr(
                "With the organisation's certificate, every saved PDF carries its digital"
                " seal: anyone can check that the printed plan is the one signed. The"
                " password is kept in the computer's keyring, never in the database."
            ),
            self,
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        file_row = QHBoxLayout()
        file_row.addWidget(self.seal_file, 1)
        file_row.addWidget(self.browse)
        file_label = QLabel(self.tr("&Seal certificate (PKCS#12):"), self)
        file_label.setBuddy(self.seal_file)  # a row holding a layout gets no buddy by itself
        form.addRow(file_label, file_row)
        form.addRow(self.tr("Certificate pass&word:"), self.password)
        column = QVBoxLayout(scrolled_body(self))
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.error)  # the whole width: a long path wraps less
        column.addStretch(1)

    def _on_browse_clicked(self) -> None:
        path = file_dialogs.ask_open_path(
            self,
            self.tr("Seal certificate"),
            self.tr("PKCS#12 certificates (*.p12 *.pfx);;All files (*)"),
        )
        if path is not None:
            self.seal_file.setText(str(path))
            self.password.setFocus()

    def changed(self) -> bool:
        """True when the certificate or its password differ from the stored setting."""
        shown = (self._current.seal_pkcs12_path, self._current.seal_pkcs12_password)
        return (self.seal_file.text().strip(), self.password.text()) != shown

    def settings(self) -> DocumentSettings:
        """The stored document settings with this certificate (no path: no seal)."""
        path = self.seal_file.text().strip()
        return dataclasses.replace(
            self._current,
            seal_pkcs12_path=path,
            seal_pkcs12_password=self.password.text() if path else "",
        )

    def validatePage(self) -> bool:
        """Go on only with no certificate, or one that opens with the password."""
        path = self.seal_file.text().strip()
        problem = ""
        if path and self.changed():
            from sip_desk.services.pdf_seal import certificate_of

            try:
                certificate_of(str(Path(path).expanduser()), self.password.text())
            except DomainError as error:
                problem = error.message(self._lang)
        self.error.show_message(problem)
        if problem:
            self.seal_file.setFocus()
        return not problem
