"""Section 6: the crisis plan: warning signs, what to do, whom to contact."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession


class CrisisSection(Section):
    """Warning signs, actions and contacts in a crisis."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("6. Crisis plan"), parent)
        self.setObjectName("section_crisis")
        self.warning_signs = self.text()
        self.plan_field("crisis_warning_signs", self.tr("Warnin&g signs"), self.warning_signs)
        self.crisis_actions = self.text()
        self.plan_field("crisis_actions", self.tr("What to do"), self.crisis_actions)
        self.crisis_contacts = self.text()
        self.plan_field("crisis_contacts", self.tr("W&hom to contact"), self.crisis_contacts)
