"""Section 5: which principal has overall responsibility, and who coordinates."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession
from sip_desk.ui.item_models.labels import enum_choices


class ResponsibilitySection(Section):
    """Lead principal, its organisation, and the coordinator picked among the participants."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("5. Lead principal and coordinator"), parent)
        self.setObjectName("section_responsibility")
        self.lead_principal = self.combo(enum_choices(PrincipalType, self.tr("(not chosen)")))
        self.plan_field(
            "lead_principal",
            self.tr("Lead &principal (overall responsibility)"),
            self.lead_principal,
            **self.enum_kw(PrincipalType),
        )
        self.lead_organisation = self.line()
        self.plan_field("lead_organisation", self.tr("Lead organisation"), self.lead_organisation)
        self.coordinator = self.combo([])
        self.plan_field("coordinator_participant_id", self.tr("Coordina&tor"), self.coordinator)

    def refresh(self, plan: PlanDetail) -> None:
        people = [
            (p.id, f"{p.name}, {p.organisation}" if p.organisation else p.name)
            for p in plan.participants
        ]
        self.set_choices(
            "plan.coordinator_participant_id", [("", self.tr("(not chosen)")), *people]
        )
        super().refresh(plan)
