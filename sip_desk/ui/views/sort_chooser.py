"""The order of a list, chosen by keyboard: the same choice as a click on a column header
(which no key reaches), kept in step with the header's arrow both ways."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

ASCENDING, DESCENDING = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


class SortChooser(QComboBox):
    """ "Default order", then every sortable column ascending and descending."""

    def __init__(self, header: QHeaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._header = header
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        header.sortIndicatorChanged.connect(self._on_header_sorted)
        self.currentIndexChanged.connect(self._on_chosen)

    def fill(self, default: str, columns: list[tuple[int, str]]) -> None:
        """``default`` (no column) and each ``(section, title)``; keeps the current order."""
        self.blockSignals(True)
        self.clear()
        self.addItem(default, (-1, ASCENDING))
        up = QCoreApplication.translate("SortChooser", "%1, ascending")
        down = QCoreApplication.translate("SortChooser", "%1, descending")
        for section, title in columns:
            self.addItem(up.replace("%1", title), (section, ASCENDING))
            self.addItem(down.replace("%1", title), (section, DESCENDING))
        self.blockSignals(False)
        self._on_header_sorted(
            self._header.sortIndicatorSection(), self._header.sortIndicatorOrder()
        )

    def _on_chosen(self, index: int) -> None:
        section, order = self.itemData(index) or (-1, ASCENDING)
        if (section, order) != (
            self._header.sortIndicatorSection(),
            self._header.sortIndicatorOrder(),
        ):
            self._header.setSortIndicator(section, order)  # the view sorts its model

    def _on_header_sorted(self, section: int, order: Qt.SortOrder) -> None:
        wanted = (section, order) if section >= 0 else (-1, ASCENDING)
        for index in range(self.count()):
            if self.itemData(index) == wanted:
                self.blockSignals(True)
                self.setCurrentIndex(index)
                self.blockSignals(False)
                return
