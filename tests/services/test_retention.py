"""Deleting a plan (gallring) also when it has signed versions; signed rows stay locked."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from sip_desk.db.models import PlanVersion, Signature
from sip_desk.domain.enums import AuditAction, VersionState
from sip_desk.domain.errors import DomainError, NotFoundError
from sip_desk.services.registry import Services
from tests.services.signing_helpers import person_signature


def _signed_plan(services: Services, make_plan):
    plan = make_plan.complete()
    today = services.ctx.clock.today()
    services.signing.sign_version(plan.id, plan.version, (person_signature(today),))
    return services.plans.get_plan(plan.id)


def test_delete_plan_removes_a_signed_plan_and_logs_it(services: Services, make_plan) -> None:
    plan = _signed_plan(services, make_plan)
    assert plan.versions[0].state is VersionState.SIGNED

    services.plans.delete_plan(plan.id)

    with pytest.raises(NotFoundError):
        services.plans.get_plan(plan.id)
    with services.ctx.db.read() as s:
        assert s.scalars(select(PlanVersion).where(PlanVersion.plan_id == plan.id)).all() == []
        assert s.scalars(select(Signature)).all() == []
    deleted = [e for e in services.audit.entries(plan_id=plan.id) if e.action is AuditAction.DELETE]
    assert [e.entity for e in deleted] == ["plan"]


def test_signed_version_row_cannot_be_changed_through_the_store(
    services: Services, make_plan
) -> None:
    plan = _signed_plan(services, make_plan)

    with pytest.raises(DomainError) as info, services.ctx.db.write() as s:
        s.execute(update(PlanVersion).where(PlanVersion.plan_id == plan.id).values(snapshot="{}"))

    assert info.value.code == "error.signed_locked"
    assert "kan inte ändras" in info.value.message("sv")


def test_signing_a_draft_plan_makes_it_active_and_raises_its_version(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    assert plan.status.value == "draft"

    signed = services.signing.sign_version(
        plan.id, plan.version, (person_signature(services.ctx.clock.today()),)
    )

    assert signed.status.value == "active"
    assert signed.version > plan.version
