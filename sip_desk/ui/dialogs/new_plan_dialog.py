"""Asking for the person of a new plan; domain validation messages appear beside each field.

An identity number of a stored person shows that person (read-only) as soon as it is complete
and offers their plan instead: what is typed here never overwrites a stored person.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.identity import parse_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.person import PersonData
from sip_desk.domain.person_match import KnownPerson, PersonExistsError
from sip_desk.ui import prompts
from sip_desk.ui.dialogs.known_person_panel import KnownPersonPanel
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.text_scale import SCREEN_SHARE, grow_to_content

if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanDetail
    from sip_desk.services.plan_service import PlanService


class NewPlanDialog(QDialog):
    """First name, last name, identity number (optional) and protected identity."""

    def __init__(self, plans: PlanService, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle(self.tr("New plan"))
        self._plans = plans
        self._lang = lang
        self.created: PlanDetail | None = None
        self.known: KnownPerson | None = None
        self.first_name = self._line("firstNameEdit", self.tr("First name"))
        self.last_name = self._line("lastNameEdit", self.tr("Last name"))
        self.identity = self._line("identityNumberEdit", self.tr("Identity number"))
        self.identity.setPlaceholderText(self.tr("YYYYMMDD-NNNN (optional)"))
        self._edits = {
            "person.first_name": self.first_name,
            "person.last_name": self.last_name,
            "person.identity_number": self.identity,
        }
        self.protected = QCheckBox(self.tr("&Protected identity (address never shown)"), self)
        self.protected.setObjectName("protectedIdentityCheck")
        self.protected.setAccessibleName(self.tr("Protected identity"))
        self.errors: dict[str, ErrorLabel] = {
            key: ErrorLabel(name, self)
            for key, name in (
                ("person.first_name", "firstNameError"),
                ("person.last_name", "lastNameError"),
                ("person.identity_number", "identityNumberError"),
                ("", "generalError"),
            )
        }
        self.known_panel = KnownPersonPanel(self)
        self._build()
        self.identity.textEdited.connect(self._on_identity_edited)
        self.identity.editingFinished.connect(self._on_identity_editing_finished)
        self.known_panel.back.clicked.connect(self._on_back_clicked)

    @classmethod
    def ask(cls, parent: QWidget | None, plans: PlanService, lang: str) -> PlanDetail | None:
        """Show the dialog; the created plan, or ``None`` if the user cancelled."""
        dialog = cls(plans, lang, parent)
        dialog.exec()
        return dialog.created

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        texts = (self.tr("&First name:"), self.tr("&Last name:"), self.tr("&Identity number:"))
        for text, (key, edit) in zip(texts, self._edits.items(), strict=True):
            form.addRow(text, edit)
            form.addRow("", self.errors[key])
        form.addRow("", self.protected)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("createPlanButton")
        self.ok_button.setText(self.tr("Create plan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.known_panel)
        layout.addWidget(self.errors[""])
        layout.addWidget(buttons)
        # Room for a message of a line or two, but never wider than the screen (200 % on a
        # laptop is 683 px); longer messages wrap and the dialog grows (_grow_to_content).
        wanted = self.fontMetrics().averageCharWidth() * 80
        screen = self.screen()
        room = screen.availableGeometry().width() * SCREEN_SHARE if screen is not None else wanted
        self.setMinimumWidth(min(wanted, int(room)))

    def person(self) -> PersonData:
        return PersonData(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            identity_number=self.identity.text().strip() or None,
            protected_identity=self.protected.isChecked(),
        )

    def accept(self) -> None:
        self._clear_errors()
        try:
            if self.known is not None:
                self.created = self._plans.create_plan_for_person(self.known.id)
            else:
                self.created = self._plans.create_plan(self.person())
        except PersonExistsError as exists:  # stored meanwhile, or the number not yet looked up
            self._show_known(exists.known)
            return
        except ValidationErrors as errors:
            self._show_errors(errors.errors)
            return
        except DomainError as error:
            self._show_error("", error.message(self._lang))
            return
        super().accept()

    def has_input(self) -> bool:
        """True when anything was typed or ticked (that closing would throw away)."""
        typed = (self.first_name, self.last_name, self.identity)
        return any(edit.text().strip() for edit in typed) or self.protected.isChecked()

    def reject(self) -> None:
        """Escape, Cancel and the window's close button: ask before discarding what is typed."""
        if self.has_input() and not prompts.confirm_discard(
            self,
            self.tr("Discard the new plan?"),
            self.tr("What you typed here (name, identity number) is not saved."),
            self.tr("Continue typing"),
            self.tr("Discard"),
        ):
            return
        super().reject()

    def _on_identity_edited(self, text: str) -> None:
        """Look the number up as soon as it is complete and valid."""
        known = None
        if self._valid_identity(text) is not None:
            known = self._plans.find_person(text)
        if known is None or self.known is None or known.id != self.known.id:
            self._show_known(known)

    def _on_identity_editing_finished(self) -> None:
        text = self.identity.text().strip()
        self.errors["person.identity_number"].setVisible(False)
        if not text:
            return
        try:
            parse_identity(text, _today())
        except ValidationError as error:
            self._show_error(error.field, error.message(self._lang))
            return
        if self.known is None:
            self._on_identity_edited(text)

    @staticmethod
    def _valid_identity(text: str) -> str | None:
        try:
            return parse_identity(text.strip(), _today()).value if text.strip() else None
        except ValidationError:
            return None

    def _show_known(self, known: KnownPerson | None) -> None:
        """The number belongs to ``known``: offer their plan; the typed details are not used."""
        self.known = known
        for widget in (self.first_name, self.last_name, self.protected):
            widget.setEnabled(known is None)
        if known is None:
            self.known_panel.setVisible(False)
            self.ok_button.setText(self.tr("Create plan"))
            return
        self.known_panel.show_person(known)
        self.ok_button.setText(self.tr("Start plan for %1").replace("%1", known.full_name))
        for key in ("person.first_name", "person.last_name", ""):
            self.errors[key].setVisible(False)

    def _on_back_clicked(self) -> None:
        """Back to the form, with the identity number selected for correcting."""
        self._show_known(None)
        self.identity.setFocus(Qt.FocusReason.OtherFocusReason)
        self.identity.selectAll()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)

    def _show_errors(self, errors: tuple[ValidationError, ...]) -> None:
        for error in errors:
            self._show_error(error.field, error.message(self._lang))
        first = next((e.field for e in errors), "")
        target = self._edits.get(first)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_error(self, field: str, text: str) -> None:
        label = self.errors.get(field, self.errors[""])
        label.setText(f"⚠ {text}" if not label.text() else f"{label.text()}\n⚠ {text}")
        label.setVisible(True)
        label.setAccessibleName(text)
        grow_to_content(self)  # the dialog grows for a message that wraps


def _today() -> date:
    return datetime.now(LOCAL_TZ).date()
