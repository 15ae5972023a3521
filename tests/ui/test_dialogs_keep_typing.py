"""Escape, Cancel or the close button never throws away what was typed into a dialog without
asking; the question's default (and Escape) keeps the dialog open. Nothing typed: it closes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from tests.ui.question_boxes import D, Questions, answer_next_question, click, press, showing


@pytest.fixture
def shown(qtbot) -> Iterator[Callable[[D], D]]:
    with showing(qtbot) as show:
        yield show


@pytest.fixture
def new_plan(shown, sqlite_services: Services) -> NewPlanDialog:
    dialog = NewPlanDialog(sqlite_services.plans, "en")
    shown(dialog)
    return dialog


def _plan_count(services: Services) -> int:
    return len(services.plan_list.list_plans())


def test_escape_in_the_new_plan_dialog_asks_before_discarding_a_typed_name(
    qtbot, new_plan, sqlite_services
) -> None:
    qtbot.keyClicks(new_plan.first_name, "Alva")
    qtbot.keyClick(new_plan.first_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(new_plan.last_name, "Nordin")
    questions = Questions()

    answer_next_question(questions, press(Qt.Key.Key_Escape))
    QTest.keyClick(new_plan.last_name, Qt.Key.Key_Escape)
    answer_next_question(questions, press(Qt.Key.Key_Return))
    QTest.keyClick(new_plan.last_name, Qt.Key.Key_Escape)

    assert questions.asked == ["Discard the new plan?"] * 2
    assert new_plan.isVisible()
    assert (new_plan.first_name.text(), new_plan.last_name.text()) == ("Alva", "Nordin")
    assert new_plan.focusWidget() is new_plan.last_name  # typing goes on where it was
    answer_next_question(questions, click("discardButton"))
    QTest.keyClick(new_plan.last_name, Qt.Key.Key_Escape)
    assert not new_plan.isVisible() and new_plan.created is None
    assert _plan_count(sqlite_services) == 0


def test_cancel_and_closing_the_new_plan_dialog_ask_after_an_identity_number(
    qtbot, new_plan
) -> None:
    new_plan.identity.setFocus()
    qtbot.keyClicks(new_plan.identity, "19840312")
    questions = Questions()
    cancel = new_plan.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)

    answer_next_question(questions, press(Qt.Key.Key_Escape))
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    answer_next_question(questions, press(Qt.Key.Key_Escape))
    new_plan.close()

    assert questions.asked == ["Discard the new plan?"] * 2
    assert new_plan.isVisible() and new_plan.identity.text() == "19840312"


def test_escape_in_an_empty_new_plan_dialog_closes_at_once(qtbot, new_plan) -> None:
    questions = Questions()
    answer_next_question(questions, press(Qt.Key.Key_Escape))  # would answer an unwanted one

    QTest.keyClick(new_plan.first_name, Qt.Key.Key_Escape)

    assert not new_plan.isVisible() and questions.asked == []


def test_escape_in_the_settings_asks_before_discarding_a_change(
    qtbot, shown, sqlite_services
) -> None:
    dialog = shown(SettingsDialog(sqlite_services.documents, sqlite_services.follow_ups, "en"))
    before = sqlite_services.documents.settings().confidentiality_marking
    dialog.marking.setFocus()
    dialog.marking.selectAll()
    qtbot.keyClicks(dialog.marking, "Sekretess enligt OSL 26 kap.")
    questions = Questions()

    answer_next_question(questions, press(Qt.Key.Key_Escape))
    QTest.keyClick(dialog.marking, Qt.Key.Key_Escape)

    assert questions.asked == ["Discard the changed settings?"]
    assert dialog.isVisible() and dialog.marking.text() == "Sekretess enligt OSL 26 kap."
    answer_next_question(questions, click("discardButton"))
    QTest.keyClick(dialog.marking, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert sqlite_services.documents.settings().confidentiality_marking == before


def test_escape_in_unchanged_settings_closes_at_once(shown, sqlite_services) -> None:
    dialog = shown(SettingsDialog(sqlite_services.documents, sqlite_services.follow_ups, "en"))
    questions = Questions()
    answer_next_question(questions, press(Qt.Key.Key_Escape))

    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    assert not dialog.isVisible() and questions.asked == []
