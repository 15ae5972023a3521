"""Caseload: per coordinator, active plans, follow-ups in the next 30 days, overdue actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.worklist import CaseloadRow

if TYPE_CHECKING:
    from sip_desk.services.follow_ups import FollowUpService


class CaseloadDialog(QDialog):
    """A read-only table of every coordinator's caseload."""

    def __init__(self, rows: list[CaseloadRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadDialog")
        self.setWindowTitle(self.tr("Caseload per coordinator"))
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setObjectName("caseloadTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Coordinator"),
                self.tr("Active plans"),
                self.tr("Follow-ups, next 30 days"),
                self.tr("Overdue actions"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(False)
        for r, row in enumerate(rows):
            values = (row.active_plans, row.follow_ups_next_30_days, row.overdue_actions)
            self.table.setItem(r, 0, QTableWidgetItem(row.coordinator))
            for c, value in enumerate(values, start=1):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 420)

    @classmethod
    def show_for(cls, parent: QWidget | None, follow_ups: FollowUpService) -> None:
        cls(follow_ups.caseload(), parent).exec()
