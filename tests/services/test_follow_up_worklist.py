from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest

from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.errors import ValidationErrors
from sip_desk.domain.worklist import (
    Urgency,
    WarningKind,
    WorklistCounts,
    WorklistFilter,
    WorklistKind,
)
from tests.services.follow_up_builders import FollowUpPlans


@pytest.fixture
def plans(services, make_plan) -> FollowUpPlans:
    return FollowUpPlans(services, make_plan)


def _actions_only() -> WorklistFilter:
    return WorklistFilter(kinds=frozenset({WorklistKind.ACTION}))


def test_follow_up_service_sorts_actions_by_urgency_with_buckets(services, plans) -> None:
    plan = plans.active()
    for days, text in ((20, "Om tre veckor"), (-2, "Försenad"), (0, "I dag"), (3, "Snart")):
        plan = plans.action(plan, days, text)
    plans.action(plan, 45, "Utanför fönstret")

    items = services.follow_ups.worklist(_actions_only())

    assert [i.title for i in items] == ["Försenad", "I dag", "Snart", "Om tre veckor"]
    assert [i.urgency for i in items] == [
        Urgency.OVERDUE,
        Urgency.TODAY,
        Urgency.THIS_WEEK,
        Urgency.WITHIN_30_DAYS,
    ]
    assert items[0].responsible == "Kim Handläggare"
    assert items[0].coordinator == "Kim Handläggare"
    assert services.follow_ups.counts(_actions_only()) == WorklistCounts(
        overdue=1, today=1, this_week=1, within_30_days=1
    )


def test_follow_up_service_lists_booked_meeting_and_overdue_meeting(services, plans, clock):
    plan = plans.meeting(plans.active(), 10, place="Vårdcentralen Norr")
    meetings = frozenset({WorklistKind.FOLLOW_UP_MEETING})

    soon = services.follow_ups.worklist(WorklistFilter(kinds=meetings))
    clock.set(clock.current + timedelta(days=12))
    later = services.follow_ups.worklist(WorklistFilter(kinds=meetings))

    assert [(i.title, i.urgency) for i in soon] == [("Vårdcentralen Norr", Urgency.WITHIN_30_DAYS)]
    assert soon[0].item_id == next(m.id for m in plan.meetings if m.place == "Vårdcentralen Norr")
    assert [i.urgency for i in later][:1] == [Urgency.OVERDUE]


def test_follow_up_service_warns_about_consents(services, plans) -> None:
    plan = plans.consent(plans.active(), until_days=10)
    plans.consent(plan, until_days=300, revoked_days=-1)
    warnings = WorklistFilter(kinds=frozenset({WorklistKind.WARNING}))

    items = services.follow_ups.worklist(warnings)

    kinds = {(i.warning, i.urgency) for i in items}
    assert (WarningKind.CONSENT_REVOKED, Urgency.OVERDUE) in kinds
    assert (WarningKind.CONSENT_EXPIRING, Urgency.WITHIN_30_DAYS) in kinds
    assert all(i.organisation == "Beroendemottagningen" for i in items)


def test_follow_up_service_warns_about_active_plan_without_follow_up(services, plans) -> None:
    plan = plans.active()
    meeting = plan.meetings[0]
    services.meetings.remove_meeting(plan.id, plan.version, meeting.id)

    items = services.follow_ups.worklist(WorklistFilter(kinds=frozenset({WorklistKind.WARNING})))

    assert [(i.warning, i.plan_id, i.urgency) for i in items] == [
        (WarningKind.NO_FOLLOW_UP, plan.id, Urgency.TODAY)
    ]


def test_follow_up_service_warns_when_first_meeting_is_late(services, make_plan, clock) -> None:
    plan = make_plan()
    requested = clock.today() - timedelta(days=20)
    fields = dataclasses.replace(plan.fields, requested_on=requested, requested_by="Anna")
    services.plans.update_fields(plan.id, plan.version, fields)

    items = services.follow_ups.worklist()
    services.follow_ups.set_first_meeting_days(30)
    relaxed = services.follow_ups.worklist()

    assert [(i.warning, i.due, i.urgency) for i in items] == [
        (WarningKind.NO_FIRST_MEETING, requested + timedelta(days=15), Urgency.OVERDUE)
    ]
    assert [(i.due, i.urgency) for i in relaxed] == [
        (requested + timedelta(days=30), Urgency.WITHIN_30_DAYS)
    ]


def test_follow_up_service_refuses_unreasonable_first_meeting_limit(services) -> None:
    with pytest.raises(ValidationErrors) as info:
        services.follow_ups.set_first_meeting_days(0)

    assert "mellan 1 och 365" in info.value.message("sv")
    assert services.follow_ups.first_meeting_days() == 15


