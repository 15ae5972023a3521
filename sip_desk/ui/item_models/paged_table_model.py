"""The paging both long lists share: Qt's ``canFetchMore``/``fetchMore`` append a page as the
view scrolls near the end; a subclass reads the pages."""

from __future__ import annotations

import logging
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sip_desk.domain.errors import DomainError

log = logging.getLogger(__name__)
ModelIndex = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class PagedTableModel(QAbstractTableModel, Generic[RowT]):
    """A table of ``RowT`` loaded page by page; ``last_error`` is the last failed load's."""

    load_failed = Signal()

    def __init__(self, parent: QObject | None, page_size: int, column_count: int) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._page_size = page_size
        self._column_count = column_count
        self.last_error: DomainError | None = None

    def row_at(self, row: int) -> RowT | None:
        """The row shown at ``row``, or ``None`` past the loaded rows."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._may_have_more()

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        try:
            page = self._next_page()
        except DomainError as error:
            self._fail(error)
            return
        if not page:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section] if 0 <= section < self._column_count else None

    def headers(self) -> tuple[str, ...]:
        """The column titles, translated."""
        raise NotImplementedError

    def _may_have_more(self) -> bool:
        """Whether another page may follow the loaded rows."""
        raise NotImplementedError

    def _next_page(self) -> list[RowT]:
        """The rows after the loaded ones (empty when there are none; note that for next time)."""
        raise NotImplementedError

    def _append(self, page: list[RowT]) -> None:
        self._rows.extend(page)

    def _fail(self, error: DomainError) -> None:
        log.warning("%s could not be loaded: %s", type(self).__name__, error)
        self.last_error = error
        self.load_failed.emit()
