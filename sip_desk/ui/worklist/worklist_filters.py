"""The worklist's filter choices: principals, organisations and coordinators in the store,
statuses, kinds of rows, ranges of dates and the sort order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.worklist import WorklistKind
from sip_desk.services.follow_ups import FollowUpService
from sip_desk.ui.item_models.worklist_table_model import Column
from sip_desk.ui.labels import principal_label, status_label
from sip_desk.ui.worklist.worklist_range import RangeChoice
from sip_desk.ui.worklist.worklist_view import WorklistView


def fill_filters(view: WorklistView, follow_ups: FollowUpService, titles: tuple[str, ...]) -> None:
    """Fill the filter widgets of ``view``; ``titles`` are the table's column headings."""
    view.lead.addItem(QCoreApplication.translate("WorklistPanel", "Any"), None)
    for principal in (PrincipalType.KOMMUN, PrincipalType.REGION):
        view.lead.addItem(principal_label(principal), principal)
    view.organisation.addItem("")
    view.organisation.addItems(follow_ups.organisations())
    view.coordinator.addItem("")
    view.coordinator.addItems(follow_ups.coordinators())
    view.status.addItem(QCoreApplication.translate("WorklistPanel", "Draft and active"), None)
    for status in (PlanStatus.ACTIVE, PlanStatus.DRAFT):
        view.status.addItem(status_label(status), status)
    view.kind.addItem(
        QCoreApplication.translate("WorklistPanel", "Everything"), frozenset(WorklistKind)
    )
    view.kind.addItem(
        QCoreApplication.translate("WorklistPanel", "Follow-up meetings"),
        frozenset({WorklistKind.FOLLOW_UP_MEETING}),
    )
    view.kind.addItem(
        QCoreApplication.translate("WorklistPanel", "Actions"), frozenset({WorklistKind.ACTION})
    )
    view.kind.addItem(
        QCoreApplication.translate("WorklistPanel", "Warnings"), frozenset({WorklistKind.WARNING})
    )
    for choice in RangeChoice:
        view.range.addItem(choice.label(), choice.value)
    columns = [(int(c), titles[c]) for c in Column if c is not Column.DUE]
    view.sort.fill(
        QCoreApplication.translate("WorklistPanel", "Due date (today, overdue, coming)"), columns
    )
