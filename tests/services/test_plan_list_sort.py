"""The plan list sorted by a column and paged by key, and searched by the people on a plan.

Runs on SQLite and PostgreSQL (the ``services`` fixture does both).
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.participant import ParticipantData
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.plan_list import PlanPageQuery, PlanSort
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder


def _add_person(services: Services, plan: PlanDetail, name: str) -> tuple[PlanDetail, int]:
    saved = services.items.add(
        "participant",
        plan.id,
        plan.version,
        ParticipantData(
            name=name, organisation="Vårdcentralen Norr", principal=PrincipalType.REGION
        ),
    )
    assert saved.item_id is not None
    return saved.plan, saved.item_id


def _with_coordinator(services: Services, plan: PlanDetail, name: str) -> PlanDetail:
    plan, person = _add_person(services, plan, name)
    fields = dataclasses.replace(plan.fields, coordinator_participant_id=person)
    return services.plans.update_fields(plan.id, plan.version, fields).plan


def _walk(services: Services, query: PlanPageQuery) -> list[int]:
    """Every plan id, page by page, each page read after the last row of the one before."""
    ids: list[int] = []
    page = services.plan_list.plan_page(query)
    while page.rows:
        ids += [p.id for p in page.rows]
        page = services.plan_list.plan_page(dataclasses.replace(query, after=page.cursors[-1]))
    return ids


def _walk_back(services: Services, query: PlanPageQuery) -> list[int]:
    """The same from the end (Ctrl+End), each page read before the first row of the last."""
    back = dataclasses.replace(query, backwards=True)
    ids: list[int] = []
    page = services.plan_list.plan_page(back)
    while page.rows:
        ids = [p.id for p in page.rows] + ids
        page = services.plan_list.plan_page(dataclasses.replace(back, after=page.cursors[0]))
    return ids


@pytest.fixture
def store(services: Services, make_plan: PlanBuilder) -> dict[str, int]:
    """Seven plans: two people with the same name (a tie), one without identity number, two
    plans without coordinator (NULLs), and two coordinators with the same name."""
    plans = {
        "anna1": make_plan(first_name="Anna", last_name="Berg"),
        "anna2": make_plan(first_name="Anna", last_name="Berg"),
        "bo": make_plan(first_name="Bo", last_name="Ek"),
        "cecilia": make_plan(first_name="Cecilia", last_name="Al", identity_number=None),
        "dan": make_plan(first_name="Dan", last_name="Berg"),
        "eva": make_plan(first_name="Eva", last_name="Lind"),
        "fia": make_plan(first_name="Fia", last_name="Ek"),
    }
    for key, coordinator in (("anna1", "Sara Ström"), ("bo", "Linnea Ahl"),
                             ("cecilia", "Sara Ström"), ("eva", "Adam Ek")):  # fmt: skip
        _with_coordinator(services, plans[key], coordinator)
    return {key: plan.id for key, plan in plans.items()}


@pytest.mark.parametrize("descending", [False, True])
def test_sorting_by_person_pages_through_ties_once_each(services, store, descending) -> None:
    query = PlanPageQuery(sort=PlanSort.PERSON, descending=descending, limit=2)

    ids = _walk(services, query)

    every = services.plan_list.plan_page(dataclasses.replace(query, limit=50)).rows
    names = {p.id: p.person_name for p in every}
    assert sorted(ids) == sorted(store.values())
    expected = sorted(store.values(), key=lambda i: (names[i], i), reverse=descending)
    assert [names[i] for i in ids] == [names[i] for i in expected]
    # The two "Anna Berg" plans (a tie in the sort key) stand side by side, each once.
    first = ids.index(store["anna1"])
    assert abs(first - ids.index(store["anna2"])) == 1
    assert _walk_back(services, query) == ids


@pytest.mark.parametrize("descending", [False, True])
def test_plans_without_a_coordinator_come_last_either_way(services, store, descending) -> None:
    query = PlanPageQuery(sort=PlanSort.COORDINATOR, descending=descending, limit=2)

    ids = _walk(services, query)

    every = services.plan_list.plan_page(dataclasses.replace(query, limit=50)).rows
    rows = {p.id: p for p in every}
    shown = [rows[i].coordinator_name for i in ids]
    named = [n for n in shown if n]
    assert named == sorted(named, reverse=descending)
    assert named[0] == ("Sara Ström" if descending else "Adam Ek")
    assert shown[len(named) :] == ["", "", ""]  # no coordinator: after every named one
    assert sorted(ids) == sorted(store.values())
    assert _walk_back(services, query) == ids


def test_plans_without_identity_number_come_last(services, store) -> None:
    ids = _walk(services, PlanPageQuery(sort=PlanSort.IDENTITY, descending=False, limit=3))

    assert ids[-1] == store["cecilia"]
    assert len(ids) == len(store)


def test_every_sort_reads_each_plan_once_forward_and_back(services, store, make_plan) -> None:
    make_plan.complete(first_name="Gun", last_name="Holm")  # lead organisation, follow-up
    for sort in PlanSort:
        for descending in (False, True):
            query = PlanPageQuery(sort=sort, descending=descending, limit=3)
            ids = _walk(services, query)
            assert len(ids) == len(set(ids)) == len(store) + 1, (sort, descending)
            assert _walk_back(services, query) == ids, (sort, descending)


def test_search_finds_the_coordinator_and_the_responsible_person(
    services, store, make_plan
) -> None:
    plan = make_plan(first_name="Hugo", last_name="Sten")
    plan, person = _add_person(services, plan, "Linnea Responsibla")
    services.items.add(
        "action", plan.id, plan.version,
        ActionData(description="Stöd", responsible_participant_id=person,
                   end_date=services.ctx.clock.today() + timedelta(days=9)),
    )  # fmt: skip
    bystander = make_plan(first_name="Ivar", last_name="Ås")
    _add_person(services, bystander, "Linnea Bredvid")  # takes part, but neither role

    found = services.plan_list.plan_page(PlanPageQuery(text="linnea"))

    assert {p.id for p in found.rows} == {store["bo"], plan.id}
    assert services.plan_list.count_plans(PlanPageQuery(text="LINNEA")) == 2
    by_name = PlanPageQuery(text="Ström", sort=PlanSort.PERSON, descending=False)
    assert [p.id for p in services.plan_list.plan_page(by_name).rows] == [
        store["anna1"],
        store["cecilia"],
    ]


def test_search_with_nothing_matching_gives_an_empty_page(services, store) -> None:
    query = PlanPageQuery(text="Zlatan")

    assert services.plan_list.plan_page(query).rows == []
    assert services.plan_list.count_plans(query) == 0
