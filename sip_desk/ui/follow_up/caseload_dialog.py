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
from sip_desk.ui.views.sort_arrow import SortArrowHeader

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
        self.table.setHorizontalHeader(SortArrowHeader(self.table))  # up is A to Z
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
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        # By coordinator, A to Z, and the arrow says so (a header click turns both around).
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._fit_to_content()

    def _fit_to_content(self) -> None:
        """As wide as the columns and as tall as the rows, within the screen."""
        table = self.table
        frame = table.frameWidth() * 2
        width = (
            table.horizontalHeader().length() + frame + table.verticalScrollBar().sizeHint().width()
        )
        rows = table.verticalHeader().length() + table.horizontalHeader().height() + frame
        screen = self.screen().availableGeometry() if self.screen() else None
        max_height = int(screen.height() * 0.8) if screen else 700
        max_width = int(screen.width() * 0.9) if screen else 1200
        table.setMinimumWidth(min(width, max_width))
        table.setFixedHeight(min(rows + 2, max_height - 80))
        self.adjustSize()

    @classmethod
    def show_for(cls, parent: QWidget | None, follow_ups: FollowUpService) -> None:
        cls(follow_ups.caseload(), parent).exec()
