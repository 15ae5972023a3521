"""The plan list, paged by key: the store filters and sorts (a header click), so the model holds
only the pages the user has scrolled to, even on 100,000 plans.

The rows are a window on the whole list: pages are appended as the view scrolls down, and after
Ctrl+End (the last page, read by reversing the order) prepended as it scrolls up. A new search or
order is read on a worker when asked to (its count scans every plan); the answer to an older
question is dropped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.domain.plan_list import PlanPageQuery, PlanSort
from sip_desk.ui.background import BackgroundOp, Lane
from sip_desk.ui.icons import Icon, icon
from sip_desk.ui.item_models.paged_table_model import ModelIndex, PagedTableModel
from sip_desk.ui.item_models.plan_cells import Column, cell_text, sort_value

__all__ = ["Column", "PlanSource", "PlanTableModel"]
from sip_desk.ui.item_models.row_table_model import RowRole, SortRole

# zoneinfo loads with the first page, not before the first paint.
if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanSummary
    from sip_desk.domain.plan_list import PlanCursor, PlanPage


class PlanSource(Protocol):
    """What the model needs from ``services.plan_list``."""

    def plan_page(self, query: PlanPageQuery) -> PlanPage: ...

    def count_plans(self, query: PlanPageQuery) -> int: ...


SORTS = {
    Column.PERSON: PlanSort.PERSON,
    Column.IDENTITY: PlanSort.IDENTITY,
    Column.STATUS: PlanSort.STATUS,
    Column.LEAD: PlanSort.LEAD,
    Column.COORDINATOR: PlanSort.COORDINATOR,
    Column.NEXT_FOLLOW_UP: PlanSort.NEXT_FOLLOW_UP,
}


class PlanTableModel(PagedTableModel["PlanSummary"]):
    """Plan summaries; ``total`` is how many plans match the current search."""

    loaded = Signal()  # a new search or order finished loading its first page

    def __init__(self, parent: QObject | None = None, page_size: int = 200) -> None:
        super().__init__(parent, page_size, len(Column))
        self._source: PlanSource | None = None
        self._cursors: list[PlanCursor] = []
        self._query = PlanPageQuery(limit=page_size)
        self._shown = self._query  # the question the rows answer (a newer one may be on its way)
        self.more_after = self.more_before = self.is_loading = False
        self.background = False  # read new searches and orders on a worker
        self._generation = 0
        self._lane = Lane(self)
        self.total = 0

    @property
    def text(self) -> str:
        """The search the rows match."""
        return self._query.text

    def set_source(self, source: PlanSource) -> None:
        """Attach the services (once the store is open) and load the first page."""
        self._source = source
        self.reload()

    def set_filter(self, text: str, status: PlanStatus | None) -> None:
        """Search by name, identity number, organisation or person on the plan, and/or status."""
        self._query = dataclasses.replace(self._query, text=text.strip(), status=status)
        self._reload_new()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by ``column`` in the store; -1: most recently changed first."""
        descending = order == Qt.SortOrder.DescendingOrder
        sort = SORTS.get(Column(column)) if column >= 0 else None
        if sort is None:
            sort, descending = PlanSort.UPDATED, True
        if (sort, descending) != (self._query.sort, self._query.descending):
            self._query = dataclasses.replace(self._query, sort=sort, descending=descending)
            self._reload_new()

    def _reload_new(self) -> None:
        if self.background:
            self.reload_in_background()
        else:
            self.reload()

    def _query_for(self, keep_loaded: bool) -> tuple[PlanPageQuery, bool]:
        """The question for a reload; ``keep_loaded`` asks for as many rows as are shown now."""
        tail = keep_loaded and self.more_before
        want = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        return dataclasses.replace(self._query, limit=want, backwards=tail), tail

    def reload(self, keep_loaded: bool = False) -> None:
        """Re-query the store; ``keep_loaded`` reloads as many rows as are shown now."""
        if self._source is None:
            return
        self._generation += 1
        query, tail = self._query_for(keep_loaded)
        try:
            self._show(self._read(self._source, query), query, tail)
        except DomainError as error:
            self._show((0, None), query)
            self._fail(error)

    def reload_in_background(self, keep_loaded: bool = False) -> None:
        """Read the first page and the count on a worker; the rows shown stay until then."""
        if self._source is None:
            return
        self._generation += 1
        generation, source = self._generation, self._source
        query, tail = self._query_for(keep_loaded)
        self.is_loading = True
        self._lane.drop_queued()

        def answered(result: tuple[int, PlanPage]) -> None:
            if generation == self._generation:
                self._show(result, query, tail)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._show((0, None), query)
                unexpected = StoreError("store.failed", detail=str(error))
                self._fail(error if isinstance(error, DomainError) else unexpected)

        work: Callable[[], tuple[int, PlanPage]] = lambda: self._read(source, query)  # noqa: E731
        BackgroundOp(self, work, answered).in_lane(self._lane).failure(failed).run()

    def wait_until_idle(self, msecs: int = -1) -> bool:
        """Block until a background read has finished (its answer still queues)."""
        return self._lane.wait(msecs)

    @staticmethod
    def _read(source: PlanSource, query: PlanPageQuery) -> tuple[int, PlanPage]:
        return source.count_plans(query), source.plan_page(query)

    def _show(
        self, result: tuple[int, PlanPage | None], query: PlanPageQuery, tail: bool = False
    ) -> None:
        """Show a first page (or with ``tail`` a last one) in place of every row."""
        total, page = result
        self._shown = dataclasses.replace(query, limit=self._page_size, backwards=False)
        self.beginResetModel()
        self.total, self.is_loading, self.last_error = total, False, None
        self._rows = list(page.rows) if page else []
        self._cursors = list(page.cursors) if page else []
        self.more_before = tail and len(self._rows) < total
        self.more_after = not tail and len(self._rows) < total
        self.endResetModel()
        if page is not None:
            self.loaded.emit()

    def load_last(self) -> None:
        """Show the last page (Ctrl+End): the order read from its end."""
        if self._source is None or not self.more_after or self.is_loading:
            return
        self._generation += 1
        query = dataclasses.replace(self._shown, backwards=True)
        try:
            self._show((self.total, self._source.plan_page(query)), query, tail=True)
        except DomainError as error:
            self._fail(error)

    def load_first(self) -> None:
        """Back to the first page (Ctrl+Home after Ctrl+End)."""
        if self.more_before:
            self.reload()

    def fetch_before(self) -> int:
        """Prepend the page before the first row shown; returns how many rows came."""
        if self._source is None or not self.more_before or not self._cursors or self.is_loading:
            return 0
        query = dataclasses.replace(self._shown, backwards=True, after=self._cursors[0])
        try:
            page = self._source.plan_page(query)
        except DomainError as error:
            self._fail(error)
            return 0
        self.more_before = len(page.rows) >= self._page_size
        if not page.rows:
            return 0
        self.beginInsertRows(QModelIndex(), 0, len(page.rows) - 1)
        self._rows[:0], self._cursors[:0] = page.rows, page.cursors
        self.endInsertRows()
        return len(page.rows)

    def row_of(self, plan_id: int) -> int:
        """The row showing ``plan_id``, or -1 if it is not loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == plan_id), -1)

    def _may_have_more(self) -> bool:
        return (
            self._source is not None
            and self.more_after
            and bool(self._cursors)
            and not self.is_loading
        )

    def _next_page(self) -> list[PlanSummary]:
        assert self._source is not None
        query = dataclasses.replace(self._shown, after=self._cursors[-1])
        page = self._source.plan_page(query)
        self.more_after = len(page.rows) >= self._page_size
        self._cursors.extend(page.cursors)  # fetchMore appends the rows next
        return page.rows

    def _fail(self, error: DomainError) -> None:
        self.more_after = self.more_before = False
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
            return cell_text(plan, column)
        if role == RowRole:
            return plan
        if role == SortRole:
            return sort_value(plan, column)
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
