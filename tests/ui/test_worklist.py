from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QSettings

from sip_desk.domain.worklist import (
    Urgency,
    WorklistCounts,
    WorklistFilter,
    WorklistItem,
    WorklistKind,
)
from sip_desk.services.registry import Services
from sip_desk.ui.events import AppEvents
from sip_desk.ui.follow_up.reminders import ReminderNotifier
from sip_desk.ui.item_models.worklist_table_model import Column, WorklistTableModel
from sip_desk.ui.worklist.worklist_panel import WorklistPanel
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans


@pytest.fixture
def plans(sqlite_services: Services) -> FollowUpPlans:
    return FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))


@pytest.fixture
def filled(plans: FollowUpPlans) -> FollowUpPlans:
    alva = plans.active(first_name="Alva")
    for days in (-3, 0, 5, 20):
        alva = plans.action(alva, days, f"Alvas insats dag {days}")
    bo = plans.participant(plans.active(first_name="Bo"), "Ulla Lind", "Psykiatrin")
    ulla = next(p.id for p in bo.participants if p.name == "Ulla Lind")
    bo = plans.coordinator(bo, ulla)
    plans.meeting(plans.action(bo, 2, "Bos insats", responsible=ulla), 9, place="Psykiatrin")
    return plans


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """The user's settings, on a file of the test's own."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def panel(qtbot, sqlite_services, filled, settings) -> Iterator[WorklistPanel]:
    widget = WorklistPanel(sqlite_services, AppEvents(), "sv", settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    with qtbot.waitSignal(widget.model.counts_loaded, timeout=5000):
        widget.show()
    yield widget
    widget.model.wait_until_idle(5000)


def _apply(qtbot, panel: WorklistPanel) -> None:
    """Apply the filter and wait for the rows and counts from the worker threads."""
    signals = [panel.model.loaded, panel.model.counts_loaded]
    with qtbot.waitSignals(signals, timeout=5000):
        panel.apply_filter()


def _column(panel: WorklistPanel, column: Column) -> list[str]:
    """A column's cells, group headings left out."""
    model = panel.model
    rows = [r for r in range(model.rowCount()) if model.heading_at(r) is None]
    return [model.data(model.index(r, column)) for r in rows]


def test_worklist_panel_shows_counts_and_rows_by_urgency(panel) -> None:
    assert panel.view.overdue.text() == "Overdue: 1"
    assert panel.view.today.text() == "Today: 1"
    assert panel.view.this_week.text() == "This week: 2"
    assert panel.view.within_30.text() == "Later: 2"
    assert _column(panel, Column.WHAT) == [
        "Alvas insats dag 0",  # today's first, then what is overdue, then what is coming
        "Alvas insats dag -3",
        "Bos insats",
        "Alvas insats dag 5",
        "Psykiatrin",
        "Alvas insats dag 20",
    ]


def test_worklist_panel_filters_by_coordinator(qtbot, panel) -> None:
    signals = [panel.model.loaded, panel.model.counts_loaded]
    with qtbot.waitSignals(signals, timeout=5000):
        panel.view.coordinator.setCurrentText("Ulla Lind")

    assert _column(panel, Column.WHAT) == ["Bos insats", "Psykiatrin"]
    assert panel.view.overdue.text() == "Overdue: 0"


def test_worklist_panel_filters_by_kind_and_responsible(qtbot, panel) -> None:
    meetings = panel.view.kind.findText("Follow-up meetings")
    panel.view.kind.setCurrentIndex(meetings)
    _apply(qtbot, panel)
    assert _column(panel, Column.KIND) == ["Follow-up meeting"]

    panel.view.kind.setCurrentIndex(0)
    qtbot.keyClicks(panel.view.responsible, "Ulla Lind")
    _apply(qtbot, panel)
    assert _column(panel, Column.WHAT) == ["Bos insats"]


def test_worklist_row_opens_its_plan(qtbot, panel, filled) -> None:
    index = panel.model.index(5, Column.PERSON)  # under the "Today" and "Overdue" headings
    expected = panel.model.row_at(5).plan_id

    with qtbot.waitSignal(panel.events.open_plan_requested, timeout=1000) as signal:
        panel.view.table.doubleClicked.emit(index)

    assert signal.args == [expected]
    assert panel.model.data(index) == "Bo Testsson"


def test_worklist_record_button_only_for_meetings(panel) -> None:
    table = panel.view.table
    table.selectRow(1)
    assert not panel.view.record.isEnabled()
    kinds = [panel.model.index(r, Column.KIND).data() for r in range(panel.model.rowCount())]
    meeting_row = kinds.index("Follow-up meeting")
    table.selectRow(meeting_row)
    assert panel.view.record.isEnabled() and panel.view.invitation.isEnabled()


def test_worklist_model_fetches_lazily(qtbot, qtmodeltester, sqlite_services, filled) -> None:
    model = WorklistTableModel(page_size=2)
    with qtbot.waitSignal(model.counts_loaded, timeout=5000):
        model.set_source(sqlite_services.follow_ups)

    assert model.rowCount() == 2  # the "Today" heading and its one row: a page
    assert model.counts is not None and model.counts.total == 6
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    whole = sqlite_services.follow_ups.worklist(WorklistFilter(limit=None))
    today = [i for i in whole if i.urgency is Urgency.TODAY]
    overdue = [i for i in whole if i.urgency is Urgency.OVERDUE]
    coming = [i for i in whole if i.urgency > Urgency.TODAY]
    assert [i.key for i in model.items()] == [i.key for i in today + overdue + coming]
    qtmodeltester.check(model)


