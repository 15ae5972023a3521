"""Reading a whole plan with :func:`read_plan`, on both backends."""

from __future__ import annotations

from datetime import UTC

import pytest

from sip_desk.db.models import Plan
from sip_desk.db.plan_read import read_plan
from sip_desk.domain.enums import GoalOutcome, PrincipalType, RepresentativeKind, ReviewStatus
from sip_desk.domain.errors import NotFoundError
from sip_desk.services.registry import Services
from tests.pdf.rich_plan import ADDRESS, CYRILLIC, TIGRINYA_GOAL, enrich


def _read(services: Services, plan_id: int):
    with services.ctx.db.read() as s:
        return read_plan(s.connection(), plan_id)


def test_a_rich_plan_reads_back_as_it_was_entered(services: Services, make_plan) -> None:
    plan = enrich(services, make_plan.complete(first_name="Åsa", last_name="Öberg"))

    read = _read(services, plan.id)

    assert read == plan
    assert (read.person.first_name, read.person.address) == ("Åsa", ADDRESS)
    assert read.person.representatives[0].kind is RepresentativeKind.GOD_MAN
    region = next(p for p in read.participants if p.name == "Rut Region")
    assert (region.organisation, region.principal, region.unit) == (
        "Beroendemottagningen Testregion",
        PrincipalType.REGION,
        "Öppenvården",
    )
    assert any(p.name == CYRILLIC for p in read.participants)
    assert TIGRINYA_GOAL in [g.text for g in read.goals]
    treatment = next(a for a in read.actions if a.responsible_participant_id == region.id)
    assert treatment.responsible_name == "Rut Region"
    assert treatment.goal_ids == (read.goals[0].id,)
    assert treatment.need_id == read.needs[-1].id
    meeting = next(m for m in read.meetings if m.action_reviews)
    assert meeting.action_reviews[0].status is ReviewStatus.ONGOING
    assert meeting.goal_reviews[0].outcome is GoalOutcome.PARTLY
    assert meeting.starts_at.tzinfo is not None and read.created_at.tzinfo == UTC
    assert [v.number for v in read.versions] == [1]


def test_the_demo_cases_read_with_their_signed_versions(services: Services) -> None:
    services.demo.load_cases()  # signed versions, one revised after signing

    plans = [_read(services, p.id) for p in services.plan_list.list_plans()]

    signed = [v for p in plans for v in p.versions if v.signed_at is not None]
    assert signed and all(v.signed_at.tzinfo is not None for v in signed if v.signed_at)
    assert all(p.person.last_name for p in plans)


def test_a_session_read_sees_its_own_unflushed_change(services: Services, make_plan) -> None:
    plan = make_plan.complete()
    with services.ctx.db.write() as s:
        s.get_one(Plan, plan.id).reason = "Ändrad i samma transaktion"

        assert read_plan(s, plan.id).fields.reason == "Ändrad i samma transaktion"


def test_a_missing_plan_is_reported(services: Services) -> None:
    with pytest.raises(NotFoundError):
        _read(services, 12345)
