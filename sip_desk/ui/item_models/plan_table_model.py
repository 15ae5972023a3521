"""The plan list, paged: the store filters and orders (most recently changed first), so the model
holds only the pages the user has scrolled to, even on 100,000 plans."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal

from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.errors import DomainError
from sip_desk.ui.icons import Icon, icon
from sip_desk.ui.item_models.paged_table_model import ModelIndex, PagedTableModel
from sip_desk.ui.item_models.row_table_model import RowRole, SortRole
from sip_desk.ui.labels import lead_label, status_label

# The domain's dataclasses and zoneinfo load with the first page, not before the first paint.
if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanQuery, PlanSummary


class PlanSource(Protocol):
    """What the model needs from ``services.plans``."""

    def list_plans(self, query: PlanQuery | None = None) -> list[PlanSummary]: ...

    def count_plans(self, query: PlanQuery | None = None) -> int: ...


Column = IntEnum("Column", "PERSON IDENTITY STATUS LEAD COORDINATOR NEXT_FOLLOW_UP", start=0)


class PlanTableModel(PagedTableModel["PlanSummary"]):
    """Plan summaries; ``total`` is how many plans match the current search."""

    loaded = Signal()  # a new search finished loading its first page

    def __init__(self, parent: QObject | None = None, page_size: int = 200) -> None:
        super().__init__(parent, page_size, len(Column))
        self._source: PlanSource | None = None
        self._ids: set[int] = set()
        self._text = ""
        self._status: PlanStatus | None = None
        self.total = 0

    def set_source(self, source: PlanSource) -> None:
        """Attach the services (once the store is open) and load the first page."""
        self._source = source
        self.reload()

    def set_filter(self, text: str, status: PlanStatus | None) -> None:
        """Search by name, identity number or organisation, and/or status; reloads."""
        self._text, self._status = text.strip(), status
        self.reload()

    def reload(self, keep_loaded: bool = False) -> None:
        """Re-query the store; ``keep_loaded`` reloads as many rows as are shown now."""
        want = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        self.beginResetModel()
        self._rows, self._ids, self.total = [], set(), 0
        try:
            if self._source is not None:
                self.total = self._source.count_plans(self._query(0, None))
                self._append(self._load(0, want))
            self.last_error = None
        except DomainError as error:
            self._fail(error)
        finally:
            self.endResetModel()
        if self.last_error is None:
            self.loaded.emit()

    def row_of(self, plan_id: int) -> int:
        """The row showing ``plan_id``, or -1 if it is not loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == plan_id), -1)

    def _may_have_more(self) -> bool:
        return self._source is not None and len(self._rows) < self.total

    def _next_page(self) -> list[PlanSummary]:
        page = [p for p in self._load(len(self._rows), self._page_size) if p.id not in self._ids]
        if not page:
            # The store shrank meanwhile: stop asking for more.
            self.total = len(self._rows)
        return page

    def _query(self, offset: int, limit: int | None) -> PlanQuery:
        from sip_desk.domain.plan import PlanQuery

        return PlanQuery(text=self._text, status=self._status, offset=offset, limit=limit)

    def _load(self, offset: int, limit: int) -> list[PlanSummary]:
        assert self._source is not None
        return self._source.list_plans(self._query(offset, limit))

    def _append(self, page: list[PlanSummary]) -> None:
        self._rows.extend(page)
        self._ids.update(p.id for p in page)

    def _fail(self, error: DomainError) -> None:
        self.total = len(self._rows)
        super()._fail(error)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Person"),
            self.tr("Identity number"),
            self.tr("Status"),
            self.tr("Lead principal"),
            self.tr("Coordinator"),
            self.tr("Next follow-up"),
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        plan = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(plan, column)
        if role == RowRole:
            return plan
        if role == SortRole:
            return self._sort_value(plan, column)
        if plan.protected_identity and column is Column.PERSON:
            return self._protected_data(plan, role)
        return None

    def _protected_data(self, plan: PlanSummary, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(Icon.IDENTITY_PROTECT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Protected identity: the address is never shown or printed.")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("Protected identity: %1").replace("%1", plan.person_name)
        return None

    def _display(self, plan: PlanSummary, column: Column) -> str:
        if column is Column.PERSON:
            return plan.person_name
        if column is Column.IDENTITY:
            from sip_desk.domain.identity import mask_identity

            shown = mask_identity(plan.identity_number) or (plan.reserve_id or "")
            if plan.protected_identity:
                return self.tr("%1 (protected)").replace("%1", shown).strip()
            return shown
        if column is Column.STATUS:
            return status_label(plan.status)
        if column is Column.LEAD:
            return lead_label(plan.lead_organisation, plan.lead_principal)
        if column is Column.COORDINATOR:
            return plan.coordinator_name
        from sip_desk.domain.local_time import local_text  # Swedish local time

        return local_text(plan.next_follow_up_at) if plan.next_follow_up_at else ""

    @staticmethod
    def _sort_value(plan: PlanSummary, column: Column) -> Any:
        values: dict[Column, Any] = {
            Column.PERSON: plan.person_name.casefold(),
            Column.IDENTITY: plan.identity_number or plan.reserve_id or "",
            Column.STATUS: plan.status.value,
            Column.LEAD: plan.lead_organisation.casefold(),
            Column.COORDINATOR: plan.coordinator_name.casefold(),
            Column.NEXT_FOLLOW_UP: plan.next_follow_up_at.isoformat()
            if plan.next_follow_up_at
            else "",
        }
        return values[column]
