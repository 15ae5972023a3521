from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import (
    ActionStatus,
    FollowUpDecision,
    GoalOutcome,
    MeetingKind,
    MeetingStatus,
    ReviewStatus,
    SignatureMethod,
    VersionState,
)
from sip_desk.domain.worklist import WorklistKind
from sip_desk.services.demo_cases import load_demo_cases
from sip_desk.ui.events import AppEvents
from sip_desk.ui.follow_up.follow_up_dialog import FollowUpDialog
from sip_desk.ui.worklist.worklist_panel import WorklistPanel


@pytest.fixture
def demo_plan(sqlite_services, clock):
    """The adult demo case, signed, with the clock just after its booked follow-up."""
    created = dict(load_demo_cases(sqlite_services).created)
    plan = sqlite_services.plans.get_plan(created["adult"])
    if plan.versions[-1].state is VersionState.DRAFT:
        signer = SignatureDto(
            signer_name=plan.person.full_name,
            is_person=True,
            method=SignatureMethod.PAPER,
            signed_on=clock.today(),
        )
        plan = sqlite_services.signing.sign_version(plan.id, plan.version, [signer])
    booked = next(
        m
        for m in plan.meetings
        if m.kind is MeetingKind.FOLLOW_UP and m.status is MeetingStatus.BOOKED
    )
    clock.set(booked.starts_at + timedelta(hours=2))
    return plan, booked


def _drive(dialog: FollowUpDialog, qtbot) -> None:
    """What the coordinator does at the meeting table."""
    plan = dialog.plan
    first, *rest = dialog.action_status
    dialog.action_status[first].setCurrentIndex(
        dialog.action_status[first].findData(ReviewStatus.DONE)
    )
    qtbot.keyClicks(dialog.action_comment[first], "Klart i tid")
    for action_id in rest:
        qtbot.keyClicks(dialog.action_comment[action_id], "Pagar vidare")
    goal = plan.goals[0].id
    combo = dialog.goal_outcome[goal]
    combo.setCurrentIndex(combo.findData(GoalOutcome.ACHIEVED))
    qtbot.keyClicks(dialog.goal_view[goal], "Jag har en egen lagenhet nu")
    qtbot.keyClicks(dialog.new_needs, "Stod att hitta arbete")
    qtbot.mouseClick(dialog.decision_buttons[FollowUpDecision.REVISE], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reason, "Nytt behov av arbete")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_follow_up_from_worklist_stores_result_and_new_version(
    qtbot, sqlite_services, demo_plan, monkeypatch
) -> None:
    plan, booked = demo_plan
    events = AppEvents()
    panel = WorklistPanel(sqlite_services, events, "sv")
    qtbot.addWidget(panel)
    row = next(
        r
        for r, item in enumerate(panel.model.items())
        if item.kind is WorklistKind.FOLLOW_UP_MEETING and item.item_id == booked.id
    )
    panel.view.table.selectRow(row)
    seen: list[FollowUpDialog] = []

    def fake_exec(dialog: FollowUpDialog) -> int:
        seen.append(dialog)
        _drive(dialog, qtbot)
        return int(dialog.result())

    monkeypatch.setattr(FollowUpDialog, "exec", fake_exec)

    with qtbot.waitSignal(events.plan_changed, timeout=3000) as changed:
        qtbot.mouseClick(panel.view.record, Qt.MouseButton.LeftButton)

    assert changed.args == [plan.id]
    stored = sqlite_services.plans.get_plan(plan.id)
    held = next(m for m in stored.meetings if m.id == booked.id)
    assert held.status is MeetingStatus.HELD
    assert held.decision is FollowUpDecision.REVISE
    assert held.decision_reason == "Nytt behov av arbete"
    assert held.goal_reviews[0].person_view == "Jag har en egen lagenhet nu"
    assert held.goal_reviews[0].outcome is GoalOutcome.ACHIEVED
    first_action = next(iter(seen[0].action_status))
    assert next(a for a in stored.actions if a.id == first_action).status is ActionStatus.DONE
    assert "Stod att hitta arbete" in [n.description for n in stored.needs]
    new_booking = [m for m in stored.meetings if m.status is MeetingStatus.BOOKED]
    assert [m.starts_at for m in new_booking] == [booked.starts_at + timedelta(weeks=8)]
    signed = plan.versions[-1].number
    assert [(v.number, v.state) for v in stored.versions][-2:] == [
        (signed, VersionState.SIGNED),
        (signed + 1, VersionState.DRAFT),
    ]
    shown = [i.item_id for i in panel.model.items() if i.kind is WorklistKind.FOLLOW_UP_MEETING]
    assert booked.id not in shown  # the panel re-queried: the held meeting left the worklist


def test_follow_up_dialog_shows_missing_reason_and_keeps_meeting(
    qtbot, sqlite_services, demo_plan
) -> None:
    plan, booked = demo_plan
    dialog = FollowUpDialog(sqlite_services, plan, booked, "sv")
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.decision_buttons[FollowUpDecision.CLOSE], Qt.MouseButton.LeftButton)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert not dialog.next_box.isEnabled()
    assert dialog.error.isVisibleTo(dialog)
    assert "Skäl för beslut måste fyllas i." in dialog.error.text()
    stored = sqlite_services.plans.get_plan(plan.id)
    assert next(m for m in stored.meetings if m.id == booked.id).status is MeetingStatus.BOOKED
