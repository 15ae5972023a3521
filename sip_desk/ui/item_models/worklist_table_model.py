"""The worklist in groups (today, overdue, coming), each ordered by due day in the store and
paged over ``services.follow_ups``; a header click sorts each group by that column.

The first page on opening is read at once (indexed queries, well under a second at 100,000
plans); the counts, and every page after a filter or store change, are read on a worker. Each
answer carries the generation it was asked for, so an older filter's never overwrites a newer.
A sort by a column other than the due date reads the whole filter first (up to ``SORT_CAP``
rows, on the worker), since a page of the store's order sorted alone would mislead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.domain.worklist import (
    COUNT_CAP,
    Urgency,
    WorklistCounts,
    WorklistFilter,
    WorklistItem,
)
from sip_desk.ui.background import BackgroundOp, Lane
from sip_desk.ui.item_models.paged_table_model import ModelIndex, PagedTableModel
from sip_desk.ui.item_models.row_table_model import RowRole, SortRole
from sip_desk.ui.worklist.worklist_groups import (
    Group,
    GroupHeading,
    Place,
    Row,
    collect,
    group_filters,
    sorted_in_groups,
)
from sip_desk.ui.worklist.worklist_labels import Column, cell_text, group_title, sort_key

__all__ = ["Column", "RowRole", "SortRole", "WorklistSource", "WorklistTableModel"]
T = TypeVar("T")
SORT_CAP = 5000
"""A sort by a column reads at most this many rows."""

_URGENCY_COLOURS = {
    Urgency.OVERDUE: QColor("#fde2e1"),
    Urgency.TODAY: QColor("#fff1c2"),
}
_HEADING_COLOUR = QColor("#dfe6ee")
_Loaded = tuple[list[Row], Place, list[tuple[Group, WorklistFilter]]]


class WorklistSource(Protocol):
    """What the model needs from ``services.follow_ups`` (read paths only)."""

    def today(self) -> date: ...

    def worklist(self, query: WorklistFilter | None = None) -> list[WorklistItem]: ...

    def counts(
        self, query: WorklistFilter | None = None, cap: int | None = None
    ) -> WorklistCounts: ...


class WorklistTableModel(PagedTableModel[Row]):
    """Worklist rows under group headings; ``counts`` per urgency bucket of the filter (``None``
    while counting)."""

    loaded = Signal()  # a new first page is in the model
    counts_loaded = Signal()

    def __init__(self, parent: QObject | None = None, page_size: int = 200) -> None:
        super().__init__(parent, page_size, len(Column))
        self._source: WorklistSource | None = None
        self.filter = WorklistFilter(limit=page_size)
        self._counts_filter: WorklistFilter | None = None
        self._generation = 0
        self._loading = False
        self._groups: list[tuple[Group, WorklistFilter]] = []
        self._place = Place(done=True)
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder
        self.sort_capped = False
        self.counts: WorklistCounts | None = None
        self._pages, self._counter = Lane(self), Lane(self)

    @property
    def is_loading(self) -> bool:
        return self._loading

    def set_source(self, source: WorklistSource) -> None:
        """Attach the services, show the first page at once and count in the background."""
        self._source = source
        self.reload(background=False)

    def set_filter(
        self,
        query: WorklistFilter,
        background: bool = True,
        counts_query: WorklistFilter | None = None,
    ) -> None:
        """Show the rows matching ``query`` (its paging is ignored); count ``counts_query``'s
        (default: ``query``'s), so a chip that narrows the rows leaves the other counts."""
        self.filter = dataclasses.replace(query, offset=0, limit=self._page_size, from_due=None)
        self._counts_filter = counts_query
        self.reload(background)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort each group by ``column`` (-1 or the due column: the store's due order)."""
        column = -1 if column == Column.DUE and order == Qt.SortOrder.AscendingOrder else column
        if (column, order) != (self.sort_column, self.sort_order):
            self.sort_column, self.sort_order = column, order
            self.reload(recount=False)

    def reload(self, background: bool = True, recount: bool = True) -> None:
        """Read the first page (at once unless ``background``) and, on a worker, the counts."""
        if self._source is None:
            return
        self._generation += 1
        source, query = self._source, self.filter
        counted = self._counts_filter or query
        if recount or self.counts is None:
            self.counts = None
            self._read(self._counter, lambda: source.counts(counted, COUNT_CAP), self._show_counts)
        work = self._first_page_work(source, query)
        if background:
            self._loading = True
            self._read(self._pages, work, self._show_page)
            return
        try:
            self._show_page(work())
        except DomainError as error:
            self._fail(error)

    def _first_page_work(
        self, source: WorklistSource, query: WorklistFilter
    ) -> Callable[[], _Loaded]:
        groups = group_filters(query, source.today())
        column, descending = self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder
        want = self._page_size if column < 0 else SORT_CAP
        size = self._page_size if column < 0 else 1000

        def work() -> _Loaded:
            rows, place = collect(source.worklist, groups, Place(done=not groups), want, size)
            if column >= 0:
                rows = sorted_in_groups(
                    rows, lambda item: sort_key(item, Column(column)), descending
                )
            return rows, place, groups

        return work

    def wait_until_idle(self, msecs: int = -1) -> bool:
        """Block until the background reads have finished (their answers still queue)."""
        return self._pages.wait(msecs) and self._counter.wait(msecs)

    def _read(self, lane: Lane, call: Callable[[], T], done: Callable[[T], None]) -> None:
        """Run ``call`` in ``lane``; the answer to an older question is dropped."""
        generation = self._generation
        lane.drop_queued()

        def answered(result: T) -> None:
            if generation == self._generation:
                done(result)

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self._loading = False
                unexpected = StoreError("store.failed", detail=str(error))  # logged by the op
                self._fail(error if isinstance(error, DomainError) else unexpected)

        BackgroundOp(self, call, answered).in_lane(lane).failure(failed).run()

    def _show_counts(self, counts: WorklistCounts) -> None:
        self.counts = counts
        self.counts_loaded.emit()
        if self._rows:  # the headings show the counts
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def _show_page(self, loaded: _Loaded) -> None:
        rows, place, groups = loaded
        self.beginResetModel()
        self._rows, self._place, self._groups = rows, place, groups
        sorting = self.sort_column >= 0
        self.sort_capped = sorting and not place.done
        if sorting:
            self._place = Place(done=True)  # a sorted list is read whole (up to the cap)
        self._loading = False
        self.last_error = None
        self.endResetModel()
        self.loaded.emit()

    def row_at(self, row: int) -> WorklistItem | None:
        """The worklist item at ``row``; ``None`` for a heading or past the rows."""
        found = super().row_at(row)
        return found if isinstance(found, WorklistItem) else None

    def heading_at(self, row: int) -> Group | None:
        """The group whose heading is at ``row``, if it is a heading."""
        found = super().row_at(row)
        return found.group if isinstance(found, GroupHeading) else None

    def items(self) -> list[WorklistItem]:
        return [r for r in self._rows if isinstance(r, WorklistItem)]

    def _may_have_more(self) -> bool:
        return self._source is not None and not (self._place.done or self._loading)

    def _next_page(self) -> list[Row]:
        assert self._source is not None
        size = self._page_size
        rows, self._place = collect(self._source.worklist, self._groups, self._place, size, size)
        return rows

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Due"),
            self.tr("Urgency"),
            self.tr("Kind"),
            self.tr("Person"),
            self.tr("What"),
            self.tr("Responsible"),
            self.tr("Organisation"),
            self.tr("Coordinator"),
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, GroupHeading):
            return self._heading_data(row.group, index.column(), role)
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, column)
        if role == RowRole:
            return row
        if role == SortRole:
            return sort_key(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.urgency in _URGENCY_COLOURS:
            return QBrush(_URGENCY_COLOURS[row.urgency])
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.WHAT:
            return row.title or None
        return None

    def _heading_data(self, group: Group, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group_title(group, self.counts) if column == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_HEADING_COLOUR)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if self.heading_at(index.row()) is not None:
            return Qt.ItemFlag.ItemIsEnabled  # a heading cannot be selected or opened
        return super().flags(index)
