"""Section 1: the person and the reason for the SIP."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sip_desk.domain.enums import RepresentativeKind
from sip_desk.domain.person import RepresentativeData
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui import prompts
from sip_desk.ui.editor import edits
from sip_desk.ui.editor.conflicts import FieldSave
from sip_desk.ui.editor.languages import LanguageCombo, language_code, language_label
from sip_desk.ui.editor.privacy_mask import PrivacyMask
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession
from sip_desk.ui.item_models.labels import enum_choices
from sip_desk.ui.item_models.representative_table_model import RepresentativeTableModel


def _representatives_text(value: object) -> str:
    """The representatives one a line, for the conflict dialog."""
    kinds = dict(enum_choices(RepresentativeKind))
    reps: tuple[RepresentativeData, ...] = value  # type: ignore[assignment]
    return "\n".join(
        ", ".join(p for p in (kinds.get(r.kind, str(r.kind)), r.name, r.phone, r.email) if p)
        for r in reps
    )


class PersonSection(Section):
    """Who the plan is about, how to reach them, and why the meeting is held."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("1. The person and the reason"), parent)
        self.setObjectName("section_person")
        self.first_name = self.line()
        self.person_field("first_name", self.tr("First &name"), self.first_name)
        self.last_name = self.line()
        self.person_field("last_name", self.tr("L&ast name"), self.last_name)
        self.identity = self.line()
        self.identity.setPlaceholderText(self.tr("YYYYMMDD-NNNN"))
        self.person_field(
            "identity_number",
            self.tr("&Identity number"),
            self.identity,
            parse=lambda text: text.strip() or None,
        )
        self.protected = self.check(self.tr("Protected identity: the address is never shown"))
        self._add(
            "person.protected_identity",
            self.tr("Protected identity"),
            self.protected,
            lambda plan: plan.person.protected_identity,
            self._save_protection,
        )
        self.phone = self.line()
        self.person_field("phone", self.tr("Phone"), self.phone)
        self.email = self.line()
        self.person_field("email", self.tr("E-mail"), self.email)
        self.address = self.line()
        self.person_field("address", self.tr("Address"), self.address)
        private = [self.bindings["person.identity_number"], self.bindings["person.address"]]
        self.privacy = PrivacyMask(
            self, private, lambda: self.session.plan, on_reveal=self._log_reveal
        )
        self._build_languages()
        self.representatives = self.table_part(
            "representative",
            RepresentativeTableModel(self),
            self.tr("Guardians and legal representatives"),
            RepresentativeTableModel.rows_of,
        )
        self._layout.addWidget(self.representatives)
        self._build_reason()
        self._wire_representatives()

    def _log_reveal(self, plan: PlanDetail) -> None:
        """Showing a protected person's identity number and address is an access of its own."""
        self.session.services.plans.log_reveal(plan.id, plan.person.id)

    def _save_protection(self, value: object) -> bool:
        """Switching protection on saves at once; switching it off asks first (and is logged)."""
        edit = edits.set_person_field(
            self.session,
            "protected_identity",
            bool(value),
            self.tr("Protected identity"),
            confirm_unprotect=self._confirm_unprotect,
        )
        return self.session.execute(edit)

    def _confirm_unprotect(self) -> bool:
        question = self.tr(
            "Switch off protected identity for %1? The address will then be shown in lists, "
            "prints, invitations, calendar files and exports. The change is recorded in the "
            "audit log."
        ).replace("%1", self.session.plan.person.full_name)
        return prompts.confirm(self, self.tr("Protected identity"), question)

    def _build_languages(self) -> None:
        language_kw = {"parse": language_code, "show": language_label}
        self.language = LanguageCombo()
        self.person_field(
            "preferred_language", self.tr("Preferred language"), self.language, **language_kw
        )
        self.interpreter = self.check(self.tr("Needs an interpreter"))
        self.person_field("interpreter_needed", self.tr("Interpreter"), self.interpreter)
        self.interpreter_language = LanguageCombo(allow_none=True)
        self.person_field(
            "interpreter_language",
            self.tr("Interpreter language"),
            self.interpreter_language,
            **language_kw,
        )

    def _build_reason(self) -> None:
        self.new_form()
        self.reason = self.text()
        self.plan_field("reason", self.tr("&Reason for the SIP"), self.reason)
        self.question = self.text()
        self.plan_field("meeting_question", self.tr("&Question for the meeting"), self.question)
        self.requested_by = self.line()
        self.plan_field("requested_by", self.tr("Requested by"), self.requested_by)
        self.requested_on = self.date_line()
        self.plan_field(
            "requested_on", self.tr("Requested on"), self.requested_on, **self.date_kw()
        )

    def _wire_representatives(self) -> None:
        model = self.representatives.model
        assert isinstance(model, RepresentativeTableModel)
        part = self.representatives
        reps_label = self.tr("Guardians and legal representatives")

        def save(reps: tuple) -> bool:  # type: ignore[type-arg]
            shown = self.session.plan.person.representatives
            request = FieldSave(reps, shown, show=_representatives_text)
            return self.session.execute(
                edits.set_person_field(self.session, "representatives", reps, reps_label, request)
            )

        model.commit_update = lambda row, data: save(model.replaced(row.id, data))
        model.commit_add = lambda data: save(model.appended(data))
        part.table.on_delete = lambda row: save(model.removed(row.id))

    def refresh(self, plan: PlanDetail) -> None:
        super().refresh(plan)
        self.privacy.refresh(plan)

    def focus_widget(self, widget: QWidget) -> None:
        super().focus_widget(self.privacy.shown_in_place_of(widget))

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for widget in super().focus_chain():  # each mask right after its field
            chain.append(widget)
            chain.extend(
                c for k, c in self.privacy.covers.items() if self.bindings[k].widget is widget
            )
        at = chain.index(self.reason)
        return [*chain[:at], self.representatives.table, *chain[at:]]
