"""The worklist: a lazily paged table model over ``services.follow_ups``.

The store orders the rows by urgency and counts them per bucket; the model holds only the pages
the user has scrolled to, so it opens at once on 100,000 plans.
"""

from __future__ import annotations

import dataclasses
import logging
from enum import IntEnum
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from sip_desk.domain.errors import DomainError
from sip_desk.domain.worklist import (
    Urgency,
    WarningKind,
    WorklistCounts,
    WorklistFilter,
    WorklistItem,
    WorklistKind,
)

log = logging.getLogger(__name__)
LOCAL_TZ = ZoneInfo("Europe/Stockholm")
ModelIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2

_URGENCY_COLOURS = {
    Urgency.OVERDUE: QColor("#fde2e1"),
    Urgency.TODAY: QColor("#fff1c2"),
}


class WorklistSource(Protocol):
    """What the model needs from ``services.follow_ups``."""

    def worklist(self, query: WorklistFilter | None = None) -> list[WorklistItem]: ...

    def counts(self, query: WorklistFilter | None = None) -> WorklistCounts: ...


class Column(IntEnum):
    """Columns of the worklist, left to right."""

    DUE = 0
    URGENCY = 1
    KIND = 2
    PERSON = 3
    WHAT = 4
    RESPONSIBLE = 5
    ORGANISATION = 6
    COORDINATOR = 7


def urgency_label(urgency: Urgency) -> str:
    """The urgency bucket as the user reads it."""
    texts = {
        Urgency.OVERDUE: QCoreApplication.translate("Worklist", "Overdue"),
        Urgency.TODAY: QCoreApplication.translate("Worklist", "Today"),
        Urgency.THIS_WEEK: QCoreApplication.translate("Worklist", "This week"),
        Urgency.WITHIN_30_DAYS: QCoreApplication.translate("Worklist", "Within 30 days"),
    }
    return texts.get(urgency, QCoreApplication.translate("Worklist", "Later"))


def kind_label(item: WorklistItem) -> str:
    """What the row is: a follow-up meeting, an action or the warning's reason."""
    if item.kind is WorklistKind.FOLLOW_UP_MEETING:
        return QCoreApplication.translate("Worklist", "Follow-up meeting")
    if item.kind is WorklistKind.ACTION:
        return QCoreApplication.translate("Worklist", "Action")
    texts = {
        WarningKind.CONSENT_EXPIRING: QCoreApplication.translate("Worklist", "Consent ends"),
        WarningKind.CONSENT_REVOKED: QCoreApplication.translate("Worklist", "Consent revoked"),
        WarningKind.NO_FOLLOW_UP: QCoreApplication.translate("Worklist", "No follow-up booked"),
        WarningKind.NO_FIRST_MEETING: QCoreApplication.translate(
            "Worklist", "No first meeting yet"
        ),
    }
    return texts.get(item.warning or WarningKind.NO_FOLLOW_UP, "")


class WorklistTableModel(QAbstractTableModel):
    """Worklist rows, loaded page by page as the view scrolls.

    Attributes:
        counts: rows per urgency bucket for the current filter.
        last_error: the error of the last failed load, if any.
    """

    loaded = Signal()
    load_failed = Signal()

    def __init__(self, parent: QObject | None = None, page_size: int = 200) -> None:
        super().__init__(parent)
        self._source: WorklistSource | None = None
        self._rows: list[WorklistItem] = []
        self._filter = WorklistFilter(limit=page_size)
        self._page_size = page_size
        self.counts = WorklistCounts()
        self.last_error: DomainError | None = None
        self._exhausted = False

    def set_source(self, source: WorklistSource) -> None:
        """Attach the services and load the first page."""
        self._source = source
        self.reload()

    def set_filter(self, query: WorklistFilter) -> None:
        """Show the rows matching ``query`` (its paging is ignored); reloads."""
        self._filter = dataclasses.replace(query, offset=0, limit=self._page_size)
        self.reload()

    @property
    def filter(self) -> WorklistFilter:
        return self._filter

    def reload(self) -> None:
        """Re-query counts and the first page."""
        self.beginResetModel()
        self._rows, self.counts, self._exhausted = [], WorklistCounts(), False
        try:
            if self._source is not None:
                self.counts = self._source.counts(self._filter)
                self._rows = self._source.worklist(self._filter)
            self.last_error = None
        except DomainError as error:
            self._fail(error)
        finally:
            self.endResetModel()
        if self.last_error is None:
            self.loaded.emit()

    def items(self) -> list[WorklistItem]:
        """The rows loaded so far, in order."""
        return list(self._rows)

    def item_at(self, row: int) -> WorklistItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._source is None or self._exhausted:
            return False
        return len(self._rows) < self.counts.total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._source is not None
        query = dataclasses.replace(self._filter, offset=len(self._rows))
        try:
            page = self._source.worklist(query)
        except DomainError as error:
            self._fail(error)
            return
        if not page:
            self._exhausted = True  # the store shrank meanwhile: stop asking
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def _fail(self, error: DomainError) -> None:
        log.warning("worklist could not be loaded: %s", error)
        self.last_error = error
        self.load_failed.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Due"),
            self.tr("Urgency"),
            self.tr("Kind"),
            self.tr("Person"),
            self.tr("What"),
            self.tr("Responsible"),
            self.tr("Organisation"),
            self.tr("Coordinator"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == RowRole:
            return item
        if role == SortRole:
            return (item.due.isoformat(), item.urgency.value, item.plan_id)
        if role == Qt.ItemDataRole.BackgroundRole and item.urgency in _URGENCY_COLOURS:
            return QBrush(_URGENCY_COLOURS[item.urgency])
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.WHAT:
            return item.title or None
        return None

    def _display(self, item: WorklistItem, column: Column) -> str:
        if column is Column.DUE:
            if item.starts_at is not None:
                return item.starts_at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
            return item.due.isoformat()
        values = {
            Column.URGENCY: urgency_label(item.urgency),
            Column.KIND: kind_label(item),
            Column.PERSON: item.person_name,
            Column.WHAT: item.title,
            Column.RESPONSIBLE: item.responsible,
            Column.ORGANISATION: item.organisation,
            Column.COORDINATOR: item.coordinator,
        }
        return values[column]
