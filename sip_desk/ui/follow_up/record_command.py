"""Ctrl+R: record a follow-up meeting, in the plan's editor (never in a dialog that can lose it).

From the worklist it records the selected follow-up meeting; from a plan's tab or the plan list
it starts (or reopens) the record of that plan's earliest booked follow-up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from sip_desk.domain.worklist import WorklistKind
from sip_desk.ui.widgets.plan_tabs import PlanTabs
from sip_desk.ui.widgets.worklist_tab import WorklistTab


class RecordCommand(QObject):
    """Finds the plan (and meeting) meant, opens the plan and goes to its follow-up record."""

    def __init__(
        self,
        tabs: PlanTabs,
        worklist: WorklistTab,
        target_plan_id: Callable[[], int | None],
        open_plan: Callable[[int], None],
        show_status: Callable[[str], None],
    ) -> None:
        super().__init__(tabs)
        self._tabs, self._worklist, self._target_plan_id = tabs, worklist, target_plan_id
        self._open_plan, self._show_status = open_plan, show_status

    def record_current(self) -> None:
        """Record the follow-up meant by what is selected or open now."""
        panel = self._worklist.panel
        if self._tabs.currentWidget() is self._worklist and panel is not None:
            item = panel.selected_item()
            if item is not None and item.kind is WorklistKind.FOLLOW_UP_MEETING:
                self.record(item.plan_id, item.item_id or 0)
                return
        plan_id = self._target_plan_id()
        if plan_id is None:
            self._show_status(
                self.tr("Open a plan, or select a follow-up meeting in the worklist, first.")
            )
            return
        self.record(plan_id, 0)

    def record(self, plan_id: int, meeting_id: int) -> None:
        """Open plan ``plan_id`` and go to the record of ``meeting_id`` (0: the earliest)."""
        self._open_plan(plan_id)
        editor = self._tabs.plan_widget(plan_id)
        record = getattr(editor, "record_follow_up", None)
        if callable(record):
            record(meeting_id or None)
        elif editor is not None:
            self._show_status(self.tr("The plan could not be opened for editing."))
