"""The worklist as a coordinator uses it by keyboard: the range's words, a range of dates typed
backwards (told, not swapped), and a new plan nobody coordinates yet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator

from sip_desk.domain.person import PersonData
from sip_desk.paths import resource
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.worklist_table_model import Column
from sip_desk.ui.worklist.worklist_panel import WorklistPanel
from sip_desk.ui.worklist.worklist_range import RangeChoice, load_range


@pytest.fixture
def swedish(qapp) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("sip_desk_sv", str(resource("i18n")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def panel(qtbot, swedish, sqlite_services, settings) -> Iterator[WorklistPanel]:
    sqlite_services.plans.create_plan(PersonData(first_name="Nora", last_name="Ny"))
    widget = WorklistPanel(sqlite_services, AppEvents(), "sv", settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1366, 600)
    with qtbot.waitSignal(widget.model.counts_loaded, timeout=5000):
        widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)
    yield widget
    widget.model.wait_until_idle(5000)


def _rows(panel: WorklistPanel, column: Column) -> list[str]:
    model = panel.model
    rows = [r for r in range(model.rowCount()) if model.heading_at(r) is None]
    return [model.data(model.index(r, column)) for r in rows]


def _type_date(qtbot, edit, text: str) -> None:
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def test_the_ranges_read_naturally_in_swedish(panel) -> None:
    combo = panel.view.range
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[:3] == ["Närmaste 7 dagar", "Närmaste 30 dagar", "Närmaste 90 dagar"]
    assert combo.currentText() == "Närmaste 30 dagar"


def test_a_backwards_range_of_dates_is_told_not_swapped(qtbot, panel, settings) -> None:
    v = panel.view
    v.range.setFocus()
    qtbot.keyClick(v.range, Qt.Key.Key_End)  # "Datum…"
    assert v.range.currentData() == RangeChoice.DATES.value
    _type_date(qtbot, v.first_day, "2026-12-20")
    qtbot.keyClick(v.first_day, Qt.Key.Key_Tab)
    _type_date(qtbot, v.last_day, "2026-12-05")
    qtbot.keyClick(v.last_day, Qt.Key.Key_Tab)

    assert v.message.isVisible()
    assert v.message.text() == (
        "⚠ Sista dagen är före första dagen. Ändra en av dem för att se arbetslistan."
    )
    assert v.first_day.date().toString("yyyy-MM-dd") == "2026-12-20"  # nothing lost or swapped
    assert v.last_day.date().toString("yyyy-MM-dd") == "2026-12-05"
    kept = load_range(settings)  # the last range that made sense, not a swapped one
    assert not kept.backwards and "2026-12-05" not in (str(kept.first), str(kept.last))
    qtbot.wait(400)  # longer than the filter's pause: no query ran meanwhile
    assert v.message.isVisible() and v.message.text().startswith("⚠")
    assert not v.table.isEnabled()  # the rows of the last range, greyed
    chips = (v.overdue, v.today, v.this_week, v.within_30)
    assert [c.text() for c in chips] == ["Försenade: –", "I dag: –", "Denna vecka: –", "Senare: –"]
    assert not any(c.isEnabled() for c in chips)  # not the last range's counts
    assert panel.count_text() == "Inga uppföljningar räknade: datumen går baklänges."

    _type_date(qtbot, v.last_day, "2026-12-31")  # corrected: the worklist for those dates
    with qtbot.waitSignal(panel.model.loaded, timeout=5000):
        qtbot.keyClick(v.last_day, Qt.Key.Key_Tab)
    assert not v.message.text().startswith("⚠")
    assert v.table.isEnabled() and all(c.isEnabled() for c in chips)
    assert not any(c.text().endswith("–") for c in chips)
    saved = load_range(settings)
    assert (str(saved.first), str(saved.last)) == ("2026-12-20", "2026-12-31")


def test_a_new_plan_without_coordinator_or_meeting_needs_both(panel) -> None:
    assert "Nora Ny" in _rows(panel, Column.PERSON)
    row = _rows(panel, Column.PERSON).index("Nora Ny")
    assert _rows(panel, Column.KIND)[row] == "Inget första möte ännu"
    assert _rows(panel, Column.COORDINATOR)[row] == "Ingen vald"
    assert _rows(panel, Column.URGENCY)[row] == "I dag"


def test_alt_f_hides_the_filters_so_the_list_gets_the_room_and_it_is_remembered(
    qtbot, panel, settings, sqlite_services
) -> None:
    v = panel.view
    tall = v.table.height()
    assert v.filters.isVisible() and v.filter_toggle.text() == "▾ &Filter"

    qtbot.keyClick(panel, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)

    qtbot.waitUntil(lambda: not v.filters.isVisible())
    assert v.filter_toggle.text() == "▸ &Filter"
    qtbot.waitUntil(lambda: v.table.height() > tall)
    again = WorklistPanel(sqlite_services, AppEvents(), "sv", settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert not again.view.filters.isVisible()  # as the user left it
    again.model.wait_until_idle(5000)


def test_a_narrow_column_s_heading_ends_in_an_ellipsis_not_cut_at_both_ends(qtbot, panel) -> None:
    from PySide6.QtWidgets import QStyleOptionHeader

    header = panel.view.table.horizontalHeader()
    title = panel.model.headerData(Column.RESPONSIBLE, Qt.Orientation.Horizontal)
    wide = header.fontMetrics().horizontalAdvance(title)
    # The user narrows the column by dragging its edge (the fit gives every column room
    # for its title, leaving out the least needed ones at 200 %).
    header.resizeSection(Column.RESPONSIBLE, wide * 2 // 3)
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, Column.RESPONSIBLE)  # what the header paints

    assert option.text.startswith(title[:2]) and option.text.endswith("…")
    assert header.fontMetrics().horizontalAdvance(option.text) < header.sectionSize(
        Column.RESPONSIBLE
    )
