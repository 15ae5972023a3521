"""The mouse wheel turned over a drop-down the user is not in scrolls the page, and changes
nothing: an outside tester scrolled over a goal's "Bedömning" in the follow-up record and the
goal was saved as achieved."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans


@pytest.fixture
def held_plan(sqlite_services: Services, clock) -> PlanDetail:
    """A signed plan whose booked follow-up was held an hour ago."""
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    plan = plans.sign(plans.active())
    clock.set(plan.meetings[0].starts_at + timedelta(hours=1))
    return sqlite_services.plans.get_plan(plan.id)


def turn_wheel(widget: QComboBox, notches: int) -> None:
    """Turn the mouse wheel over the middle of ``widget``, as a hand on the mouse does."""
    inside = QPointF(widget.rect().center())
    event = QWheelEvent(
        inside,
        QPointF(widget.mapToGlobal(inside)),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_evaluation_scrolls_the_page_and_changes_nothing(
    qtbot, open_editor, held_plan, sqlite_services: Services
) -> None:
    editor = open_editor(held_plan.id)
    assert editor.record_follow_up()
    section = editor.follow_up_record_section
    action = held_plan.actions[0]
    status = section.bindings[f"record.action.{action.id}.status"].widget
    assert isinstance(status, QComboBox) and not status.hasFocus()
    # Qt focuses a WheelFocus widget before a real wheel reaches it (a tester's xdotool wheel
    # changed the language): no drop-down of the editor takes the focus from the wheel.
    wheel_focus = Qt.FocusPolicy.WheelFocus
    combos = editor.findChildren(QComboBox)
    assert combos and all(c.focusPolicy() != wheel_focus for c in combos)
    before = status.currentText()
    bar = editor.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(status.isVisible)
    top = bar.value()

    turn_wheel(status, 2)
    qtbot.wait(700)  # longer than a save takes

    assert status.currentText() == before
    draft = sqlite_services.plans.get_plan(held_plan.id).follow_up_draft
    assert draft is None or draft.record.action(action.id).status is None
    assert bar.value() != top  # the page moved instead


def test_a_drop_down_the_user_is_in_still_takes_the_wheel(qtbot, open_editor, held_plan) -> None:
    editor = open_editor(held_plan.id)
    assert editor.record_follow_up()
    goal = held_plan.goals[0]
    outcome = editor.follow_up_record_section.bindings[f"record.goal.{goal.id}.outcome"].widget
    assert isinstance(outcome, QComboBox)
    qtbot.waitUntil(outcome.hasFocus)  # the record starts in its first evaluation
    index = outcome.currentIndex()

    turn_wheel(outcome, 1)

    assert outcome.currentIndex() != index
