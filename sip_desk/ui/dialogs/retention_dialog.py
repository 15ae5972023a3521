"""Plans due for deletion (gallringsbara planer): closed plans past their retention period.

The list and each deletion run on the background runner. Deleting asks first, naming how
many plans go; the service logs each deletion with the plan id and a date, no personal data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.retention import MAX_YEARS, MIN_YEARS, DueForDeletion
from sip_desk.ui import prompts
from sip_desk.ui.background import BackgroundOp
from sip_desk.ui.views.sort_arrow import SortArrowHeader

if TYPE_CHECKING:
    from sip_desk.services.plan_service import PlanService

_ID = Qt.ItemDataRole.UserRole


class RetentionDialog(QDialog):
    """The due plans in a sortable table; select some and delete them after a confirmation."""

    loaded = Signal()
    """The list is shown (after opening, a new period or a deletion)."""
    deleted = Signal(list)
    """These plans (ids) were deleted."""

    def __init__(self, plans: PlanService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plans = plans
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Plans due for deletion (gallring)"))
        self.years = QSpinBox(self)
        self.years.setObjectName("retentionYearsSpin")
        self.years.setRange(MIN_YEARS, MAX_YEARS)
        self.years.setSuffix(self.tr(" years"))
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.apply_button.setObjectName("retentionApplyButton")
        self.apply_button.setAutoDefault(False)
        self.summary = QLabel(self)
        self.summary.setObjectName("retentionSummary")
        self.summary.setWordWrap(True)
        self.table = self._table()
        self.delete_button = QPushButton(self.tr("&Delete selected plans…"), self)
        self.delete_button.setObjectName("retentionDeleteButton")
        self.delete_button.setEnabled(False)
        self.delete_button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self._layout(buttons)
        self.apply_button.clicked.connect(self._apply_years)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.delete_button.clicked.connect(self.delete_selected)
        self.resize(720, 460)
        self._load()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 5, self)
        table.setObjectName("retentionTable")
        table.setHorizontalHeader(SortArrowHeader(table))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Plan"),
                self.tr("Person"),
                self.tr("Closed"),
                self.tr("Last entry"),
                self.tr("Due since"),
            ]
        )
        table.setAccessibleName(self.tr("Plans due for deletion"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSortIndicatorShown(True)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _layout(self, buttons: QDialogButtonBox) -> None:
        period = QHBoxLayout()
        label = QLabel(self.tr("&Retention period after the last entry:"), self)
        label.setBuddy(self.years)
        period.addWidget(label)
        period.addWidget(self.years)
        period.addWidget(self.apply_button)
        period.addStretch(1)
        note = QLabel(
            self.tr(
                "Closed plans whose last entry (change, closing, version or meeting) is the"
                " retention period or more ago; the Social Services Act keeps records five"
                " years. A deleted plan remains in the backups until they rotate out"
                " (7 daily, 4 weekly)."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(note)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    # --- Loading and showing the list.

    def _load(self) -> None:
        plans = self._plans

        def work() -> tuple[int, list[DueForDeletion]]:
            return plans.retention_years(), plans.due_for_deletion()

        BackgroundOp(self, work, self._show).titled(self.windowTitle()).run()

    def _show(self, loaded: tuple[int, list[DueForDeletion]]) -> None:
        years, due = loaded
        self.years.setValue(years)
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(due))
        for r, item in enumerate(due):
            closed = item.closed_on.isoformat() if item.closed_on else "–"
            values = (
                item.person_name,
                closed,
                item.last_entry.isoformat(),
                item.due_on.isoformat(),
            )
            plan = QTableWidgetItem()
            plan.setData(Qt.ItemDataRole.DisplayRole, item.plan_id)
            plan.setData(_ID, item.plan_id)
            table.setItem(r, 0, plan)
            for c, value in enumerate(values, start=1):
                table.setItem(r, c, QTableWidgetItem(value))
        table.setSortingEnabled(True)
        table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # longest due first
        table.resizeColumnsToContents()
        text = self.tr("%1 plans are due for deletion.") if due else self.tr("No plan is due.")
        self.summary.setText(text.replace("%1", str(len(due))))
        if due:
            table.setCurrentCell(0, 0, table.selectionModel().SelectionFlag.NoUpdate)
            table.setFocus()
        self._selection_changed()
        self.loaded.emit()

    def _apply_years(self) -> None:
        plans, years = self._plans, self.years.value()

        def work() -> tuple[int, list[DueForDeletion]]:
            plans.set_retention_years(years)
            return plans.retention_years(), plans.due_for_deletion()

        BackgroundOp(self, work, self._show).titled(self.windowTitle()).run()

    # --- Deleting.

    def selected_ids(self) -> list[int]:
        """The plan ids of the selected rows, in the order shown."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        items = (self.table.item(r, 0) for r in rows)
        return [int(item.data(_ID)) for item in items if item is not None]

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(bool(self.selected_ids()))

    def delete_selected(self) -> None:
        """Ask, naming how many plans, then delete them on the runner and show the list again."""
        ids = self.selected_ids()
        if not ids:
            return
        title = self.tr("Delete plans")
        if len(ids) == 1:
            question = self.tr("Delete 1 plan and everything in it?")
        else:
            question = self.tr("Delete %1 plans and everything in them?").replace(
                "%1", str(len(ids))
            )
        question += " " + self.tr(
            "This cannot be undone. Each deletion is logged with the plan id and the date,"
            " without names."
        )
        if not prompts.confirm(self, title, question):
            return
        plans = self._plans

        def work() -> tuple[int, list[DueForDeletion]]:
            plans.delete_due(ids)
            return plans.retention_years(), plans.due_for_deletion()

        def done(loaded: tuple[int, list[DueForDeletion]]) -> None:
            self._show(loaded)
            self.deleted.emit(ids)

        BackgroundOp(self, work, done).titled(title).run()

    @classmethod
    def show_for(cls, parent: QWidget | None, plans: PlanService) -> RetentionDialog:
        """Open the dialog (not modal: the list loads while it shows)."""
        dialog = cls(plans, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
