from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.errors import DomainError, NotFoundError, ValidationErrors
from sip_desk.domain.goal import GoalData
from sip_desk.domain.participant import ParticipantData
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder


def test_items_service_links_actions_to_goals_and_named_person(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    saved = services.items.add("goal", plan.id, plan.version, GoalData(text="Vara drogfri ett år"))
    goals = tuple(g.id for g in saved.plan.goals)

    saved = services.items.update(
        "action",
        plan.id,
        saved.plan.version,
        plan.actions[0].id,
        dataclasses.replace(plan.actions[0], goal_ids=goals),
    )

    stored = services.plans.get_plan(plan.id).actions[0]
    assert set(stored.goal_ids) == set(goals)
    assert stored.responsible_name == "Kim Handläggare"


def test_items_service_refuses_a_goal_from_another_plan(services: Services, make_plan) -> None:
    plan = make_plan.complete()
    other = make_plan.complete()

    with pytest.raises(ValidationErrors) as info:
        services.items.add(
            "action",
            plan.id,
            plan.version,
            ActionData(description="Stöd", goal_ids=(other.goals[0].id,)),
        )

    assert info.value.errors[0].field == "action.goal_ids"
    assert len(services.plans.get_plan(plan.id).actions) == 1


def test_items_service_removing_a_participant_clears_responsibility(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()

    services.items.remove("participant", plan.id, plan.version, plan.participants[0].id)

    stored = services.plans.get_plan(plan.id)
    assert stored.actions[0].responsible_participant_id is None
    assert stored.fields.coordinator_participant_id is None
    assert "completeness.action_responsible" in [m.code for m in services.plans.check(plan.id)]


def test_items_service_reorders_goals(services: Services, make_plan) -> None:
    plan = make_plan()
    for text in ("Första", "Andra", "Tredje"):
        plan = services.items.add("goal", plan.id, plan.version, GoalData(text=text)).plan

    saved = services.items.move("goal", plan.id, plan.version, plan.goals[2].id, 0)

    assert [g.text for g in saved.plan.goals] == ["Tredje", "Första", "Andra"]


def test_items_service_unknown_row_is_not_found(services: Services, make_plan) -> None:
    plan = make_plan()

    with pytest.raises(NotFoundError):
        services.items.update("goal", plan.id, plan.version, 9999, GoalData(text="x"))


def test_items_service_keeps_organisations_shared_between_plans(
    services: Services, make_plan
) -> None:
    first = make_plan.complete()
    second = make_plan.complete()

    assert first.participants[0].organisation == second.participants[0].organisation
    assert first.participants[0].principal is PrincipalType.KOMMUN


def test_closed_plan_refuses_changes(services: Services, make_plan) -> None:
    plan = make_plan.complete()
    closed = services.plans.close(plan.id, plan.version, "Personen vill avsluta").plan

    with pytest.raises(DomainError) as info:
        services.items.add("participant", closed.id, closed.version, ParticipantData(name="X"))

    assert info.value.code == "error.plan_closed"
    assert closed.status is PlanStatus.CLOSED and closed.closed_on is not None


def test_close_requires_a_reason(services: Services, make_plan) -> None:
    plan = make_plan()

    with pytest.raises(ValidationErrors) as info:
        services.plans.close(plan.id, plan.version, "  ")

    assert "Skäl för avslut måste fyllas i." in info.value.message("sv")


def test_person_identity_number_cannot_be_taken_from_another_person(services: Services) -> None:
    builder = PlanBuilder(services)
    first = builder()
    second = builder()

    with pytest.raises(ValidationErrors) as info:
        services.plans.update_person(
            second.id,
            second.version,
            dataclasses.replace(second.person, identity_number=first.person.identity_number),
        )

    assert info.value.errors[0].code == "validation.identity_taken"


def test_meeting_service_refuses_a_follow_up_in_the_past(services: Services, make_plan) -> None:
    plan = make_plan.complete()
    past = dataclasses.replace(
        plan.meetings[0], starts_at=services.ctx.clock.now() - timedelta(days=1)
    )

    with pytest.raises(ValidationErrors) as info:
        services.meetings.update_meeting(plan.id, plan.version, plan.meetings[0].id, past)

    assert info.value.errors[0].field == "meeting.starts_at"
    assert services.plans.get_plan(plan.id).meetings[0].starts_at == plan.meetings[0].starts_at
