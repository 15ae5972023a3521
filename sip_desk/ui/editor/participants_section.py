"""Section 2: who takes part, and the person's consents."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sip_desk.domain.enums import ConsentForm, ConsentGiver
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession
from sip_desk.ui.item_models.consent_table_model import ConsentTableModel
from sip_desk.ui.item_models.labels import enum_choices
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel

_MADE_WITH = {"": None, "yes": True, "no": False}


class ParticipantsSection(Section):
    """Participants table, whether the plan is made with the person, and consent."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("2. Participants and consent"), parent)
        self.setObjectName("section_participants")
        self.participants = self.table_part(
            "participant",
            ParticipantTableModel(self),
            self.tr("Participants"),
            lambda plan: plan.participants,
        )
        self._layout.insertWidget(1, self.participants)
        self._build_consent()
        today = self.clock.today()
        self.consents = self.table_part(
            "consent",
            ConsentTableModel(today, self),
            self.tr("Consent to share information, per organisation"),
            lambda plan: plan.consents,
        )
        self._layout.addWidget(self.consents)

    def _build_consent(self) -> None:
        self.made_with_person = self.combo(
            [
                ("", self.tr("(not recorded)")),
                ("yes", self.tr("Yes, together with the person")),
                ("no", self.tr("No (give the reason below)")),
            ]
        )
        self.plan_field(
            "made_with_person",
            self.tr("&Made together with the person?"),
            self.made_with_person,
            parse=lambda data: _MADE_WITH[data or ""],
            show=lambda value: {None: "", True: "yes", False: "no"}[value],
        )
        self.not_with_reason = self.line()
        self.plan_field(
            "not_with_person_reason", self.tr("Why not with the person"), self.not_with_reason
        )
        self.consent_given = self.check(self.tr("The person consents to the plan"))
        self.plan_field("plan_consent_given", self.tr("&Consent to the plan"), self.consent_given)
        self.consent_date = self.date_line()
        self.plan_field(
            "plan_consent_date", self.tr("Consent date"), self.consent_date, **self.date_kw()
        )
        self.consent_form = self.combo(enum_choices(ConsentForm, self.tr("(not recorded)")))
        self.plan_field(
            "plan_consent_form",
            self.tr("Consent given"),
            self.consent_form,
            **self.enum_kw(ConsentForm),
        )
        self.consent_giver = self.combo(enum_choices(ConsentGiver, self.tr("(not recorded)")))
        self.plan_field(
            "plan_consent_given_by",
            self.tr("Consent given by"),
            self.consent_giver,
            **self.enum_kw(ConsentGiver),
        )

    def focus_chain(self) -> list[QWidget]:
        chain = super().focus_chain()
        return [*self.participants.focus_chain(), *chain, *self.consents.focus_chain()]