def test_follow_up_service_filters_by_coordinator_responsible_and_organisation(
    services, plans
) -> None:
    first = plans.action(plans.active(first_name="Alva"), 5, "Kommunens insats")
    second = plans.participant(plans.active(first_name="Bo"), "Ulla Läkare", "Psykiatrin")
    ulla = next(p.id for p in second.participants if p.name == "Ulla Läkare")
    second = plans.coordinator(second, ulla)
    plans.action(second, 6, "Regionens insats", responsible=ulla, organisation="Psykiatrin")

    def titles(**kw: Any) -> list[str]:
        query = dataclasses.replace(_actions_only(), **kw)
        return [i.title for i in services.follow_ups.worklist(query)]

    assert titles() == ["Kommunens insats", "Regionens insats"]
    assert titles(coordinator="Ulla Läkare") == ["Regionens insats"]
    assert titles(responsible="Kim Handläggare") == ["Kommunens insats"]
    assert titles(organisation="Psykiatrin") == ["Regionens insats"]
    assert titles(lead_principal=PrincipalType.REGION) == []
    assert titles(plan_status=PlanStatus.DRAFT) == []
    assert first.id != second.id


def test_follow_up_service_leaves_out_closed_plans(services, plans) -> None:
    plan = plans.action(plans.active(), 2, "Stängd plans insats")
    services.plans.close(plan.id, plan.version, "Målen är nådda")

    assert services.follow_ups.worklist(_actions_only()) == []
    assert services.follow_ups.counts(_actions_only()).total == 0


def test_follow_up_service_pages_match_the_whole_list(services, plans) -> None:
    plan = plans.active()
    for days in (4, -3, 9, 1, -1, 15, 2):
        plan = plans.action(plan, days, f"Dag {days}")
    plans.meeting(plan, 3)
    whole = services.follow_ups.worklist(WorklistFilter(limit=None))

    pages = [
        services.follow_ups.worklist(WorklistFilter(offset=offset, limit=3))
        for offset in range(0, len(whole), 3)
    ]

    assert [i.key for page in pages for i in page] == [i.key for i in whole]
    assert [i.due for i in whole] == sorted(i.due for i in whole)


def test_follow_up_service_overdue_only_and_window(services, plans) -> None:
    plan = plans.active()
    for days in (-5, 1, 6, 25):
        plan = plans.action(plan, days, f"Dag {days}")

    overdue = services.follow_ups.worklist(dataclasses.replace(_actions_only(), overdue_only=True))
    week = services.follow_ups.worklist(dataclasses.replace(_actions_only(), due_within_days=7))

    assert [i.title for i in overdue] == ["Dag -5"]
    assert [i.title for i in week] == ["Dag -5", "Dag 1", "Dag 6"]


def test_follow_up_service_caseload_per_coordinator(services, plans) -> None:
    plan = plans.action(plans.active(), -3, "Försenad")
    plans.meeting(plan, 12)
    plans.active(first_name="Greta")

    rows = services.follow_ups.caseload()

    assert [
        (r.coordinator, r.active_plans, r.follow_ups_next_30_days, r.overdue_actions) for r in rows
    ] == [("Kim Handläggare", 2, 1, 1)]


def test_follow_up_service_reminder_counts_due_within_a_week(services, plans) -> None:
    plan = plans.active()
    for days in (-1, 0, 5, 20):
        plan = plans.action(plan, days)

    counts = services.follow_ups.reminder()

    assert (counts.overdue, counts.today, counts.this_week, counts.within_30_days) == (1, 1, 1, 0)


def test_follow_up_service_capped_counts_stop_at_the_cap(services, plans) -> None:
    plan = plans.active()
    for days in (-3, -2, -1, 0):
        plan = plans.action(plan, days)

    counts = services.follow_ups.counts(_actions_only(), cap=2)

    assert (counts.overdue, counts.today) == (2, 1)
    assert counts.capped == frozenset({Urgency.OVERDUE})
    assert services.follow_ups.counts(_actions_only()).overdue == 3


def test_follow_up_service_pages_from_a_due_day_match_the_whole_list(services, plans) -> None:
    # Given same-day actions, a meeting and a plan without a booked follow-up (due today)
    plan = plans.active()
    for days in (-2, -2, -2, 0, 0, 3, 3, 3, 3):
        plan = plans.action(plan, days)
    plans.meeting(plan, 3)
    bare = plans.active(first_name="Greta")
    services.meetings.remove_meeting(bare.id, bare.version, bare.meetings[0].id)
    whole = services.follow_ups.worklist(WorklistFilter(limit=None))

    # When paged the way the table does: from the last row's day, skipping that day's rows seen
    seen = services.follow_ups.worklist(WorklistFilter(limit=2))
    while page := services.follow_ups.worklist(
        WorklistFilter(
            limit=2,
            from_due=seen[-1].due,
            offset=sum(1 for i in seen if i.due == seen[-1].due),
        )
    ):
        seen += page

    # Then nothing is lost or repeated, the warning due today included
    assert [i.key for i in seen] == [i.key for i in whole]
    assert WarningKind.NO_FOLLOW_UP in {i.warning for i in seen}
