"""The coordinator's worklist: counts, filters, a lazy table; a row opens its plan."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSettings, QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from sip_desk.domain.worklist import (
    COUNT_CAP,
    Urgency,
    WorklistFilter,
    WorklistItem,
    WorklistKind,
)
from sip_desk.services.registry import Services
from sip_desk.ui.background_progress import thousands
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.worklist_table_model import SORT_CAP, WorklistTableModel
from sip_desk.ui.text_scale import on_font_change
from sip_desk.ui.views.column_fit import ColumnFit
from sip_desk.ui.worklist.worklist_columns import size_columns
from sip_desk.ui.worklist.worklist_filters import fill_filters
from sip_desk.ui.worklist.worklist_labels import count_number
from sip_desk.ui.worklist.worklist_range import (
    RangeChoice,
    WorklistRange,
    load_range,
    narrow_to,
    save_range,
)
from sip_desk.ui.worklist.worklist_row_actions import WorklistRowActions
from sip_desk.ui.worklist.worklist_view import WorklistView, show_filters


class WorklistPanel(QWidget):
    """Worklist controller: wires the view to ``services.follow_ups`` and the app events."""

    def __init__(
        self,
        services: Services,
        events: AppEvents,
        lang: str = "sv",
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("worklistPanel")
        self.services = services
        self.events = events
        self.lang = lang
        self._settings = settings if settings is not None else QSettings()
        self.view = WorklistView(self)
        self.model = WorklistTableModel(self)
        self.view.table.setModel(self.model)
        self.view.table.setSortingEnabled(True)  # the model sorts each group
        self._bucket: Urgency | None = None  # the pressed count chip
        self._backwards = False  # the chosen range of dates ends before it starts
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._fill_filters()
        self._show_range(load_range(self._settings))
        show_filters(self.view, self._settings)
        self._connect_signals()
        self._on_counts_loaded()
        self.model.set_filter(self.current_filter(), background=False)
        self.model.set_source(services.follow_ups)
        self._columns = ColumnFit(self.view.table)  # within the list's width: no sideways scroll
        self._size_columns()
        on_font_change(self.view.table, self._size_columns)

    def _fill_filters(self) -> None:
        fill_filters(self.view, self.services.follow_ups, self.model.headers())

    def _show_range(self, chosen: WorklistRange) -> None:
        v = self.view
        v.range.setCurrentIndex(max(0, v.range.findData(chosen.choice.value)))
        today = self.services.ctx.clock.today()
        first, last = chosen.first or today, chosen.last or today + timedelta(days=30)
        v.first_day.setDate(QDate(first.year, first.month, first.day))
        v.last_day.setDate(QDate(last.year, last.month, last.day))
        self._show_dates()

    def _show_dates(self) -> None:
        dates = self.view.range.currentData() == RangeChoice.DATES.value
        for widget in (self.view.first_day, self.view.until_label, self.view.last_day):
            widget.setVisible(dates)
        if dates:  # in sight, also when the filters were hidden or scroll (200 %, large text)
            self.view.filter_toggle.setChecked(True)
            for delay in (0, 40):  # again once a box just shown has its layout
                QTimer.singleShot(delay, self._dates_in_sight)

    def _dates_in_sight(self) -> None:
        self.view.filters.ensureWidgetVisible(self.view.last_day)

    def current_range(self) -> WorklistRange:
        """The range chosen in the selector."""
        v = self.view
        choice = RangeChoice(v.range.currentData() or RangeChoice.DAYS_30.value)
        if choice is not RangeChoice.DATES:
            return WorklistRange(choice)
        first: date = v.first_day.date().toPython()  # type: ignore[assignment]
        last: date = v.last_day.date().toPython()  # type: ignore[assignment]
        return WorklistRange(choice, first, last)  # as typed: a backwards one is refused

    def _connect_signals(self) -> None:
        v = self.view
        for combo in (v.lead, v.status, v.kind):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for combo in (v.organisation, v.coordinator):
            combo.currentTextChanged.connect(self._on_filter_changed)
        v.responsible.textChanged.connect(self._on_filter_changed)
        v.range.currentIndexChanged.connect(self._on_range_changed)
        v.first_day.dateChanged.connect(self._on_range_changed)
        v.last_day.dateChanged.connect(self._on_range_changed)
        for chip, bucket in self._chips():
            chip.clicked.connect(lambda _on, b=bucket: self._on_chip_clicked(b))
        self.model.modelReset.connect(self._span_headings)
        self.model.rowsInserted.connect(self._span_headings)
        self._debounce.timeout.connect(self.apply_filter)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.counts_loaded.connect(self._on_counts_loaded)
        self.model.load_failed.connect(self._on_model_load_failed)
        self._row_actions = WorklistRowActions(self)  # the table's activation and buttons
        self.events.plan_changed.connect(self._on_filter_changed)
        self.events.plans_changed.connect(self._on_filter_changed)
        self._row_actions.update_buttons()

    def _chips(self) -> tuple[tuple[QToolButton, Urgency], ...]:
        v = self.view
        return (
            (v.overdue, Urgency.OVERDUE),
            (v.today, Urgency.TODAY),
            (v.this_week, Urgency.THIS_WEEK),
            (v.within_30, Urgency.WITHIN_30_DAYS),
        )

    def _on_chip_clicked(self, bucket: Urgency) -> None:
        """Show only the chip's rows; the same chip again shows them all."""
        self._bucket = None if self._bucket is bucket else bucket
        for chip, chip_bucket in self._chips():
            chip.setChecked(chip_bucket is self._bucket)
        self.apply_filter()

    def _on_range_changed(self, *_args: object) -> None:
        self._show_dates()
        if self._refuse_backwards_range():
            return  # the dates stay as typed, the rows as they were, until one is corrected
        save_range(self._settings, self.current_range())
        self._on_filter_changed()

    def _refuse_backwards_range(self) -> bool:
        """Say so when the range ends before it starts; True then (nothing is queried)."""
        backwards = self.current_range().backwards
        self.view.table.setEnabled(not backwards)  # greyed: its rows are of the last range
        was_backwards, self._backwards = self._backwards, backwards
        for chip, _bucket in self._chips():
            chip.setEnabled(not backwards)  # the last range's counts would mislead
        if backwards != was_backwards:
            self._on_counts_loaded()
            self.model.counts_loaded.emit()  # the status bar reads count_text() again
        if not backwards:
            return False
        self._debounce.stop()
        self.view.message.setText(
            "⚠ "
            + self.tr(
                "The last day is before the first day. Change one of them to see the worklist."
            )
        )
        self.view.message.setVisible(True)
        return True

    def _span_headings(self, *_args: object) -> None:
        """A group heading spans the whole row."""
        table, model = self.view.table, self.model
        table.clearSpans()
        for row in range(model.rowCount()):
            if model.heading_at(row) is not None:
                table.setSpan(row, 0, 1, model.columnCount())

    def current_filter(self) -> WorklistFilter:
        """The filter of every widget but the chips (what the counts count)."""
        v = self.view
        return self.current_range().apply(
            WorklistFilter(
                lead_principal=v.lead.currentData(),
                organisation=v.organisation.currentText().strip(),
                coordinator=v.coordinator.currentText().strip(),
                responsible=v.responsible.text().strip(),
                plan_status=v.status.currentData(),
                kinds=v.kind.currentData() or frozenset(WorklistKind),
            )
        )

    def apply_filter(self) -> None:
        """Re-query with the current filter; the old rows stay until the new ones arrive."""
        self._debounce.stop()
        if self._refuse_backwards_range():
            return
        counted = self.current_filter()
        today = self.services.ctx.clock.today()
        self.model.set_filter(narrow_to(counted, self._bucket, today), counts_query=counted)
        self._on_counts_loaded()
        self.view.message.setText(self.tr("Updating the worklist…"))
        self.view.message.setVisible(True)

    def selected_item(self) -> WorklistItem | None:
        rows = self.view.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _on_filter_changed(self, *_args: object) -> None:
        self._debounce.start()  # the store changed too: re-query after a pause

    def _on_model_loaded(self) -> None:
        empty = self.model.rowCount() == 0
        capped = self.model.sort_capped
        self.view.message.setVisible(empty or capped)
        if empty:
            self.view.message.setText(self.tr("Nothing to follow up with this filter."))
        elif capped:
            text = self.tr("Sorted the first %1 rows only; narrow the filter to sort them all.")
            self.view.message.setText(text.replace("%1", str(SORT_CAP)))
        self._row_actions.update_buttons()

    def _on_counts_loaded(self) -> None:
        counts = self.model.counts
        v = self.view
        texts = (
            (v.overdue, self.tr("Overdue: %1"), Urgency.OVERDUE),
            (v.today, self.tr("Today: %1"), Urgency.TODAY),
            (v.this_week, self.tr("This week: %1"), Urgency.THIS_WEEK),
            (v.within_30, self.tr("Later: %1"), Urgency.WITHIN_30_DAYS),
        )
        tip = self.tr("More than %1; counting stops there.").replace("%1", str(COUNT_CAP - 1))
        show = self.tr("Press to show only these rows; press again to show all.")
        for chip, text, urgency in texts:
            if self._backwards:
                chip.setText(text.replace("%1", "–"))
                continue
            value = None if counts is None else counts.of(urgency)
            capped = counts is not None and urgency in counts.capped
            chip.setText(text.replace("%1", count_number(value, capped)))
            chip.setToolTip((tip + " " if capped else "") + show)

    def count_text(self) -> str:
        """What the status bar says while the worklist is shown: the rows in the range."""
        counts = self.model.counts
        if self._backwards:
            return self.tr("No follow-ups counted: the range of dates runs backwards.")
        if counts is None:
            return self.tr("Counting the follow-ups…")
        number = thousands(counts.total) + ("+" if counts.capped else "")  # +: at least
        return self.tr("Follow-ups in the range: %1").replace("%1", number)

    def _on_model_load_failed(self) -> None:
        error = self.model.last_error
        self.view.message.setText(error.message(self.lang) if error else "")
        self.view.message.setVisible(True)

    def _size_columns(self) -> None:
        size_columns(self._columns)
