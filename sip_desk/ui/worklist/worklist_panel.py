"""The coordinator's worklist: counts, filters, a lazy table; a row opens its plan."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QWidget

from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.errors import DomainError
from sip_desk.domain.worklist import (
    COUNT_CAP,
    Urgency,
    WorklistFilter,
    WorklistItem,
    WorklistKind,
)
from sip_desk.services.registry import Services
from sip_desk.ui import file_dialogs, prompts
from sip_desk.ui.events import AppEvents
from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog
from sip_desk.ui.item_models.worklist_table_model import Column, WorklistTableModel
from sip_desk.ui.labels import principal_label, status_label
from sip_desk.ui.worklist.worklist_labels import count_number
from sip_desk.ui.worklist.worklist_view import WorklistView


class WorklistPanel(QWidget):
    """Worklist controller: wires the view to ``services.follow_ups`` and the app events."""

    def __init__(
        self, services: Services, events: AppEvents, lang: str = "sv", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("worklistPanel")
        self.services = services
        self.events = events
        self.lang = lang
        self.view = WorklistView(self)
        self.model = WorklistTableModel(self)
        self.view.table.setModel(self.model)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._fill_filters()
        self._connect_signals()
        self._on_counts_loaded()
        self.model.set_source(services.follow_ups)
        self._size_columns()

    def _fill_filters(self) -> None:
        v = self.view
        v.lead.addItem(self.tr("Any"), None)
        for principal in (PrincipalType.KOMMUN, PrincipalType.REGION):
            v.lead.addItem(principal_label(principal), principal)
        v.organisation.addItem("")
        v.organisation.addItems(self.services.follow_ups.organisations())
        v.coordinator.addItem("")
        v.coordinator.addItems(self.services.follow_ups.coordinators())
        v.status.addItem(self.tr("Draft and active"), None)
        for status in (PlanStatus.ACTIVE, PlanStatus.DRAFT):
            v.status.addItem(status_label(status), status)
        v.kind.addItem(self.tr("Everything"), frozenset(WorklistKind))
        v.kind.addItem(self.tr("Follow-up meetings"), frozenset({WorklistKind.FOLLOW_UP_MEETING}))
        v.kind.addItem(self.tr("Actions"), frozenset({WorklistKind.ACTION}))
        v.kind.addItem(self.tr("Warnings"), frozenset({WorklistKind.WARNING}))

    def _connect_signals(self) -> None:
        v = self.view
        for combo in (v.lead, v.status, v.kind):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for combo in (v.organisation, v.coordinator):
            combo.currentTextChanged.connect(self._on_filter_changed)
        v.responsible.textChanged.connect(self._on_filter_changed)
        self._debounce.timeout.connect(self.apply_filter)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.counts_loaded.connect(self._on_counts_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        v.table.activated.connect(self._on_table_activated)
        v.table.doubleClicked.connect(self._on_table_activated)
        v.table.selectionModel().selectionChanged.connect(self._update_buttons)
        v.open_plan.clicked.connect(self._on_open_plan_clicked)
        v.record.clicked.connect(self._on_record_clicked)
        v.invitation.clicked.connect(self._on_invitation_clicked)
        v.export_ics.clicked.connect(self._on_export_ics_clicked)
        v.caseload.clicked.connect(self._on_caseload_clicked)
        self.events.plan_changed.connect(self._on_filter_changed)
        self.events.plans_changed.connect(self._on_filter_changed)
        self._update_buttons()

    def current_filter(self) -> WorklistFilter:
        v = self.view
        return WorklistFilter(
            lead_principal=v.lead.currentData(),
            organisation=v.organisation.currentText().strip(),
            coordinator=v.coordinator.currentText().strip(),
            responsible=v.responsible.text().strip(),
            plan_status=v.status.currentData(),
            kinds=v.kind.currentData() or frozenset(WorklistKind),
        )

    def apply_filter(self) -> None:
        """Re-query with the current filter; the old rows stay until the new ones arrive."""
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self._on_counts_loaded()
        self.view.message.setText(self.tr("Updating the worklist…"))
        self.view.message.setVisible(True)

    def selected_item(self) -> WorklistItem | None:
        rows = self.view.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_filter_changed(self, *_args: object) -> None:
        self._debounce.start()  # the store changed too: re-query after a pause

    def _on_model_loaded(self) -> None:
        empty = self.model.rowCount() == 0
        self.view.message.setVisible(empty)
        if empty:
            self.view.message.setText(self.tr("Nothing to follow up with this filter."))
        self._update_buttons()

    def _on_counts_loaded(self) -> None:
        counts = self.model.counts
        v = self.view
        texts = (
            (v.overdue, self.tr("Overdue: %1"), Urgency.OVERDUE),
            (v.today, self.tr("Today: %1"), Urgency.TODAY),
            (v.this_week, self.tr("This week: %1"), Urgency.THIS_WEEK),
            (v.within_30, self.tr("Within 30 days: %1"), Urgency.WITHIN_30_DAYS),
        )
        tip = self.tr("More than %1; counting stops there.").replace("%1", str(COUNT_CAP - 1))
        for label, text, urgency in texts:
            value = None if counts is None else counts.of(urgency)
            capped = counts is not None and urgency in counts.capped
            label.setText(text.replace("%1", count_number(value, capped)))
            label.setToolTip(tip if capped else "")

    def _on_model_load_failed(self) -> None:
        error = self.model.last_error
        self.view.message.setText(error.message(self.lang) if error else "")
        self.view.message.setVisible(True)

    def _size_columns(self) -> None:
        header = self.view.table.horizontalHeader()
        widths = {
            Column.DUE: 130,
            Column.URGENCY: 110,
            Column.KIND: 160,
            Column.PERSON: 160,
            Column.RESPONSIBLE: 150,
            Column.ORGANISATION: 170,
            Column.WHAT: 260,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)

    def _update_buttons(self, *_args: object) -> None:
        item = self.selected_item()
        meeting = item is not None and item.kind is WorklistKind.FOLLOW_UP_MEETING
        self.view.open_plan.setEnabled(item is not None)
        self.view.record.setEnabled(meeting)
        self.view.invitation.setEnabled(meeting)

    def _on_table_activated(self, index: QModelIndex) -> None:
        item = self.model.row_at(index.row())
        if item is not None:
            self.events.open_plan_requested.emit(item.plan_id)

    def _on_open_plan_clicked(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.events.open_plan_requested.emit(item.plan_id)

    def _on_record_clicked(self) -> None:
        # The record is written in the plan's editor, as a draft that is never lost.
        item = self.selected_item()
        if item is not None and item.item_id is not None:
            self.events.follow_up_record_requested.emit(item.plan_id, item.item_id)

    def _on_invitation_clicked(self) -> None:
        item = self.selected_item()
        if item is None or item.item_id is None:
            return
        day = item.due.isoformat()
        path = file_dialogs.ask_save_path(
            self, self.tr("Save invitation"), f"kallelse-{day}.pdf", self.tr("PDF (*.pdf)")
        )
        if path is None:
            return
        try:
            written = self.services.follow_ups.meetings.write_invitation(
                item.plan_id, item.item_id, path, self.lang
            )
        except DomainError as error:
            prompts.warn(self, self.tr("Invitation"), error.message(self.lang))
            return
        text = self.tr("Saved the invitation as %1 and %2.")
        prompts.inform(
            self,
            self.tr("Invitation"),
            text.replace("%1", str(written[0])).replace("%2", str(written[1])),
        )

    def _on_export_ics_clicked(self) -> None:
        path = file_dialogs.ask_save_path(
            self, self.tr("Export to calendar"), "sip-uppfoljningar.ics",
            self.tr("Calendar (*.ics)"),
        )  # fmt: skip
        if path is None:
            return
        calendar = self.services.calendar
        try:
            calendar.write(path, calendar.worklist_calendar(self.model.filter, self.lang))
        except DomainError as error:
            prompts.warn(self, self.tr("Export to calendar"), error.message(self.lang))

    def _on_caseload_clicked(self) -> None:
        CaseloadDialog.show_for(self, self.services.follow_ups)
