"""A draft nobody has met about yet, with no request date (and often no coordinator), is on the
worklist, due today; once a meeting is booked, or the plan is closed, it leaves it. SQLite and
PostgreSQL."""

from __future__ import annotations

from sip_desk.domain.person import PersonData
from sip_desk.domain.worklist import Urgency, WarningKind, WorklistFilter
from tests.services.follow_up_builders import FollowUpPlans


def _warnings(services) -> list[tuple[str, WarningKind | None, Urgency]]:
    items = services.follow_ups.worklist(WorklistFilter(limit=None))
    return [(i.person_name, i.warning, i.urgency) for i in items if i.warning is not None]


def test_a_new_draft_needs_a_first_meeting_today_until_one_is_booked(services, make_plan) -> None:
    plans = FollowUpPlans(services, make_plan)
    draft = services.plans.create_plan(PersonData(first_name="Nora", last_name="Ny"))
    maja = plans.participant(make_plan(first_name="Maja", last_name="Mött"), "Kim", "Soc")
    started = plans.meeting(maja, 3)

    assert _warnings(services) == [("Nora Ny", WarningKind.NO_FIRST_MEETING, Urgency.TODAY)]
    assert services.follow_ups.counts(WorklistFilter()).today == 1
    assert services.follow_ups.reminder().today == 1
    assert started.person.full_name == "Maja Mött"  # met (booked): no warning

    nora = plans.participant(services.plans.get_plan(draft.id), "Kim", "Soc")
    assert _warnings(services)[0][1] is WarningKind.NO_FIRST_MEETING  # a participant is no meeting
    plans.meeting(nora, 2)

    assert _warnings(services) == []
    assert services.follow_ups.counts(WorklistFilter()).today == 0
