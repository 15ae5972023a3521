"""What the plan list's cells show and sort by (masked identity numbers, local times)."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from sip_desk.ui.labels import lead_label, status_label

if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanSummary

Column = IntEnum("Column", "PERSON IDENTITY STATUS LEAD COORDINATOR NEXT_FOLLOW_UP", start=0)


def cell_text(plan: PlanSummary, column: Column) -> str:
    """The text of one cell."""
    if column is Column.PERSON:
        return plan.person_name
    if column is Column.IDENTITY:
        from sip_desk.domain.identity import mask_identity

        shown = mask_identity(plan.identity_number) or (plan.reserve_id or "")
        if plan.protected_identity:
            text = QCoreApplication.translate("PlanTableModel", "%1 (protected)")
            return text.replace("%1", shown).strip()
        return shown
    if column is Column.STATUS:
        return status_label(plan.status)
    if column is Column.LEAD:
        return lead_label(plan.lead_organisation, plan.lead_principal)
    if column is Column.COORDINATOR:
        return plan.coordinator_name
    from sip_desk.domain.local_time import local_text  # Swedish local time

    return local_text(plan.next_follow_up_at) if plan.next_follow_up_at else ""


def sort_value(plan: PlanSummary, column: Column) -> Any:
    """The raw value of one cell, for ``SortRole``."""
    values: dict[Column, Any] = {
        Column.PERSON: plan.person_name.casefold(),
        Column.IDENTITY: plan.identity_number or plan.reserve_id or "",
        Column.STATUS: plan.status.value,
        Column.LEAD: plan.lead_organisation.casefold(),
        Column.COORDINATOR: plan.coordinator_name.casefold(),
        Column.NEXT_FOLLOW_UP: plan.next_follow_up_at.isoformat() if plan.next_follow_up_at else "",
    }
    return values[column]
