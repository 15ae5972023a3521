from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.errors import StaleEditError, ValidationErrors
from sip_desk.domain.goal import GoalData
from sip_desk.domain.plan import PlanFields, PlanQuery
from tests.builders import PlanBuilder, person_data


def test_plan_service_creates_draft_plan_with_normalised_identity(services) -> None:
    plan = services.plans.create_plan(person_data(identity_number="198403121232"))

    stored = services.plans.get_plan(plan.id)
    assert stored.status is PlanStatus.DRAFT
    assert stored.person.identity_number == "19840312-1232"
    assert [v.number for v in stored.versions] == [1]


def test_plan_service_refuses_invalid_identity_number(services) -> None:
    with pytest.raises(ValidationErrors) as info:
        services.plans.create_plan(person_data(identity_number="19840312-1233"))

    assert info.value.errors[0].field == "person.identity_number"
    assert "kontrollsiffran" in info.value.message("sv")
    assert services.plan_list.count_plans() == 0


def test_plan_service_gives_reserve_id_without_identity_number(services) -> None:
    plan = services.plans.create_plan(person_data(identity_number=None))

    assert plan.person.identity_number is None
    assert plan.person.reserve_id and plan.person.reserve_id.startswith("R2026-")


def test_plan_service_refuses_stale_save(services, make_plan: PlanBuilder) -> None:
    plan = make_plan()
    fields = dataclasses.replace(plan.fields, reason="Behov av samordning")
    services.plans.update_fields(plan.id, plan.version, fields)

    with pytest.raises(StaleEditError):
        services.plans.update_fields(plan.id, plan.version, dataclasses.replace(fields, reason="x"))
    assert services.plans.get_plan(plan.id).fields.reason == "Behov av samordning"


def test_plan_service_completeness_passes_for_complete_plan(services, make_plan) -> None:
    plan = make_plan.complete()

    assert services.plans.check(plan.id) == []


def test_plan_service_lists_plans_with_lead_and_coordinator(services, make_plan) -> None:
    plan = make_plan.complete(first_name="Åsa", last_name="Öberg")

    rows = services.plan_list.list_plans(PlanQuery(text="Öberg"))

    assert [r.id for r in rows] == [plan.id]
    assert rows[0].lead_principal is PrincipalType.KOMMUN
    assert rows[0].coordinator_name == "Kim Handläggare"
    assert rows[0].next_follow_up_at == plan.meetings[0].starts_at


def test_plan_service_searches_by_organisation_and_identity(services, make_plan) -> None:
    plan = make_plan.complete(first_name="Ђорђе", last_name="Петровић")
    other = make_plan()

    by_org = services.plan_list.list_plans(PlanQuery(text="testkommun"))
    by_number = services.plan_list.list_plans(PlanQuery(text=plan.person.identity_number[:8]))

    assert [r.id for r in by_org] == [plan.id]
    assert plan.id in [r.id for r in by_number]
    assert services.plan_list.count_plans(PlanQuery(text="Петровић")) == 1
    assert services.plan_list.count_plans() == 2
    assert other.id not in [r.id for r in by_org]


def test_plan_service_pages_the_list_newest_change_first(services, make_plan, clock) -> None:
    plans = [make_plan() for _ in range(5)]
    clock.set(clock.now() + timedelta(minutes=5))
    services.plans.update_fields(plans[1].id, plans[1].version, PlanFields(reason="x"))

    first = services.plan_list.list_plans(PlanQuery(limit=2))
    second = services.plan_list.list_plans(PlanQuery(offset=2, limit=2))

    assert first[0].id == plans[1].id
    assert len(first) == 2 and len(second) == 2
    assert not {r.id for r in first} & {r.id for r in second}


def test_plan_version_rises_on_every_change_even_within_one_clock_tick(services, make_plan) -> None:
    plan = make_plan()

    first = services.items.add("goal", plan.id, plan.version, GoalData(text="Ett"))
    second = services.items.add("goal", plan.id, first.plan.version, GoalData(text="Två"))

    assert plan.version < first.plan.version < second.plan.version
    with pytest.raises(StaleEditError):
        services.items.add("goal", plan.id, first.plan.version, GoalData(text="Tre"))


def test_plan_service_search_ignores_case_in_every_script(services, make_plan) -> None:
    swedish = make_plan(first_name="Åsa", last_name="Öberg")
    serbian = make_plan(first_name="Ђорђе", last_name="Петровић")

    assert [r.id for r in services.plan_list.list_plans(PlanQuery(text="åsa öberg"))] == [
        swedish.id
    ]
    assert [r.id for r in services.plan_list.list_plans(PlanQuery(text="ПЕТРОВИЋ"))] == [serbian.id]
    assert services.plan_list.count_plans(PlanQuery(text="ÖBERG")) == 1
