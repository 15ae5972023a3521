"""The caseload dialog: as big as its table, and the sort arrow tells the order shown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from sip_desk.domain.worklist import CaseloadRow
from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog
from tests.ui.sort_arrows import arrow_direction

ROWS = [
    CaseloadRow(coordinator=name, active_plans=n, follow_ups_next_30_days=n, overdue_actions=n)
    for n, name in enumerate(("Sara Ström", "Adam Ek", "Linnea Ahl"), start=1)
]


def _names(dialog: CaseloadDialog) -> list[str]:
    table = dialog.table
    return [item.text() for r in range(table.rowCount()) if (item := table.item(r, 0))]


def test_caseload_is_sized_to_its_table(qtbot) -> None:
    dialog = CaseloadDialog(ROWS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    table = dialog.table
    assert not table.horizontalScrollBar().isVisible()
    assert not table.verticalScrollBar().isVisible()
    assert table.viewport().width() >= table.horizontalHeader().length() - 2
    # Three rows: no tall empty table under them.
    assert dialog.height() < table.verticalHeader().length() + 200


def test_the_sort_arrow_matches_the_order_and_a_click_turns_both(qtbot) -> None:
    dialog = CaseloadDialog(ROWS)
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.table.horizontalHeader()

    assert _names(dialog) == ["Adam Ek", "Linnea Ahl", "Sara Ström"]
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert arrow_direction(header, 0) == "up"  # A to Z: the arrow points up

    x = header.sectionViewportPosition(0) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _names(dialog) == ["Sara Ström", "Linnea Ahl", "Adam Ek"]
    assert arrow_direction(header, 0) == "down"
