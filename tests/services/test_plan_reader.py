"""The fast SQL read path gives exactly what the ORM mapping gives, on both backends."""

from __future__ import annotations

import pytest

from sip_desk.db.repositories import load_plan
from sip_desk.domain.errors import NotFoundError
from sip_desk.services.mappers import plan_detail
from sip_desk.services.plan_reader import read_plan
from sip_desk.services.registry import Services
from tests.pdf.rich_plan import enrich


def _orm(services: Services, plan_id: int):
    with services.ctx.db.read() as s:
        return plan_detail(load_plan(s, plan_id))


def _sql(services: Services, plan_id: int):
    with services.ctx.db.read() as s:
        return read_plan(s.connection(), plan_id)


def test_plan_reader_matches_the_orm_for_a_rich_plan(services: Services, make_plan) -> None:
    plan = enrich(services, make_plan.complete(first_name="Åsa", last_name="Öberg"))

    assert _sql(services, plan.id) == _orm(services, plan.id)


def test_plan_reader_matches_the_orm_for_the_demo_cases(services: Services) -> None:
    services.demo.load_cases()  # signed versions, one revised after signing
    assert any(
        v.signed_at for p in services.plans.list_plans() for v in _sql(services, p.id).versions
    )

    for summary in services.plans.list_plans():
        assert _sql(services, summary.id) == _orm(services, summary.id)


def test_plan_reader_reports_a_missing_plan(services: Services) -> None:
    with pytest.raises(NotFoundError):
        _sql(services, 12345)
