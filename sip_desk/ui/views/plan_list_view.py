"""Layout of the plan list: search box, status filter and the table (widgets only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sip_desk.ui.icons import Icon, icon
from sip_desk.ui.text_scale import on_font_change
from sip_desk.ui.views.sort_arrow import SortArrowHeader
from sip_desk.ui.views.sort_chooser import SortChooser
from sip_desk.ui.views.wrap_row import WrapRow

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


TableT = TypeVar("TableT", bound=QTableView)
ROW_PADDING = 10  # pixels above and below a row's line of text


def list_table(table: TableT, name: str) -> TableT:
    """Set up ``table`` as a read-only list of whole rows, one selected at a time."""
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    # Rows are fixed-height so the view never measures every row of a big store.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    fit_row_height(table)
    on_font_change(table, lambda: fit_row_height(table))
    table.setHorizontalHeader(SortArrowHeader(table))  # a click sorts; the arrow: up is A to Z
    table.horizontalHeader().setHighlightSections(False)
    return table


def fit_row_height(table: QTableView) -> None:
    """Rows as tall as a line of the table's text (again when the text size changes)."""
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)


class PlanTableView(QTableView):
    """A table whose Enter key opens the current row instead of moving down; Ctrl+End and
    Ctrl+Home first ask for the list's last or first page (only part of it is loaded).

    Letters typed in the list go to the search box (``typed``), instead of Qt's jump to the
    first row beginning so: after a jump, Down and Enter opened a neighbour's plan.
    """

    enter_pressed = Signal()
    end_requested = Signal()
    home_requested = Signal()
    typed = Signal(str)

    def keyboardSearch(self, search: str) -> None:
        self.typed.emit(search)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.key() == Qt.Key.Key_End:
                self.end_requested.emit()
            elif event.key() == Qt.Key.Key_Home:
                self.home_requested.emit()
        super().keyPressEvent(event)


class PlanListView:
    """Builds the plan list's widgets on ``host``; the controller wires them."""

    def _search_for(self, text: str) -> None:
        """Typing in the list goes on in the search box."""
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search.end(False)
        self.search.insert(text)

    def __init__(self, host: QWidget) -> None:
        self.search = QLineEdit(host)
        self.search.setObjectName("planSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel(host)
        self.search_label.setBuddy(self.search)

        self.status_filter = QComboBox(host)
        self.status_filter.setObjectName("planStatusFilter")
        self.status_label = QLabel(host)
        self.status_label.setBuddy(self.status_filter)

        self.new_plan = QPushButton("", host)
        self.new_plan.setObjectName("newPlanButton")

        self.table = list_table(PlanTableView(host), "planTable")
        self.table.typed.connect(self._search_for)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)  # a third click: most recently changed first
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.sort = SortChooser(header, host)
        self.sort.setObjectName("planSort")
        self.sort_label = QLabel(host)
        self.sort_label.setBuddy(self.sort)

        self.message = QLabel(host)
        self.message.setObjectName("planListMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        # Narrow (large text, 200 % on a small screen): the filters go under the search box,
        # and the lists' choices are cut short rather than widening the window.
        for combo, letters in ((self.status_filter, 10), (self.sort, 14)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 16)
        on_font_change(
            self.search,
            lambda: self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 16),
        )
        find, status, order = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        find.addWidget(self.search_label)
        find.addWidget(self.search, 1)
        status.addWidget(self.status_label)
        status.addWidget(self.status_filter, 1)
        order.addWidget(self.sort_label)
        order.addWidget(self.sort, 1)
        order.addSpacing(12)
        order.addWidget(self.new_plan)
        self.bar = WrapRow(host, find, status, order, stretches=(3, 1, 1))
        layout = QVBoxLayout(host)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def apply_icons(self) -> None:
        """Icons are set after the first paint (loading the SVG engine takes a while)."""
        self.search.addAction(icon(Icon.LIST_SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.new_plan.setIcon(icon(Icon.PLAN_CREATE))
