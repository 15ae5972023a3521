from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from sip_desk.domain.enums import (
    ActionStatus,
    FollowUpDecision,
    GoalOutcome,
    MeetingStatus,
    PlanStatus,
    ReviewStatus,
    VersionState,
)
from sip_desk.domain.errors import DomainError, ValidationErrors
from sip_desk.domain.follow_up import ActionReviewData, GoalReviewData, MeetingData
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.worklist import FollowUpRecord
from sip_desk.services.registry import Services
from tests.services.follow_up_builders import FollowUpPlans, local


@pytest.fixture
def plans(services, make_plan) -> FollowUpPlans:
    return FollowUpPlans(services, make_plan)


@pytest.fixture
def signed_plan(services: Services, plans: FollowUpPlans, clock: Any) -> PlanDetail:
    plan = plans.sign(plans.active())
    clock.set(plan.meetings[0].starts_at + timedelta(hours=1))
    return services.plans.get_plan(plan.id)


def _record(plan: PlanDetail, **overrides: object) -> FollowUpRecord:
    values: dict[str, object] = {
        "action_reviews": tuple(
            ActionReviewData(action_id=a.id, status=ReviewStatus.DONE, comment="Klart i tid")
            for a in plan.actions
        ),
        "goal_reviews": tuple(
            GoalReviewData(
                goal_id=g.id, outcome=GoalOutcome.PARTLY, person_view="Jag har nästan ett hem."
            )
            for g in plan.goals
        ),
        "new_needs": "Stöd att söka arbete",
        "decision": FollowUpDecision.CONTINUE,
        "next_follow_up": MeetingData(
            starts_at=local(plan.meetings[0].starts_at.date() + timedelta(weeks=8)),
            place="Socialtjänsten, Storgatan 1",
        ),
    }
    values.update(overrides)
    return FollowUpRecord(**values)  # type: ignore[arg-type]


def test_follow_up_meeting_records_reviews_and_starts_next_version(
    services: Services, signed_plan: PlanDetail
) -> None:
    meeting = signed_plan.meetings[0]

    result = services.follow_ups.meetings.record(
        signed_plan.id, signed_plan.version, meeting.id, _record(signed_plan)
    )

    stored = services.plans.get_plan(signed_plan.id)
    held = next(m for m in stored.meetings if m.id == meeting.id)
    assert held.status is MeetingStatus.HELD
    assert held.decision is FollowUpDecision.CONTINUE
    assert [r.comment for r in held.action_reviews] == ["Klart i tid"]
    assert [r.person_view for r in held.goal_reviews] == ["Jag har nästan ett hem."]
    assert [a.status for a in stored.actions] == [ActionStatus.DONE]
    assert "Stöd att söka arbete" in [n.description for n in stored.needs]
    booked = [m for m in stored.meetings if m.status is MeetingStatus.BOOKED]
    assert [m.id for m in booked] == [result.next_meeting_id]
    assert [(v.number, v.state) for v in stored.versions] == [
        (1, VersionState.SIGNED),
        (2, VersionState.DRAFT),
    ]
    assert result.version_number == 2


def test_follow_up_meeting_close_decision_closes_plan(services, signed_plan) -> None:
    record = _record(
        signed_plan,
        decision=FollowUpDecision.CLOSE,
        decision_reason="Personen har eget boende och vill avsluta",
        next_follow_up=None,
    )

    services.follow_ups.meetings.record(
        signed_plan.id, signed_plan.version, signed_plan.meetings[0].id, record
    )

    stored = services.plans.get_plan(signed_plan.id)
    assert stored.status is PlanStatus.CLOSED
    assert stored.closed_reason == "Personen har eget boende och vill avsluta"
    assert not [m for m in stored.meetings if m.status is MeetingStatus.BOOKED]


def test_follow_up_meeting_requires_decision_reason_and_next_booking(services, signed_plan):
    record = _record(signed_plan, decision=FollowUpDecision.REVISE, next_follow_up=None)

    with pytest.raises(ValidationErrors) as info:
        services.follow_ups.meetings.record(
            signed_plan.id, signed_plan.version, signed_plan.meetings[0].id, record
        )

    assert {e.field for e in info.value.errors} == {
        "meeting.next_follow_up",
        "meeting.decision_reason",
    }
    assert "Nästa uppföljning måste fyllas i." in info.value.message("sv")
    assert services.plans.get_plan(signed_plan.id).meetings[0].status is MeetingStatus.BOOKED


def test_follow_up_meeting_refuses_unmarked_open_actions(services, signed_plan) -> None:
    record = _record(signed_plan, action_reviews=())

    with pytest.raises(DomainError) as info:
        services.follow_ups.meetings.record(
            signed_plan.id, signed_plan.version, signed_plan.meetings[0].id, record
        )

    assert "1 insatser saknar bedömning" in info.value.message("sv")


def test_follow_up_meeting_cannot_be_recorded_twice(services, signed_plan) -> None:
    meeting_id = signed_plan.meetings[0].id
    result = services.follow_ups.meetings.record(
        signed_plan.id, signed_plan.version, meeting_id, _record(signed_plan)
    )

    with pytest.raises(DomainError) as info:
        services.follow_ups.meetings.record(
            signed_plan.id, result.plan.version, meeting_id, _record(result.plan)
        )

    assert info.value.code == "follow_up.not_booked"


def test_follow_up_meeting_document_carries_reviews_and_next_meeting(services, signed_plan):
    result = services.follow_ups.meetings.record(
        signed_plan.id, signed_plan.version, signed_plan.meetings[0].id, _record(signed_plan)
    )

    doc = services.follow_ups.meetings.follow_up_document(result.plan, result.meeting_id)

    assert doc.meeting.decision is FollowUpDecision.CONTINUE
    assert doc.next_meeting is not None and doc.next_meeting.id == result.next_meeting_id
    assert doc.version_number == 2
