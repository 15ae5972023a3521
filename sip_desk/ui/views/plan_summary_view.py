"""A read-only summary of a plan: shown when the plan editor is not available."""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.labels import lead_label, status_label


class PlanSummaryView(QWidget):
    """Person, status, lead principal, coordinator, counts and the next follow-up."""

    def __init__(self, plan: PlanDetail, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planSummary")
        self.plan_id = plan.id
        person = plan.person
        title = QLabel(f"<h2>{escape(person.full_name)}</h2>", self)
        title.setObjectName("planSummaryTitle")
        note = QLabel(self.tr("Read-only summary: the plan editor is not available."), self)
        note.setObjectName("planSummaryNote")
        form = QFormLayout()
        rows = self._rows(plan, now)
        for text, value in rows:
            label = QLabel(value or "–", self)
            label.setWordWrap(True)
            form.addRow(text, label)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addStretch(1)

    def _rows(self, plan: PlanDetail, now: datetime) -> tuple[tuple[str, str], ...]:
        person = plan.person
        identity = person.masked_identity
        if person.protected_identity:
            identity = self.tr("%1 (protected identity)").replace("%1", identity).strip()
        follow_up = plan.next_follow_up(now)
        lead = lead_label(plan.fields.lead_organisation, plan.fields.lead_principal)
        coordinator = plan.coordinator
        when = follow_up.starts_at.astimezone(LOCAL_TZ) if follow_up else None
        return (
            (self.tr("Identity number:"), identity),
            (self.tr("Status:"), status_label(plan.status)),
            (self.tr("Reason:"), plan.fields.reason),
            (self.tr("Lead principal:"), lead),
            (self.tr("Coordinator:"), coordinator.name if coordinator else ""),
            (self.tr("Participants:"), str(len(plan.participants))),
            (self.tr("Goals:"), str(len(plan.goals))),
            (self.tr("Actions:"), str(len(plan.actions))),
            (self.tr("Next follow-up:"), when.strftime("%Y-%m-%d %H:%M") if when else ""),
        )
