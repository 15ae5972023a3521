"""Recording a follow-up meeting: a draft saved as typed, completed only when all is decided."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from sip_desk.db.models import DraftGoalReview, FollowUpDraft, PlanVersion
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
from sip_desk.domain.follow_up import ActionEvaluation, FollowUpRecord, GoalEvaluation
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.worklist import WorklistFilter, WorklistKind
from sip_desk.services.registry import Services
from tests.services.follow_up_builders import FollowUpPlans, local

GOAL = "Ha ett eget boende"
ACTION = "Boendestöd två gånger i veckan"


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
            ActionEvaluation(action_id=a.id, status=ReviewStatus.DONE, comment="Klart i tid")
            for a in plan.actions
        ),
        "goal_reviews": tuple(
            GoalEvaluation(
                goal_id=g.id, outcome=GoalOutcome.PARTLY, person_view="Jag har nästan ett hem."
            )
            for g in plan.goals
        ),
        "new_needs": "Stöd att söka arbete",
        "decision": FollowUpDecision.CONTINUE,
        "next_starts_at": local(plan.meetings[0].starts_at.date() + timedelta(weeks=8)),
        "next_place": "Socialtjänsten, Storgatan 1",
    }
    values.update(overrides)
    return FollowUpRecord(**values)  # type: ignore[arg-type]


def _draft(services: Services, plan: PlanDetail, record: FollowUpRecord) -> PlanDetail:
    """Start the record of the plan's booked follow-up and save ``record`` into it."""
    started = services.follow_ups.records.start(plan.id, plan.version)
    assert started.item_id == plan.meetings[0].id
    return services.follow_ups.records.save(
        plan.id, started.plan.version, started.item_id, record
    ).plan


def test_follow_up_record_draft_keeps_what_is_typed_and_leaves_the_meeting_booked(
    services: Services, signed_plan: PlanDetail
) -> None:
    goal = signed_plan.goals[0]
    typed = FollowUpRecord(
        goal_reviews=(GoalEvaluation(goal_id=goal.id, person_view="Jag vill bo nära min syster"),),
        decision_reason="Halvskrivet",
    )

    _draft(services, signed_plan, typed)

    stored = services.plans.get_plan(signed_plan.id)
    assert stored.follow_up_draft is not None
    assert stored.follow_up_draft.meeting_id == signed_plan.meetings[0].id
    record = stored.follow_up_draft.record
    assert record.goal(goal.id).person_view == "Jag vill bo nära min syster"
    assert record.goal(goal.id).outcome is None  # nobody has evaluated it
    assert record.action(signed_plan.actions[0].id).status is None
    assert record.decision is None and record.decision_reason == "Halvskrivet"
    assert stored.meetings[0].status is MeetingStatus.BOOKED
    assert stored.version > signed_plan.version  # a second writer would see the change
    assert stored.versions == signed_plan.versions  # no new plan version for a draft


def test_follow_up_record_start_reopens_the_draft_being_written(
    services: Services, signed_plan: PlanDetail
) -> None:
    plan = _draft(services, signed_plan, _record(signed_plan, decision=None))

    again = services.follow_ups.records.start(plan.id, plan.version)

    assert again.item_id == signed_plan.meetings[0].id
    assert again.plan.version == plan.version  # nothing changed
    assert again.plan.follow_up_draft == plan.follow_up_draft


def test_follow_up_record_completes_reviews_and_starts_next_version(
    services: Services, signed_plan: PlanDetail
) -> None:
    meeting = signed_plan.meetings[0]
    plan = _draft(services, signed_plan, _record(signed_plan))

    result = services.follow_ups.records.complete(plan.id, plan.version)

    stored = services.plans.get_plan(signed_plan.id)
    held = next(m for m in stored.meetings if m.id == meeting.id)
    assert held.status is MeetingStatus.HELD
    assert held.decision is FollowUpDecision.CONTINUE
    assert [r.comment for r in held.action_reviews] == ["Klart i tid"]
    assert [r.person_view for r in held.goal_reviews] == ["Jag har nästan ett hem."]
    assert [r.outcome for r in held.goal_reviews] == [GoalOutcome.PARTLY]
    assert [a.status for a in stored.actions] == [ActionStatus.DONE]
    assert "Stöd att söka arbete" in [n.description for n in stored.needs]
    booked = [m for m in stored.meetings if m.status is MeetingStatus.BOOKED]
    assert [m.id for m in booked] == [result.next_meeting_id]
    assert booked[0].place == "Socialtjänsten, Storgatan 1"
    assert stored.follow_up_draft is None
    assert [(v.number, v.state) for v in stored.versions] == [
        (1, VersionState.SIGNED),
        (2, VersionState.DRAFT),
    ]
    assert result.version_number == 2


