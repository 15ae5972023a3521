"""Settings: the UI language (this user's, applied at once) and the screen for meeting mode, and,
kept in the store, the PDF's
confidentiality marking and digital seal and the days allowed before the first SIP meeting.
The seal certificate is checked when saving, so a wrong password is reported here, beside the
field, not later when a PDF is saved."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.errors import DomainError
from sip_desk.ui import file_dialogs, prompts
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.i18n import LANGUAGE_NAMES
from sip_desk.ui.meeting_mode.screens import AUTOMATIC, screen_key, screen_label
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import SCREEN_SHARE, fit_window, grow_to_content

if TYPE_CHECKING:
    from sip_desk.services.export_service import ExportService
    from sip_desk.services.follow_ups import FollowUpService
    from sip_desk.services.registry import Services

MAX_DAYS = 365


class SettingsDialog(QDialog):
    """Edits the UI language, the print and seal settings and the limit for the first meeting."""

    def __init__(
        self,
        documents: ExportService,
        follow_ups: FollowUpService,
        lang: str,
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._documents = documents
        self._follow_ups = follow_ups
        self._lang = lang
        self._settings = settings if settings is not None else AppSettings()
        current = documents.settings()
        self.language = QComboBox(self)
        self.language.setObjectName("uiLanguageCombo")
        self.language.setAccessibleName(self.tr("Language of the program"))
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.meeting_screen = self._screen_combo(self._settings.meeting_screen)
        self.marking = self._line("confidentialityMarkingEdit", current.confidentiality_marking)
        self.marking.setAccessibleName(self.tr("Confidentiality marking"))
        self.seal_file = self._line("sealFileEdit", current.seal_pkcs12_path)
        self.seal_file.setAccessibleName(self.tr("Seal certificate file"))
        self.seal_file.setPlaceholderText(self.tr("No digital seal"))
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.setObjectName("sealBrowseButton")
        self.password = self._line("sealPasswordEdit", current.seal_pkcs12_password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Certificate password"))
        self.seal_error = ErrorLabel("sealError", self)
        self.full_names = QCheckBox(self.tr("Full &names in calendar files"), self)
        self.full_names.setObjectName("calendarFullNamesCheck")
        self.full_names.setChecked(current.calendar_full_names)
        self.first_meeting = QSpinBox(self)
        self.first_meeting.setObjectName("firstMeetingDaysSpin")
        self.first_meeting.setRange(1, MAX_DAYS)
        self.first_meeting.setValue(follow_ups.first_meeting_days())
        self.first_meeting.setSuffix(self.tr(" days"))
        self.first_meeting.setAccessibleName(self.tr("Days allowed before the first meeting"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._build()
        self.browse.clicked.connect(self._on_browse_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        fit_window(self, 620)
        self._fit_height()
        self._shown = self._values()

    def _fit_height(self) -> None:
        """As tall as all the settings at the dialog's width, if the screen has the room (the
        scroll area around them asks for less)."""
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        body = self._body
        need = body.heightForWidth(width) if body.hasHeightForWidth() else -1
        need = max(need, body.sizeHint().height())
        extra = margins.top() + margins.bottom() + layout.spacing()
        height = need + extra + self.buttons.sizeHint().height()
        screen = self.screen()
        if screen is not None:
            height = min(height, int(screen.availableGeometry().height() * SCREEN_SHARE))
        self.resize(self.width(), max(self.height(), height))

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        return edit

    def _screen_combo(self, chosen: str) -> QComboBox:
        """The screens connected now, after "automatic"; a chosen screen that is not connected
        now stays listed (and chosen), so saving other settings does not forget it."""
        combo = QComboBox(self)
        combo.setObjectName("meetingScreenCombo")
        combo.setAccessibleName(self.tr("Screen for meeting mode"))
        combo.addItem(self.tr("The other screen when there are two, else the same"), AUTOMATIC)
        for screen in QGuiApplication.screens():
            combo.addItem(screen_label(screen), screen_key(screen))
        if chosen != AUTOMATIC and combo.findData(chosen) < 0:
            combo.addItem(self.tr("%1 (not connected now)").replace("%1", chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        # Its longest choice cut short rather than the dialog wider than a small screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        return combo

    def _build(self) -> None:
        display = QGroupBox(self.tr("Display"), self)
        display_form = QFormLayout(display)
        display_form.addRow(self.tr("&Language:"), self.language)
        display_form.addRow(self.tr("Screen for m&eeting mode:"), self.meeting_screen)
        pdf = QGroupBox(self.tr("Printed plans (PDF)"), self)
        form = QFormLayout(pdf)
        form.addRow(self.tr("Confidentiality &marking:"), self.marking)
        file_row = QHBoxLayout()
        file_row.addWidget(self.seal_file, 1)
        file_row.addWidget(self.browse)
        file_label = QLabel(self.tr("Seal &certificate (PKCS#12):"), self)
        file_label.setBuddy(self.seal_file)  # a row holding a layout gets no buddy by itself
        form.addRow(file_label, file_row)
        form.addRow(self.tr("Certificate &password:"), self.password)
        form.addRow("", self.seal_error)
        hint = QLabel(
            self.tr(
                "With a certificate, every saved PDF carries the organisation's digital seal."
                " The password is kept in the computer's keyring, never in the database;"
                " without a keyring it is asked for again after each start."
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        follow = QGroupBox(self.tr("Follow-ups"), self)
        follow_form = QFormLayout(follow)
        follow_form.addRow(self.tr("&First meeting within:"), self.first_meeting)
        follow_form.addRow("", self.full_names)  # else initials and the plan id
        self._body = body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for group in (display, pdf, follow):
            column.addWidget(group)
        column.addStretch(1)
        # Taller than a small screen (200 % with large text on 768 px): the settings scroll,
        # the Save and Cancel buttons stay in view.
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

    def _values(self) -> tuple[object, ...]:
        edits = (self.marking, self.seal_file, self.password)
        values = (edit.text() for edit in edits)
        languages = (self.language.currentData(), self.meeting_screen.currentData())
        return (*values, self.first_meeting.value(), self.full_names.isChecked(), *languages)

    def has_changes(self) -> bool:
        """True when a setting differs from what the dialog showed when it opened."""
        return self._values() != self._shown

    def reject(self) -> None:
        """Escape, Cancel and the window's close button: ask before discarding changes."""
        if self.has_changes() and not prompts.confirm_discard(
            self,
            self.tr("Discard the changed settings?"),
            self.tr("The settings changed here are not saved."),
            self.tr("Continue editing"),
            self.tr("Discard the changes"),
        ):
            return
        asked = self.has_changes()
        super().reject()
        owner = self.parentWidget()
        if asked and owner is not None:
            # The question's window handed the activation back to this dialog, hidden before
            # the window manager gave it: no window would have the keys (Ctrl+Q was dead).
            owner.window().activateWindow()

    def _on_browse_clicked(self) -> None:
        path = file_dialogs.ask_open_path(
            self,
            self.tr("Seal certificate"),
            self.tr("PKCS#12 certificates (*.p12 *.pfx);;All files (*)"),
        )
        if path is not None:
            self.seal_file.setText(str(path))

    def _check_seal(self, path: str, password: str) -> str:
        """An error text for a certificate that cannot be used; "" when it can (or is unset)."""
        if not path:
            return ""
        from sip_desk.services.pdf_seal import certificate_of

        try:
            certificate_of(str(Path(path).expanduser()), password)
        except DomainError as error:
            return error.message(self._lang)
        return ""

    def accept(self) -> None:
        """Check the certificate, then store every setting; stays open on an error."""
        from sip_desk.services.export_service import DocumentSettings

        path, password = self.seal_file.text().strip(), self.password.text()
        problem = self._check_seal(path, password)
        self.seal_error.show_message(problem)
        if problem:
            grow_to_content(self)  # the message wraps: all of it shown
            self.seal_file.setFocus()
            return
        settings = DocumentSettings(
            confidentiality_marking=self.marking.text().strip(),
            seal_pkcs12_path=path,
            seal_pkcs12_password=password if path else "",
            calendar_full_names=self.full_names.isChecked(),
        )
        try:
            in_keyring = self._documents.save_settings(settings)
            self._follow_ups.set_first_meeting_days(self.first_meeting.value())
        except DomainError as error:
            self.seal_error.show_message(error.message(self._lang))
            grow_to_content(self)
            return
        if not in_keyring:
            prompts.inform(self, self.windowTitle(), self._no_keyring_text())
        screen = str(self.meeting_screen.currentData())
        if screen != self._settings.meeting_screen:
            self._settings.meeting_screen = screen
        super().accept()

    def _no_keyring_text(self) -> str:
        return self.tr(
            "This computer has no keyring: the certificate password is kept until SIP Desk"
            " closes, and asked for again after the next start."
        )

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        services: Services,
        lang: str,
        settings: AppSettings | None = None,
    ) -> str | None:
        """Show the dialog; the UI language chosen when the settings were saved, else None."""
        dialog = cls(services.documents, services.follow_ups, lang, parent, settings)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(dialog.language.currentData())
