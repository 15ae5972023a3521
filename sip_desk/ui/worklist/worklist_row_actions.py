"""What the worklist does with its selected row: open the plan, record, invite, export.

The worklist panel owns the filters, the counts and the table; this module owns what the
table's activation (Enter or a double-click) and the buttons under it do. A row opens its plan;
a follow-up meeting's row can be recorded (in the plan's editor) or get an invitation saved; the
calendar export writes the rows the filter shows; the caseload button opens the caseload. The
buttons are enabled to fit the selected row. The panel's language is read at each press.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject

from sip_desk.domain.worklist import WorklistKind
from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog
from sip_desk.ui.worklist.worklist_exports import export_calendar, save_invitation

if TYPE_CHECKING:
    from sip_desk.ui.worklist.worklist_panel import WorklistPanel


class WorklistRowActions(QObject):
    """Wires the worklist's row activation and buttons to what they do (owned by the panel)."""

    def __init__(self, panel: WorklistPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        v = panel.view
        v.table.activated.connect(self._on_table_activated)
        v.table.doubleClicked.connect(self._on_table_activated)
        v.table.selectionModel().selectionChanged.connect(self.update_buttons)
        v.open_plan.clicked.connect(self._on_open_plan_clicked)
        v.record.clicked.connect(self._on_record_clicked)
        v.invitation.clicked.connect(self._on_invitation_clicked)
        v.export_ics.clicked.connect(self._on_export_ics_clicked)
        v.caseload.clicked.connect(self._on_caseload_clicked)

    def update_buttons(self, *_args: object) -> None:
        """Enable the buttons that fit the selected row (a meeting's row: all of them)."""
        item = self._panel.selected_item()
        meeting = item is not None and item.kind is WorklistKind.FOLLOW_UP_MEETING
        v = self._panel.view
        v.open_plan.setEnabled(item is not None)
        v.record.setEnabled(meeting)
        v.invitation.setEnabled(meeting)

    def _on_table_activated(self, index: QModelIndex) -> None:
        item = self._panel.model.row_at(index.row())
        if item is not None:
            self._panel.events.open_plan_requested.emit(item.plan_id)

    def _on_open_plan_clicked(self) -> None:
        item = self._panel.selected_item()
        if item is not None:
            self._panel.events.open_plan_requested.emit(item.plan_id)

    def _on_record_clicked(self) -> None:
        # The record is written in the plan's editor, as a draft that is never lost.
        item = self._panel.selected_item()
        if item is not None and item.item_id is not None:
            self._panel.events.follow_up_record_requested.emit(item.plan_id, item.item_id)

    def _on_invitation_clicked(self) -> None:
        panel = self._panel
        item = panel.selected_item()
        if item is not None and item.item_id is not None:
            save_invitation(panel, panel.services, item, panel.lang)

    def _on_export_ics_clicked(self) -> None:
        panel = self._panel
        export_calendar(panel, panel.services, panel.model.filter, panel.lang)

    def _on_caseload_clicked(self) -> None:
        CaseloadDialog.show_for(self._panel, self._panel.services.follow_ups)