def test_follow_up_record_close_decision_closes_plan(services, signed_plan) -> None:
    record = _record(
        signed_plan,
        decision=FollowUpDecision.CLOSE,
        decision_reason="Personen har eget boende och vill avsluta",
        next_starts_at=None,
    )
    plan = _draft(services, signed_plan, record)

    services.follow_ups.records.complete(plan.id, plan.version)

    stored = services.plans.get_plan(signed_plan.id)
    assert stored.status is PlanStatus.CLOSED
    assert stored.closed_reason == "Personen har eget boende och vill avsluta"
    assert not [m for m in stored.meetings if m.status is MeetingStatus.BOOKED]


def test_follow_up_record_requires_decision_reason_and_next_booking(services, signed_plan):
    record = _record(signed_plan, decision=FollowUpDecision.REVISE, next_starts_at=None)
    plan = _draft(services, signed_plan, record)

    with pytest.raises(ValidationErrors) as info:
        services.follow_ups.records.complete(plan.id, plan.version)

    assert {e.field for e in info.value.errors} == {
        "record.next_starts_at",
        "record.decision_reason",
    }
    assert "Nästa uppföljning måste fyllas i." in info.value.message("sv")
    assert "Skäl för beslut måste fyllas i." in info.value.message("sv")
    stored = services.plans.get_plan(signed_plan.id)
    assert stored.meetings[0].status is MeetingStatus.BOOKED
    assert stored.follow_up_draft == plan.follow_up_draft  # nothing typed is lost


def test_follow_up_record_refuses_unevaluated_goals_and_actions_by_name(
    services, signed_plan, plans
) -> None:
    plan = services.items.add(
        "goal", signed_plan.id, signed_plan.version, _goal("Vara drogfri ett år")
    ).plan
    plan = plans.action(plan, 30, text="Samtal på beroendemottagningen")
    first = next(a for a in plan.actions if a.description == ACTION)
    evaluated = _record(
        plan,
        action_reviews=(ActionEvaluation(action_id=first.id, status=ReviewStatus.ONGOING),),
        goal_reviews=(
            GoalEvaluation(goal_id=plan.goals[0].id, outcome=GoalOutcome.ACHIEVED),
            GoalEvaluation(goal_id=plan.goals[1].id, person_view="Det går bättre"),
        ),
    )
    plan = _draft(services, plan, evaluated)

    with pytest.raises(ValidationErrors) as info:
        services.follow_ups.records.complete(plan.id, plan.version)

    assert [e.field for e in info.value.errors] == ["record.evaluations"]
    assert info.value.message("sv") == (
        "Inte bedömt än (2): målet ”Vara drogfri ett år”, insatsen ”Samtal på "
        "beroendemottagningen”. Välj en bedömning för var och en innan uppföljningen slutförs."
    )
    assert 'the goal "Vara drogfri ett år"' in info.value.message("en")
    stored = services.plans.get_plan(plan.id)
    assert all(m.status is MeetingStatus.BOOKED for m in stored.meetings)
    assert stored.follow_up_draft is not None
    assert stored.follow_up_draft.record.goal(plan.goals[1].id).person_view == "Det går bättre"


def test_follow_up_record_needs_no_new_booking_when_a_later_one_exists(
    services, signed_plan, plans
) -> None:
    later = plans.meeting(signed_plan, 60, place="Stadshuset")
    plan = _draft(services, later, _record(later, next_starts_at=None))

    result = services.follow_ups.records.complete(plan.id, plan.version)

    assert result.next_meeting_id is None
    booked = [m for m in result.plan.meetings if m.status is MeetingStatus.BOOKED]
    assert [m.place for m in booked] == ["Stadshuset"]


def test_follow_up_record_cannot_be_completed_twice(services, signed_plan) -> None:
    meeting_id = signed_plan.meetings[0].id
    plan = _draft(services, signed_plan, _record(signed_plan))
    result = services.follow_ups.records.complete(plan.id, plan.version)

    with pytest.raises(DomainError) as again:
        services.follow_ups.records.complete(plan.id, result.plan.version)
    with pytest.raises(DomainError) as restart:
        services.follow_ups.records.start(plan.id, result.plan.version, meeting_id)

    assert again.value.code == "follow_up.no_draft"
    assert restart.value.code == "follow_up.not_booked"


def test_follow_up_record_start_without_a_booked_follow_up_explains(services, plans) -> None:
    plan = plans.make_plan()

    with pytest.raises(DomainError) as info:
        services.follow_ups.records.start(plan.id, plan.version)

    assert "inget bokat uppföljningsmöte" in info.value.message("sv")
    assert services.plans.get_plan(plan.id).follow_up_draft is None


