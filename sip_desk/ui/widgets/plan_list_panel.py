"""The plan list panel: search (debounced), status filter and the lazily loaded table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QHeaderView, QWidget

from sip_desk.domain.enums import PlanStatus
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.plan_table_model import Column, PlanSource, PlanTableModel
from sip_desk.ui.labels import status_label
from sip_desk.ui.text_scale import on_font_change
from sip_desk.ui.views.column_fit import ColumnFit
from sip_desk.ui.views.empty_store_view import EmptyStoreView
from sip_desk.ui.views.plan_list_view import PlanListView

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from sip_desk.domain.plan import PlanSummary

SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 500


class PlanListPanel(QWidget):
    """Lists plans (empty until :meth:`set_source`); an empty store shows how to begin instead."""

    plan_activated = Signal(int)  # Enter or double-click
    new_plan_requested = Signal()
    demo_requested = Signal()
    counts_changed = Signal(int, int)  # shown rows, matching plans

    def __init__(self, events: AppEvents, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planListPanel")
        self._events = events
        self._lang = lang
        self.view = PlanListView(self)
        self.empty = EmptyStoreView(self)
        layout = self.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(self.view.table), self.empty, 1)
        self._attached = False
        self.model = PlanTableModel(self)
        self.view.table.setModel(self.model)
        self.view.table.setSortingEnabled(True)  # the model sorts in the store
        self.view.search.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        # Editors save every second; the list re-queries at most once per burst, and only
        # while it is on screen (otherwise when it is shown again).
        self._stale = False
        self._keep_selected: int | None = None
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._fill_status_filter()
        self._set_texts()
        self._columns = ColumnFit(self.view.table)
        self.refit()
        on_font_change(self.view.table, self.refit)  # columns fit the text at any size
        self._connect_signals()

    def _connect_signals(self) -> None:
        v = self.view
        v.search.textChanged.connect(lambda _text: self._debounce.start())
        v.search.returnPressed.connect(self._apply_filter)
        self._debounce.timeout.connect(self._apply_filter)
        self._refresh.timeout.connect(self._on_refresh_timeout)
        v.status_filter.currentIndexChanged.connect(self._apply_filter)
        v.new_plan.clicked.connect(self.new_plan_requested)
        self.empty.new_plan.clicked.connect(self.new_plan_requested)
        self.empty.load_demo.clicked.connect(self.demo_requested)
        v.table.doubleClicked.connect(self._on_table_activated)
        v.table.enter_pressed.connect(self.open_current)
        v.table.end_requested.connect(self.model.load_last)
        v.table.home_requested.connect(self.model.load_first)
        v.table.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_changed)
        self.model.rowsInserted.connect(self._on_model_changed)
        self.model.load_failed.connect(self._on_model_load_failed)
        self._events.plans_changed.connect(self._on_plans_changed)
        self._events.plan_changed.connect(self._on_plans_changed)

    def _set_texts(self) -> None:
        v = self.view
        v.search_label.setText(self.tr("&Search:"))
        v.search.setPlaceholderText(
            self.tr("Name, identity number, organisation, coordinator or responsible person")
        )
        v.search.setAccessibleName(self.tr("Search plans"))
        v.status_label.setText(self.tr("S&tatus:"))
        v.status_filter.setAccessibleName(self.tr("Filter by status"))
        v.sort_label.setText(self.tr("So&rt by:"))
        v.sort.setAccessibleName(self.tr("Order of the plans"))
        titles = self.model.headers()
        v.sort.fill(self.tr("Latest change first"), [(int(c), titles[c]) for c in Column])
        v.new_plan.setText(self.tr("New plan…"))
        v.new_plan.setAccessibleName(self.tr("New plan"))
        v.table.setAccessibleName(self.tr("Plans"))
        e = self.empty
        e.heading.setText(self.tr("No plans yet"))
        e.text.setText(
            self.tr("Start a new plan, or load the fictional demo cases to try SIP Desk.")
        )
        e.new_plan.setText(self.tr("New plan…"))
        e.load_demo.setText(self.tr("Load demo data"))

    def _fill_status_filter(self) -> None:
        combo = self.view.status_filter
        combo.addItem(self.tr("All statuses"), None)
        for status in PlanStatus:
            combo.addItem(status_label(status), status.value)

    def refit(self) -> None:
        """Fit the columns to typical content (again after large text); the last takes the rest.

        When the list is narrower than that (large text, a small screen) the columns shrink in
        proportion and cut their text with "…" rather than the list scrolling sideways.
        """
        table = self.view.table
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        samples = {
            Column.PERSON: "Förnamn Efternamnsson",
            Column.IDENTITY: self.model.tr("%1 (protected)").replace("%1", "19840312-****"),
            Column.STATUS: max((status_label(s) for s in PlanStatus), key=len),
            Column.LEAD: "Socialtjänsten Exempelkommun (Kommun)",
            Column.COORDINATOR: "Förnamn Efternamnsson",
            Column.NEXT_FOLLOW_UP: "2026-11-23 10:00",
        }
        header.setMinimumSectionSize(metrics.horizontalAdvance("Status") + 16)
        wanted: dict[int, int] = {}
        for column, sample in samples.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            text = max(sample, title, key=metrics.horizontalAdvance)
            wanted[int(column)] = metrics.horizontalAdvance(text) + 28
        self._columns.set_wanted(wanted)

    def set_source(self, source: PlanSource) -> None:
        self._attached = True
        self.model.set_source(source)
        self.model.background = True  # searches and orders from now on: on a worker

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search box goes on to the list, at its current (or first) row.
        if (
            watched is self.view.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
            and self.model.rowCount()
        ):
            table = self.view.table
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not table.currentIndex().isValid():
                table.setCurrentIndex(self.model.index(0, 0))
            table.selectRow(table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _on_scrolled(self, value: int) -> None:
        """At the top of a list shown from its end (Ctrl+End): the page before comes in."""
        if value == 0 and self.model.more_before:
            table = self.view.table
            current = table.currentIndex()
            added = self.model.fetch_before()
            if added:
                table.scrollTo(
                    self.model.index(added, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
                if current.isValid():
                    table.setCurrentIndex(self.model.index(current.row() + added, current.column()))

    def _on_model_loaded(self) -> None:
        """Say so when a search or a status finds nothing."""
        if self.model.total or self.model.last_error is not None or self.is_empty_store():
            self.view.message.setVisible(False)
            return
        text = self.model.text
        if text:
            message = self.tr("No plans match “%1”.").replace("%1", text)
        else:
            message = self.tr("No plans have the status “%1”.").replace(
                "%1", self.view.status_filter.currentText()
            )
        self.view.message.setText(message)
        self.view.message.setVisible(True)

    def is_empty_store(self) -> bool:
        """True when the store is open, readable and holds no plans at all (no filter set)."""
        return (
            self._attached
            and self.model.total == 0
            and self.model.last_error is None
            and not self.view.search.text().strip()
            and self.view.status_filter.currentData() is None
        )

    def focus_search(self) -> None:
        self.view.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.search.selectAll()

    def current_plan(self) -> PlanSummary | None:
        return self.model.row_at(self.view.table.currentIndex().row())

    def select_plan(self, plan_id: int) -> None:
        row = self.model.row_of(plan_id)
        if row >= 0:
            self.view.table.selectRow(row)

    def _apply_filter(self) -> None:
        self._debounce.stop()
        value = self.view.status_filter.currentData()
        status = PlanStatus(value) if value else None
        self.model.set_filter(self.view.search.text(), status)

    def _on_table_activated(self, index: QModelIndex) -> None:
        plan = self.model.row_at(index.row())
        if plan is not None:
            self.plan_activated.emit(plan.id)

    def open_current(self) -> None:
        self._on_table_activated(self.view.table.currentIndex())

    def _on_plans_changed(self, *_args: int) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh.start()

    def _on_refresh_timeout(self) -> None:
        if self._stale and self.isVisible():
            self._stale = False
            if self.model.background:  # a store changed by other work: read it off the GUI thread
                self.model.reload_in_background(keep_loaded=True)
            else:
                self.model.reload(keep_loaded=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh.start()

    def _on_model_about_to_be_reset(self) -> None:
        plan = self.current_plan()
        self._keep_selected = plan.id if plan is not None else None

    def _on_model_changed(self) -> None:
        if self.model.last_error is not None:
            self.view.message.setVisible(True)
        empty = self.is_empty_store()
        self.empty.setVisible(empty)
        self.view.table.setVisible(not empty)
        if not self.view.table.currentIndex().isValid() and self.model.rowCount():
            row = self.model.row_of(self._keep_selected) if self._keep_selected else -1
            self.view.table.setCurrentIndex(self.model.index(max(row, 0), 0))
        self.counts_changed.emit(self.model.rowCount(), self.model.total)

    def _on_model_load_failed(self) -> None:
        error = self.model.last_error
        if error is not None:
            self.view.message.setText(error.message(self._lang))
            self.view.message.setVisible(True)
