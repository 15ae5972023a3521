"""Retention (gallring): which closed plans are due for deletion, and deleting them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from sip_desk.db.models import AuditEntry, Person
from sip_desk.domain.access import AccessKind, AccessQuery
from sip_desk.domain.enums import AuditAction, MeetingKind
from sip_desk.domain.errors import DomainError, NotFoundError, ValidationError
from sip_desk.domain.follow_up import MeetingData
from sip_desk.services.registry import Services
from tests.conftest import FIXED_NOW, MutableClock

YEAR = timedelta(days=365)


def _closed(services: Services, make_plan, **person):
    plan = make_plan(**person)
    return services.plans.close(plan.id, plan.version, "Målen är nådda").plan


def _due_ids(services: Services) -> list[int]:
    return [d.plan_id for d in services.plans.due_for_deletion()]


def test_only_plans_closed_five_years_ago_are_due_never_open_or_recent_ones(
    services: Services, make_plan, clock: MutableClock
) -> None:
    old = _closed(services, make_plan, first_name="Gammal", last_name="Avslutad")
    open_plan = make_plan(first_name="Öppen", last_name="Plan")
    clock.set(FIXED_NOW + 2 * YEAR)
    recent = _closed(services, make_plan, first_name="Nyss", last_name="Avslutad")
    clock.set(FIXED_NOW + 4 * YEAR)
    assert _due_ids(services) == []

    clock.set(FIXED_NOW + 6 * YEAR)

    due = services.plans.due_for_deletion()
    assert [d.plan_id for d in due] == [old.id]
    assert due[0].person_name == "Gammal Avslutad"
    assert due[0].last_entry == FIXED_NOW.date()
    assert due[0].due_on == FIXED_NOW.date().replace(year=FIXED_NOW.year + 5)
    assert open_plan.id not in _due_ids(services) and recent.id not in _due_ids(services)
    clock.set(FIXED_NOW + 8 * YEAR)
    assert _due_ids(services) == [old.id, recent.id]


def test_a_meeting_later_than_the_closing_moves_the_due_date(
    services: Services, make_plan, clock: MutableClock
) -> None:
    plan = make_plan()
    later = FIXED_NOW + YEAR  # booked before the plan was closed, a year ahead
    saved = services.meetings.add_meeting(
        plan.id, plan.version, MeetingData(kind=MeetingKind.FOLLOW_UP, starts_at=later)
    )
    services.plans.close(plan.id, saved.plan.version, "Flyttat")
    clock.set(FIXED_NOW + 5 * YEAR + timedelta(days=30))
    assert _due_ids(services) == []
    clock.set(FIXED_NOW + 6 * YEAR + timedelta(days=2))
    assert _due_ids(services) == [plan.id]


def test_the_retention_period_is_a_setting(
    services: Services, make_plan, clock: MutableClock
) -> None:
    plan = _closed(services, make_plan)
    clock.set(FIXED_NOW + 3 * YEAR)
    assert services.plans.retention_years() == 5
    services.plans.set_retention_years(2)
    assert services.plans.retention_years() == 2
    assert _due_ids(services) == [plan.id]
    with pytest.raises(ValidationError) as info:
        services.plans.set_retention_years(0)
    assert "från 1 till 100" in info.value.message("sv")
    assert "from 1 to 100" in info.value.message("en")


def test_deleting_due_plans_removes_plan_and_person_and_logs_no_personal_data(
    services: Services, make_plan, clock: MutableClock
) -> None:
    plan = _closed(services, make_plan, first_name="Gunnel", last_name="Gallrasson")
    identity = services.plans.get_plan(plan.id).person.identity_number
    clock.set(FIXED_NOW + 6 * YEAR)

    assert services.plans.delete_due([plan.id]) == 1

    with pytest.raises(NotFoundError):
        services.plans.get_plan(plan.id)
    assert _due_ids(services) == []
    with services.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE)).all()
    assert [(r.plan_id, r.entity, r.entity_id, r.field) for r in rows] == [
        (plan.id, "plan", plan.id, "retention")
    ]
    assert rows[0].old == FIXED_NOW.date().isoformat()
    assert rows[0].person_id is None
    assert rows[0].at == FIXED_NOW + 6 * YEAR
    row_text = " ".join(str(v) for v in vars(rows[0]).values())
    for secret in ("Gunnel", "Gallrasson", identity or "19"):
        assert secret not in row_text


def test_a_plan_not_due_is_refused_and_nothing_is_deleted(
    services: Services, make_plan, clock: MutableClock
) -> None:
    due = _closed(services, make_plan)
    open_plan = make_plan()
    clock.set(FIXED_NOW + 6 * YEAR)

    with pytest.raises(DomainError) as info:
        services.plans.delete_due([due.id, open_plan.id])

    assert info.value.code == "retention.not_due"
    assert f"Plan {open_plan.id} ska inte gallras" in info.value.message("sv")
    assert _due_ids(services) == [due.id]
    assert services.plans.get_plan(open_plan.id).id == open_plan.id


def test_a_person_with_another_plan_stays_when_one_plan_is_deleted(
    services: Services, make_plan, clock: MutableClock
) -> None:
    plan = _closed(services, make_plan)
    person = services.plans.get_plan(plan.id).person
    other = services.plans.create_plan_for_person(person.id)
    clock.set(FIXED_NOW + 6 * YEAR)

    services.plans.delete_due([plan.id])

    assert services.plans.get_plan(other.id).person.identity_number == person.identity_number


def test_showing_the_due_list_is_logged_as_a_read_of_those_plans(
    services: Services, make_plan, clock: MutableClock
) -> None:
    plan = _closed(services, make_plan)
    clock.set(FIXED_NOW + 6 * YEAR)

    services.plans.due_for_deletion()

    reads = services.audit.review_access(AccessQuery())
    shown = [(r.kind, r.plan_id, r.detail) for r in reads if r.detail == "retention"]
    assert shown == [(AccessKind.LIST, plan.id, "retention")]
