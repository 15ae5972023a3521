from __future__ import annotations

import dataclasses
from datetime import timedelta

from sip_desk.domain.completeness import check_completeness
from sip_desk.domain.enums import MeetingStatus
from tests.conftest import FIXED_NOW


def _codes(plan, now=FIXED_NOW) -> list[str]:
    return [m.code for m in check_completeness(plan, now)]


def test_completeness_of_a_bare_plan_lists_everything_in_meeting_order(sqlite_services) -> None:
    from tests.builders import PlanBuilder

    plan = PlanBuilder(sqlite_services)()

    assert _codes(plan) == [
        "completeness.participation",
        "completeness.plan_consent",
        "completeness.goal",
        "completeness.actions",
        "completeness.lead_principal",
        "completeness.coordinator",
        "completeness.follow_up",
    ]


def test_completeness_flags_action_without_responsible_and_expired_consent(sqlite_services) -> None:
    from tests.builders import PlanBuilder

    plan = PlanBuilder(sqlite_services).complete()
    action = dataclasses.replace(plan.actions[0], responsible_participant_id=None, organisation="")
    consent = dataclasses.replace(
        plan.consents[0], valid_until=FIXED_NOW.date() - timedelta(days=1)
    )
    broken = dataclasses.replace(plan, actions=(action,), consents=(consent,))

    missing = check_completeness(broken, FIXED_NOW)

    assert [m.code for m in missing] == [
        "completeness.information_consent",
        "completeness.action_organisation",
        "completeness.action_responsible",
        # the only action names neither organisation nor person: nobody answers for it
        "completeness.principal_effort",
    ]
    assert missing[0].message("sv").endswith("Socialtjänsten Testkommun.")
    assert missing[2].entity_id == action.id
    assert missing[2].anchor == "actions.responsible_participant_id"


def test_completeness_needs_a_follow_up_in_the_future(sqlite_services) -> None:
    from tests.builders import PlanBuilder

    plan = PlanBuilder(sqlite_services).complete()
    later = plan.meetings[0].starts_at + timedelta(minutes=1)
    cancelled = dataclasses.replace(
        plan, meetings=(dataclasses.replace(plan.meetings[0], status=MeetingStatus.CANCELLED),)
    )

    assert _codes(plan) == []
    assert _codes(plan, later) == ["completeness.follow_up"]
    assert _codes(cancelled) == ["completeness.follow_up"]
