"""The worklist as a coordinator drives it: the range selector (by keyboard, remembered), count
chips that filter, group headings with today on top, header clicks, part-of-a-name filter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from sip_desk.services.registry import Services
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.worklist_table_model import Column
from sip_desk.ui.worklist.worklist_panel import WorklistPanel
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans

MEETING = "Socialtjänsten, Storgatan 1"  # each plan's follow-up, booked 8 weeks out


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def filled(sqlite_services: Services) -> FollowUpPlans:
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    cia = plans.active(first_name="Cia")
    for days in (-9, -4, -1):
        cia = plans.action(cia, days, f"Försenad {days}")
    bo = plans.participant(plans.active(first_name="Bo"), "Ulla Lind", "Psykiatrin")
    ulla = next(p.id for p in bo.participants if p.name == "Ulla Lind")
    plans.action(plans.action(bo, 0, "Idag", responsible=ulla), 3, "Om tre dagar")
    return plans


def _open(qtbot, services: Services, settings: QSettings) -> WorklistPanel:
    panel = WorklistPanel(services, AppEvents(), "en", settings=settings)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    with qtbot.waitSignal(panel.model.counts_loaded, timeout=5000):
        panel.show()
    return panel


@pytest.fixture
def panel(qtbot, sqlite_services, filled, settings) -> Iterator[WorklistPanel]:
    widget = _open(qtbot, sqlite_services, settings)
    yield widget
    widget.model.wait_until_idle(5000)


def _shown(panel: WorklistPanel) -> list[str]:
    """What the table shows: headings as "# Heading", rows by their "What" cell."""
    model = panel.model
    return [
        f"# {model.index(r, 0).data()}"
        if model.heading_at(r) is not None
        else model.index(r, Column.WHAT).data()
        for r in range(model.rowCount())
    ]


def _settle(qtbot, panel: WorklistPanel) -> None:
    qtbot.waitUntil(lambda: not panel.model.is_loading and panel.model.counts is not None)


def test_today_comes_first_under_headings_with_counts(panel) -> None:
    assert _shown(panel) == [
        "# Today (1)",
        "Idag",
        "# Overdue (3)",
        "Försenad -9",
        "Försenad -4",
        "Försenad -1",
        "# Coming (1)",
        "Om tre dagar",
    ]
    table = panel.view.table
    assert table.columnSpan(0, 0) == panel.model.columnCount()  # a heading spans the row


def test_the_range_chosen_by_keyboard_shows_the_follow_ups_and_is_remembered(
    qtbot, panel, sqlite_services, settings
) -> None:
    combo = panel.view.range
    assert combo.currentText() == "Next 30 days"
    combo.setFocus()

    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Next 90 days
    qtbot.waitUntil(lambda: MEETING in _shown(panel), timeout=5000)
    _settle(qtbot, panel)

    shown = _shown(panel)
    assert shown.count(MEETING) == 2  # both plans' follow-ups, 8 weeks out
    assert shown[shown.index("# Coming (5)") + 1] == "Om tre dagar"  # and the actions by day 90
    again = _open(qtbot, sqlite_services, settings)
    assert again.view.range.currentText() == "Next 90 days"
    assert MEETING in _shown(again)
    again.model.wait_until_idle(5000)


def test_a_range_of_dates_shows_only_those_days(qtbot, panel, filled) -> None:
    combo = panel.view.range
    combo.setCurrentIndex(combo.findText("Dates…"))
    assert panel.view.first_day.isVisible() and panel.view.last_day.isVisible()
    today = filled.today
    panel.view.first_day.setDate(today)
    panel.view.last_day.setDate(today)
    _settle(qtbot, panel)
    qtbot.waitUntil(lambda: _shown(panel) == ["# Today (1)", "Idag"], timeout=5000)


def test_a_count_chip_filters_and_a_second_press_shows_all_again(qtbot, panel) -> None:
    chip = panel.view.overdue
    assert chip.text() == "Overdue: 3"

    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Idag" not in _shown(panel), timeout=5000)
    _settle(qtbot, panel)

    assert chip.isChecked()
    assert _shown(panel) == ["# Overdue (3)", "Försenad -9", "Försenad -4", "Försenad -1"]
    assert panel.view.today.text() == "Today: 1"  # the other counts stay

    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Idag" in _shown(panel), timeout=5000)
    assert not chip.isChecked()


def test_a_header_click_sorts_each_group_and_a_second_reverses(qtbot, panel) -> None:
    header = panel.view.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.WHAT) + 10

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    _settle(qtbot, panel)
    ascending = _shown(panel)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: _shown(panel) != ascending, timeout=5000)

    assert ascending[2:6] == ["# Overdue (3)", "Försenad -1", "Försenad -4", "Försenad -9"]
    assert _shown(panel)[2:6] == ["# Overdue (3)", "Försenad -9", "Försenad -4", "Försenad -1"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _shown(panel)[0] == "# Today (1)"  # the groups keep their order


def test_the_responsible_person_filter_matches_part_of_a_name(qtbot, panel) -> None:
    qtbot.keyClicks(panel.view.responsible, "lind")

    qtbot.waitUntil(lambda: "Försenad -9" not in _shown(panel), timeout=5000)
    _settle(qtbot, panel)

    assert _shown(panel) == ["# Today (1)", "Idag"]  # Ulla Lind's; the others are Kim's


def test_a_capped_count_reads_the_same_on_the_chip_and_the_heading(
    qtbot, sqlite_services, filled, settings, monkeypatch
) -> None:
    from sip_desk.domain.worklist import Urgency, WorklistCounts

    capped = WorklistCounts(overdue=4189, today=1, capped=frozenset({Urgency.OVERDUE}))
    monkeypatch.setattr(sqlite_services.follow_ups, "counts", lambda query=None, cap=None: capped)

    panel = _open(qtbot, sqlite_services, settings)

    assert panel.view.overdue.text() == "Overdue: 999+"
    assert "# Overdue (999+)" in _shown(panel)
    panel.model.wait_until_idle(5000)


def test_the_order_can_be_chosen_by_keyboard(qtbot, panel) -> None:
    chooser = panel.view.sort
    assert chooser.currentText() == "Due date (today, overdue, coming)"
    chooser.setCurrentIndex(chooser.findText("What, descending"))
    _settle(qtbot, panel)
    qtbot.waitUntil(lambda: _shown(panel)[3] == "Försenad -9", timeout=5000)

    assert _shown(panel)[2:6] == ["# Overdue (3)", "Försenad -9", "Försenad -4", "Försenad -1"]
    assert panel.view.table.horizontalHeader().sortIndicatorSection() == Column.WHAT
    chooser.setFocus()
    qtbot.keyClick(chooser, Qt.Key.Key_Home)  # back to the due order
    qtbot.waitUntil(lambda: _shown(panel)[3] == "Försenad -9", timeout=5000)
    assert panel.view.table.horizontalHeader().sortIndicatorSection() == -1