def test_worklist_model_filter_keeps_paging(qtbot, sqlite_services, filled) -> None:
    model = WorklistTableModel(page_size=50)
    model.set_source(sqlite_services.follow_ups)

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(WorklistFilter(kinds=frozenset({WorklistKind.ACTION}), limit=3))

    assert len(model.items()) == 5 and model.filter.limit == 50
    model.wait_until_idle(5000)


def test_reminder_notifier_reports_in_window_without_tray(qtbot, sqlite_services, filled):
    notifier = ReminderNotifier(sqlite_services.follow_ups, use_tray=False)

    with qtbot.waitSignal(notifier.notice, timeout=1000) as signal:
        notifier.start()

    assert signal.args == ["Follow-up: 1 overdue, 1 due today, 2 due this week."]
    assert notifier.timer.isActive() and notifier.timer.interval() == 24 * 60 * 60 * 1000
    notifier.timer.stop()


class _Gate:
    """Holds a worker-thread call until the test opens the gate."""

    def __init__(self) -> None:
        self.opened = threading.Event()

    def hold(self) -> None:
        assert self.opened.wait(timeout=5), "the test never opened the gate"


def test_worklist_panel_shows_rows_before_counts_arrive(
    qtbot, sqlite_services: Services, filled, monkeypatch, settings
) -> None:
    gate = _Gate()
    counts = sqlite_services.follow_ups.counts

    def slow_counts(query=None, cap=None) -> WorklistCounts:
        gate.hold()
        return counts(query, cap)

    monkeypatch.setattr(sqlite_services.follow_ups, "counts", slow_counts)

    panel = WorklistPanel(sqlite_services, AppEvents(), "sv", settings=settings)
    qtbot.addWidget(panel)
    panel.show()

    assert len(panel.model.items()) == 6
    assert panel.view.overdue.text() == "Overdue: …"
    with qtbot.waitSignal(panel.model.counts_loaded, timeout=5000):
        gate.opened.set()
    assert panel.view.overdue.text() == "Overdue: 1"
    assert panel.view.within_30.text() == "Later: 2"


def test_worklist_panel_discards_a_stale_filter_result(
    qtbot, sqlite_services: Services, filled, monkeypatch, settings
) -> None:
    gate = _Gate()
    worklist = sqlite_services.follow_ups.worklist

    def slow_for_ulla(query=None) -> list[WorklistItem]:
        if query is not None and query.coordinator == "Ulla Lind":
            gate.hold()
        return worklist(query)

    monkeypatch.setattr(sqlite_services.follow_ups, "worklist", slow_for_ulla)
    panel = WorklistPanel(sqlite_services, AppEvents(), "sv", settings=settings)
    qtbot.addWidget(panel)
    shown: list[list[str]] = []
    panel.model.loaded.connect(lambda: shown.append(_column(panel, Column.WHAT)))

    # Given a slow query for one coordinator, when the user moves on to the kind filter
    panel.view.coordinator.setCurrentText("Ulla Lind")
    panel.apply_filter()
    panel.view.coordinator.setCurrentText("")
    panel.view.kind.setCurrentIndex(panel.view.kind.findText("Follow-up meetings"))
    with qtbot.waitSignal(panel.model.loaded, timeout=5000):
        panel.apply_filter()
        gate.opened.set()
    panel.model.wait_until_idle(5000)
    qtbot.wait(50)  # let the stale answer reach the GUI thread

    # Then only the newer filter's rows were ever shown
    assert shown == [["Psykiatrin"]]
    assert _column(panel, Column.WHAT) == ["Psykiatrin"]


def test_worklist_panel_shows_capped_counts_as_999_plus(
    qtbot, sqlite_services, filled, monkeypatch, settings
) -> None:
    capped = WorklistCounts(
        overdue=1000, today=3, this_week=1000, capped=frozenset({Urgency.OVERDUE})
    )
    monkeypatch.setattr(sqlite_services.follow_ups, "counts", lambda query=None, cap=None: capped)

    panel = WorklistPanel(sqlite_services, AppEvents(), "sv", settings=settings)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.model.counts_loaded, timeout=5000):
        panel.show()

    assert panel.view.overdue.text() == "Overdue: 999+"
    assert "999" in panel.view.overdue.toolTip()
    assert panel.view.today.text() == "Today: 3"
    assert panel.view.this_week.text() == "This week: 1000"  # exact, though above the cap
    assert panel.view.within_30.text() == "Later: 0"


def test_a_narrow_worklist_leaves_out_the_least_needed_columns(qtbot, panel) -> None:
    """At 600 px (200 % text on a laptop, a narrow window) the person and what to do stay
    readable: urgency, organisation and coordinator leave the list; at 1366 they are back."""
    table = panel.view.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()

    panel.resize(600, 600)
    qtbot.wait(50)

    for column in (Column.URGENCY, Column.ORGANISATION, Column.COORDINATOR):
        assert header.isSectionHidden(column), column
    for column in (Column.PERSON, Column.WHAT, Column.DUE):
        assert not header.isSectionHidden(column)
        for text in _column(panel, column):
            first_word = text.split()[0]
            # the first word and the ellipsis after it, with the cell's padding
            assert header.sectionSize(column) >= metrics.horizontalAdvance(first_word + " …") + 8
    assert sum(header.sectionSize(c) for c in Column if not header.isSectionHidden(c)) <= (
        table.viewport().width()
    )
    assert table.horizontalScrollBar().maximum() == 0

    panel.resize(1366, 600)
    qtbot.wait(50)
    assert not any(header.isSectionHidden(c) for c in Column)
