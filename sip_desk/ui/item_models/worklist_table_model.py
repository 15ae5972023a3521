"""The worklist, ordered by urgency in the store and paged over ``services.follow_ups``.

The first page on opening is read at once (an indexed query, well under a second at 100,000
plans); the counts, and every page after a filter or store change, are read on a worker. Each
answer carries the generation it was asked for, so an older filter's never overwrites a newer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from itertools import takewhile
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

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
from sip_desk.ui.worklist.worklist_labels import Column, cell_text

__all__ = ["Column", "RowRole", "SortRole", "WorklistSource", "WorklistTableModel"]
T = TypeVar("T")

_URGENCY_COLOURS = {
    Urgency.OVERDUE: QColor("#fde2e1"),
    Urgency.TODAY: QColor("#fff1c2"),
}


class WorklistSource(Protocol):
    """What the model needs from ``services.follow_ups`` (read paths only)."""

    def worklist(self, query: WorklistFilter | None = None) -> list[WorklistItem]: ...

    def counts(
        self, query: WorklistFilter | None = None, cap: int | None = None
    ) -> WorklistCounts: ...


class WorklistTableModel(PagedTableModel[WorklistItem]):
    """Worklist rows; ``counts`` per urgency bucket of the filter (``None`` while counting)."""

    loaded = Signal()  # a new first page is in the model
    counts_loaded = Signal()

    def __init__(self, parent: QObject | None = None, page_size: int = 200) -> None:
        super().__init__(parent, page_size, len(Column))
        self._source: WorklistSource | None = None
        self.filter = WorklistFilter(limit=page_size)
        self._generation = 0
        self._loading = False
        self._exhausted = False
        self.counts: WorklistCounts | None = None
        self._pages, self._counter = Lane(self), Lane(self)

    @property
    def is_loading(self) -> bool:
        return self._loading

    def set_source(self, source: WorklistSource) -> None:
        """Attach the services, show the first page at once and count in the background."""
        self._source = source
        self.reload(background=False)

    def set_filter(self, query: WorklistFilter, background: bool = True) -> None:
        """Show the rows matching ``query`` (its paging is ignored)."""
        self.filter = dataclasses.replace(query, offset=0, limit=self._page_size, from_due=None)
        self.reload(background)

    def reload(self, background: bool = True) -> None:
        """Read the first page (at once unless ``background``) and, on a worker, the counts."""
        if self._source is None:
            return
        self._generation += 1
        source, query = self._source, self.filter
        self.counts = None
        self._read(self._counter, lambda: source.counts(query, COUNT_CAP), self._show_counts)
        if background:
            self._loading = True
            self._read(self._pages, lambda: source.worklist(query), self._show_page)
            return
        try:
            self._show_page(source.worklist(query))
        except DomainError as error:
            self._fail(error)

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

    def _show_page(self, rows: list[WorklistItem]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._exhausted = len(rows) < self._page_size
        self._loading = False
        self.last_error = None
        self.endResetModel()
        self.loaded.emit()

    def items(self) -> list[WorklistItem]:
        return list(self._rows)

    def _may_have_more(self) -> bool:
        return self._source is not None and not (self._exhausted or self._loading or not self._rows)

    def _next_page(self) -> list[WorklistItem]:
        # Keyset paging: rows due after the last loaded day, skipping those of that day shown.
        assert self._source is not None
        last = self._rows[-1].due
        seen = sum(1 for _ in takewhile(lambda item: item.due == last, reversed(self._rows)))
        page = self._source.worklist(dataclasses.replace(self.filter, from_due=last, offset=seen))
        self._exhausted = len(page) < self._page_size
        return page

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
        item = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(item, column)
        if role == RowRole:
            return item
        if role == SortRole:
            return (item.due.isoformat(), item.urgency.value, item.plan_id)
        if role == Qt.ItemDataRole.BackgroundRole and item.urgency in _URGENCY_COLOURS:
            return QBrush(_URGENCY_COLOURS[item.urgency])
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.WHAT:
            return item.title or None
        return None
