"""The worklist's range (7 / 30 / 90 days, all, or dates) and its part-of-a-name person filters,
on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from sip_desk.domain.worklist import Urgency, WorklistFilter, WorklistKind
from tests.services.follow_up_builders import FollowUpPlans


@pytest.fixture
def plans(services, make_plan) -> FollowUpPlans:
    return FollowUpPlans(services, make_plan)


@pytest.fixture
def spread(plans: FollowUpPlans) -> FollowUpPlans:
    """Actions due 10 days ago, today, in 5, 40 and 200 days; the builder's plan has its
    follow-up meeting booked 8 weeks out (day 56), an action ending on day 90 and a consent
    ending on day 365."""
    plan = plans.active(first_name="Alva")
    for days in (-10, 0, 5, 40, 200):
        plan = plans.action(plan, days, f"Dag {days}")
    return plans


def _titles(services, **changes) -> list[str]:
    query = dataclasses.replace(WorklistFilter(limit=None), **changes)
    return [i.title or i.kind.value for i in services.follow_ups.worklist(query)]


def test_thirty_days_leave_out_the_follow_up_eight_weeks_out_and_ninety_show_it(
    services, spread
) -> None:
    assert _titles(services) == ["Dag -10", "Dag 0", "Dag 5"]
    ninety = _titles(services, due_within_days=90)
    assert ninety[3:] == ["Dag 40", "Socialtjänsten, Storgatan 1", "Boendestöd två gånger i veckan"]
    counts = services.follow_ups.counts(WorklistFilter(due_within_days=90))
    assert (counts.overdue, counts.today, counts.this_week, counts.within_30_days) == (1, 1, 1, 3)


def test_all_has_no_end(services, spread) -> None:
    assert _titles(services, due_within_days=None)[-2:] == ["Dag 200", "Socialtjänsten Testkommun"]
    assert services.follow_ups.counts(WorklistFilter(due_within_days=None)).total == 8


def test_a_date_range_shows_only_rows_due_in_it(services, spread, plans) -> None:
    today = plans.today

    titles = _titles(
        services,
        due_within_days=None,
        first_day=today + timedelta(days=1),
        last_day=today + timedelta(days=56),
    )
    counts = services.follow_ups.counts(
        WorklistFilter(due_within_days=None, first_day=today, last_day=today + timedelta(days=5))
    )

    assert titles == ["Dag 5", "Dag 40", "Socialtjänsten, Storgatan 1"]
    assert (counts.overdue, counts.today, counts.this_week) == (0, 1, 1)


def test_person_filters_match_part_of_a_name_in_any_case(services, plans) -> None:
    bo = plans.participant(plans.active(first_name="Bo"), "Ulla Öhman", "Psykiatrin")
    ulla = next(p.id for p in bo.participants if p.name == "Ulla Öhman")
    bo = plans.coordinator(plans.action(bo, 2, "Bos insats", responsible=ulla), ulla)
    plans.action(plans.active(first_name="Cia"), 3, "Cias insats")
    actions = frozenset({WorklistKind.ACTION})

    assert _titles(services, kinds=actions, responsible="öhm") == ["Bos insats"]
    assert _titles(services, kinds=actions, responsible="ULLA") == ["Bos insats"]
    assert _titles(services, kinds=actions, coordinator="öhman") == ["Bos insats"]
    assert _titles(services, kinds=actions, coordinator="handl") == ["Cias insats"]
    assert (
        services.follow_ups.counts(WorklistFilter(kinds=actions, responsible="lla ö")).of(
            Urgency.THIS_WEEK
        )
        == 1
    )
