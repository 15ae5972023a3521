"""Plans due for deletion (gallring) in the window: found from the File menu by keys, chosen
with the keyboard, deleted only after a question that names how many."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from sip_desk.domain.errors import NotFoundError
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.retention_dialog import RetentionDialog
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import person_data
from tests.conftest import FIXED_NOW, MutableClock
from tests.ui.question_boxes import Questions, answer_next_question, press

YEAR = timedelta(days=365)
ALT = Qt.KeyboardModifier.AltModifier


def _closed(services: Services, first: str, last: str) -> int:
    plan = services.plans.create_plan(person_data(first_name=first, last_name=last))
    return services.plans.close(plan.id, plan.version, "Klart").plan.id


@pytest.fixture
def plans(sqlite_services: Services, clock: MutableClock) -> dict[str, int]:
    s = sqlite_services
    ids = {"old": _closed(s, "Olle", "Gammal"), "older": _closed(s, "Ada", "Ek")}
    ids["open"] = s.plans.create_plan(person_data(first_name="Öppen", last_name="Plan")).id
    clock.set(FIXED_NOW + 6 * YEAR)
    ids["recent"] = _closed(s, "Nina", "Nyberg")
    return ids


@pytest.fixture
def window(qtbot, sqlite_services: Services, tmp_path: Path, plans) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    win.show()
    qtbot.waitExposed(win)
    return win


def _open_by_keys(qtbot, window: MainWindow) -> RetentionDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, ALT)
    qtbot.waitUntil(window.menus.file_menu.isVisible)
    qtbot.keyClick(window.menus.file_menu, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), RetentionDialog))
    dialog = QApplication.activeWindow()
    assert isinstance(dialog, RetentionDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    return dialog


def _names(dialog: RetentionDialog) -> list[str]:
    table = dialog.table
    return [table.item(r, 1).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def test_the_list_shows_only_plans_past_their_retention_and_sorts(qtbot, window, plans) -> None:
    dialog = _open_by_keys(qtbot, window)

    assert sorted(_names(dialog)) == ["Ada Ek", "Olle Gammal"]
    assert dialog.summary.text() == "2 plans are due for deletion."
    assert dialog.years.value() == 5
    header = dialog.table.horizontalHeader()
    person = QPoint(header.sectionViewportPosition(1) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=person)
    first = _names(dialog)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=person)
    assert sorted([first, _names(dialog)]) == [["Ada Ek", "Olle Gammal"], ["Olle Gammal", "Ada Ek"]]
    dialog.close()


def test_selected_plans_are_deleted_by_keys_after_the_question(qtbot, window, plans) -> None:
    services = window.services
    dialog = _open_by_keys(qtbot, window)
    table = dialog.table
    assert dialog.delete_button.isEnabled() is False
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert sorted(dialog.selected_ids()) == sorted([plans["old"], plans["older"]])

    questions = Questions()
    answer_next_question(questions, press(Qt.Key.Key_Escape))
    qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
    qtbot.waitUntil(lambda: len(questions.asked) == 1)
    assert questions.asked[0].startswith("Delete 2 plans and everything in them?")
    assert services.plans.get_plan(plans["old"]).id == plans["old"]  # declined: still there

    answer_next_question(questions, press(Qt.Key.Key_Y))
    dialog.activateWindow()  # back from the question box (offscreen does not hand it back)
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.deleted, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)
        qtbot.waitUntil(lambda: len(questions.asked) == 2)

    for key in ("old", "older"):
        with pytest.raises(NotFoundError):
            services.plans.get_plan(plans[key])
    assert table.rowCount() == 0
    assert dialog.summary.text() == "No plan is due."
    assert services.plans.get_plan(plans["open"]).id == plans["open"]
    assert services.plans.get_plan(plans["recent"]).id == plans["recent"]
    assert window.statusBar().currentMessage() == "Deleted 2 plans due for deletion."
    dialog.close()


def test_a_shorter_period_shows_the_recently_closed_plan_too(qtbot, window, plans) -> None:
    dialog = _open_by_keys(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)
    assert dialog.years.hasFocus()
    dialog.years.selectAll()
    qtbot.keyClicks(dialog.years, "0")  # below 1: the spin box keeps a valid period
    dialog.years.selectAll()
    qtbot.keyClicks(dialog.years, "1")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)
    assert window.services.plans.retention_years() == 1
    assert dialog.table.rowCount() == 2  # the plan closed today is not a year old
    dialog.close()
