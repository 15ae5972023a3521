"""The plan list as the user drives it: header clicks sort in the store, search by the people on
the plan, the empty-result message, Down from the search box, Ctrl+End to the last plan."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView

from sip_desk.domain.participant import ParticipantData
from sip_desk.services.registry import Services
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.plan_table_model import Column
from sip_desk.ui.widgets.plan_list_panel import PlanListPanel
from tests.builders import person_data
from tests.ui.sort_arrows import arrow_direction

NAMES = ("Cecilia Berg", "Anna Öst", "Bo Ek", "Dan Al", "Eva Holm")


@pytest.fixture
def panel(qtbot, sqlite_services: Services) -> PlanListPanel:
    for name in NAMES:
        first, last = name.split()
        sqlite_services.plans.create_plan(person_data(first_name=first, last_name=last))
    widget = PlanListPanel(AppEvents(), "en")
    model = widget.model  # pages of two: several pages even for five plans
    model._page_size, model._query = 2, dataclasses.replace(model._query, limit=2)
    qtbot.addWidget(widget)
    widget.resize(1100, 500)
    widget.set_source(sqlite_services.plan_list)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _shown(panel: PlanListPanel) -> list[str]:
    model = panel.model
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    return [model.index(r, Column.PERSON).data() for r in range(model.rowCount())]


def _click_header(qtbot, panel: PlanListPanel, column: Column) -> None:
    header: QHeaderView = panel.view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: not panel.model.is_loading)


def test_a_click_on_the_person_header_sorts_and_a_second_reverses(qtbot, panel) -> None:
    header = panel.view.table.horizontalHeader()

    _click_header(qtbot, panel, Column.PERSON)
    ascending = _shown(panel)
    arrow = header.sortIndicatorOrder()
    assert arrow_direction(header, Column.PERSON) == "up"
    _click_header(qtbot, panel, Column.PERSON)
    assert arrow_direction(header, Column.PERSON) == "down"

    assert ascending == sorted(NAMES)
    assert arrow == Qt.SortOrder.AscendingOrder
    assert header.sortIndicatorSection() == Column.PERSON
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _shown(panel) == sorted(NAMES, reverse=True)


def test_search_finds_the_coordinator_and_says_when_nothing_matches(
    qtbot, panel, sqlite_services
) -> None:
    plan = sqlite_services.plan_list.plan_page(
        dataclasses.replace(panel.model._query, text="Bo Ek")
    ).rows[0]
    detail = sqlite_services.plans.get_plan(plan.id)
    saved = sqlite_services.items.add(
        "participant", plan.id, detail.version, ParticipantData(name="Linnea Samordnare")
    )
    fields = dataclasses.replace(saved.plan.fields, coordinator_participant_id=saved.item_id)
    sqlite_services.plans.update_fields(plan.id, saved.plan.version, fields)

    qtbot.keyClicks(panel.view.search, "linnea")
    qtbot.waitUntil(lambda: _shown(panel) == ["Bo Ek"])
    assert not panel.view.message.isVisible()
    panel.view.search.clear()
    qtbot.keyClicks(panel.view.search, "Zlatan")

    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.view.message.isVisible()
    assert panel.view.message.text() == "No plans match “Zlatan”."


def test_down_leaves_the_search_box_for_the_list(qtbot, panel) -> None:
    panel.view.search.setFocus()
    qtbot.keyClick(panel.view.search, Qt.Key.Key_Down)

    assert panel.view.table.hasFocus()
    assert panel.view.table.selectionModel().selectedRows()[0].row() == 0


def test_ctrl_end_goes_to_the_last_plan_and_ctrl_home_back(qtbot, panel, sqlite_services) -> None:
    extra = [f"Zorro Nr{i:02d}" for i in range(40)]
    for name in extra:
        first, last = name.split()
        sqlite_services.plans.create_plan(person_data(first_name=first, last_name=last))
    panel.resize(1100, 220)
    _click_header(qtbot, panel, Column.PERSON)
    table = panel.view.table
    table.setFocus()
    assert panel.model.canFetchMore(panel.model.index(-1, -1))  # only the first pages loaded

    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    last = panel.model.row_at(table.currentIndex().row())
    assert last is not None and last.person_name == "Zorro Nr39"
    assert panel.model.more_before  # the last page, read from the end
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    first = panel.model.row_at(table.currentIndex().row())
    assert first is not None and first.person_name == "Anna Öst"


def test_the_order_can_be_chosen_by_keyboard_and_follows_header_clicks(qtbot, panel) -> None:
    chooser = panel.view.sort
    header = panel.view.table.horizontalHeader()
    assert chooser.currentText() == "Latest change first"
    chooser.setFocus()

    qtbot.keyClick(chooser, Qt.Key.Key_Down)  # Person, ascending
    qtbot.waitUntil(lambda: not panel.model.is_loading)

    assert _shown(panel) == sorted(NAMES)
    assert header.sortIndicatorSection() == Column.PERSON
    assert arrow_direction(header, Column.PERSON) == "up"
    _click_header(qtbot, panel, Column.PERSON)
    assert chooser.currentText() == "Person, descending"
    assert _shown(panel) == sorted(NAMES, reverse=True)


def test_typing_in_the_list_searches_instead_of_jumping_to_a_neighbour(qtbot, panel) -> None:
    """An outside tester typed a name with the list focused, pressed Down and Enter, and opened
    the next person's plan: a jump to the first row beginning so is not a search."""
    table = panel.view.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)

    qtbot.keyClicks(table, "Bo")

    assert panel.view.search.hasFocus() and panel.view.search.text() == "Bo"
    qtbot.waitUntil(lambda: _shown(panel) == ["Bo Ek"])
    qtbot.keyClick(panel.view.search, Qt.Key.Key_Down)
    row = table.selectionModel().selectedRows()[0].row()
    assert table.hasFocus() and panel.model.index(row, Column.PERSON).data() == "Bo Ek"