def test_follow_up_record_discard_leaves_the_meeting_booked(services, signed_plan) -> None:
    plan = _draft(services, signed_plan, _record(signed_plan))

    services.follow_ups.records.discard(plan.id, plan.version, signed_plan.meetings[0].id)

    stored = services.plans.get_plan(plan.id)
    assert stored.follow_up_draft is None
    assert stored.meetings[0].status is MeetingStatus.BOOKED
    assert stored.meetings[0].goal_reviews == ()


def test_meeting_with_a_draft_record_cannot_be_removed(services, signed_plan) -> None:
    plan = _draft(services, signed_plan, _record(signed_plan))

    with pytest.raises(DomainError) as info:
        services.meetings.remove_meeting(plan.id, plan.version, signed_plan.meetings[0].id)

    assert info.value.code == "follow_up.draft_exists"
    assert "2027-01-18 10:00" in info.value.message("sv")  # local time, as booked
    assert services.plans.get_plan(plan.id).follow_up_draft is not None


def test_signing_keeps_the_draft_record_out_of_the_signed_version(
    services, signed_plan, plans
) -> None:
    typed = "Mina egna ord, inte färdiga"
    goal = signed_plan.goals[0]
    record = FollowUpRecord(goal_reviews=(GoalEvaluation(goal_id=goal.id, person_view=typed),))
    plan = _draft(services, signed_plan, record)
    fields = dataclasses.replace(plan.fields, strengths="Envis")
    plan = services.plans.update_fields(plan.id, plan.version, fields).plan
    plan = plans.meeting(plan, 60)  # signing needs a follow-up ahead

    signed = plans.sign(plan)

    with services.ctx.db.read() as s:
        snapshots = s.scalars(select(PlanVersion.snapshot).where(PlanVersion.plan_id == plan.id))
        assert all(typed not in (text or "") for text in snapshots)
    assert signed.versions[-1].state is VersionState.SIGNED
    stored = services.plans.get_plan(plan.id)
    assert stored.follow_up_draft is not None  # the draft lives on after signing
    assert stored.follow_up_draft.record.goal(goal.id).person_view == typed


def test_drafted_follow_up_stays_on_the_worklist_until_completed(
    services, signed_plan, clock
) -> None:
    meeting_id = signed_plan.meetings[0].id
    clock.set(signed_plan.meetings[0].starts_at + timedelta(days=2))  # recorded late
    plan = _draft(services, signed_plan, _record(signed_plan))
    meetings = WorklistFilter(kinds=frozenset({WorklistKind.FOLLOW_UP_MEETING}))

    before = [i.item_id for i in services.follow_ups.worklist(meetings)]
    services.follow_ups.records.complete(plan.id, plan.version)
    after = [i.item_id for i in services.follow_ups.worklist(meetings)]

    assert meeting_id in before  # a draft is not a held meeting
    assert meeting_id not in after


def test_follow_up_record_document_carries_reviews_and_next_meeting(services, signed_plan):
    plan = _draft(services, signed_plan, _record(signed_plan))
    result = services.follow_ups.records.complete(plan.id, plan.version)

    doc = services.follow_ups.meetings.follow_up_document(result.plan, result.meeting_id)

    assert doc.meeting.decision is FollowUpDecision.CONTINUE
    assert doc.next_meeting is not None and doc.next_meeting.id == result.next_meeting_id
    assert doc.version_number == 2


def _goal(text: str) -> Any:
    from sip_desk.domain.goal import GoalData

    return GoalData(text=text)


def test_deleting_a_plan_removes_its_draft_record(services, signed_plan) -> None:
    plan = _draft(services, signed_plan, _record(signed_plan))

    services.plans.delete_plan(plan.id)

    with services.ctx.db.read() as s:
        assert s.scalars(select(FollowUpDraft)).all() == []
        assert s.scalars(select(DraftGoalReview)).all() == []


def test_action_settled_in_the_plan_meanwhile_keeps_the_status_given_there(
    services, signed_plan
) -> None:
    from sip_desk.domain.action import ActionData

    plan = _draft(services, signed_plan, _record(signed_plan))  # marks the action "done"
    action = plan.actions[0]
    names = [f.name for f in dataclasses.fields(ActionData)]
    data = ActionData(**{n: getattr(action, n) for n in names if n != "status"})
    data = dataclasses.replace(data, status=ActionStatus.CANCELLED)
    plan = services.items.update("action", plan.id, plan.version, action.id, data).plan

    result = services.follow_ups.records.complete(plan.id, plan.version)

    assert [a.status for a in result.plan.actions] == [ActionStatus.CANCELLED]
    held = next(m for m in result.plan.meetings if m.id == result.meeting_id)
    assert held.action_reviews == ()
