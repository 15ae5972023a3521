from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from sip_desk.domain.worklist import WorklistFilter, WorklistKind
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
def panel(qtbot, sqlite_services, filled) -> WorklistPanel:
    widget = WorklistPanel(sqlite_services, AppEvents(), "sv")
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def _column(panel: WorklistPanel, column: Column) -> list[str]:
    model = panel.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_worklist_panel_shows_counts_and_rows_by_urgency(panel) -> None:
    assert panel.view.overdue.text() == "Overdue: 1"
    assert panel.view.today.text() == "Today: 1"
    assert panel.view.this_week.text() == "This week: 2"
    assert panel.view.within_30.text() == "Within 30 days: 2"
    assert _column(panel, Column.WHAT) == [
        "Alvas insats dag -3",
        "Alvas insats dag 0",
        "Bos insats",
        "Alvas insats dag 5",
        "Psykiatrin",
        "Alvas insats dag 20",
    ]


def test_worklist_panel_filters_by_coordinator(qtbot, panel) -> None:
    with qtbot.waitSignal(panel.model.loaded, timeout=2000):
        panel.view.coordinator.setCurrentText("Ulla Lind")

    assert _column(panel, Column.WHAT) == ["Bos insats", "Psykiatrin"]
    assert panel.view.overdue.text() == "Overdue: 0"


def test_worklist_panel_filters_by_kind_and_responsible(qtbot, panel) -> None:
    meetings = panel.view.kind.findText("Follow-up meetings")
    panel.view.kind.setCurrentIndex(meetings)
    panel.apply_filter()
    assert _column(panel, Column.KIND) == ["Follow-up meeting"]

    panel.view.kind.setCurrentIndex(0)
    qtbot.keyClicks(panel.view.responsible, "Ulla Lind")
    panel.apply_filter()
    assert _column(panel, Column.WHAT) == ["Bos insats"]


def test_worklist_row_opens_its_plan(qtbot, panel, filled) -> None:
    index = panel.model.index(2, Column.PERSON)
    expected = panel.model.item_at(2).plan_id

    with qtbot.waitSignal(panel.events.open_plan_requested, timeout=1000) as signal:
        panel.view.table.doubleClicked.emit(index)

    assert signal.args == [expected]
    assert panel.model.data(index) == "Bo Testsson"


def test_worklist_record_button_only_for_meetings(panel) -> None:
    table = panel.view.table
    table.selectRow(0)
    assert not panel.view.record.isEnabled()
    meeting_row = _column(panel, Column.KIND).index("Follow-up meeting")
    table.selectRow(meeting_row)
    assert panel.view.record.isEnabled() and panel.view.invitation.isEnabled()


def test_worklist_model_fetches_lazily(qtmodeltester, sqlite_services, filled) -> None:
    model = WorklistTableModel(page_size=2)
    model.set_source(sqlite_services.follow_ups)

    assert model.rowCount() == 2 and model.counts.total == 6
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    whole = sqlite_services.follow_ups.worklist(WorklistFilter(limit=None))
    assert [i.key for i in model.items()] == [i.key for i in whole]
    qtmodeltester.check(model)


def test_worklist_model_filter_keeps_paging(sqlite_services, filled) -> None:
    model = WorklistTableModel(page_size=50)
    model.set_source(sqlite_services.follow_ups)

    model.set_filter(WorklistFilter(kinds=frozenset({WorklistKind.ACTION}), limit=3))

    assert model.rowCount() == 5 and model.filter.limit == 50


def test_reminder_notifier_reports_in_window_without_tray(qtbot, sqlite_services, filled):
    notifier = ReminderNotifier(sqlite_services.follow_ups, use_tray=False)

    with qtbot.waitSignal(notifier.notice, timeout=1000) as signal:
        notifier.start()

    assert signal.args == ["Follow-up: 1 overdue, 1 due today, 2 due this week."]
    assert notifier.timer.isActive() and notifier.timer.interval() == 24 * 60 * 60 * 1000
    notifier.timer.stop()
