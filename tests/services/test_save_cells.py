"""One autosaved field: one short write with the version check and its audit row, no read-back.

What the caller gets back (:class:`Written`) applied to the plan it holds must equal the plan as
stored, so the editor can update itself without reading the plan again.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from sip_desk.domain.enums import ActionStatus, AuditAction, VersionState
from sip_desk.domain.errors import DomainError, NotFoundError, StaleEditError, ValidationErrors
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.services.unit_of_work import touched
from tests.services.test_signing import _sign


def _fields(plan: PlanDetail, **values: Any) -> PlanDetail:
    return dataclasses.replace(plan, fields=dataclasses.replace(plan.fields, **values))


def test_a_saved_plan_field_is_stored_logged_and_matches_what_the_caller_applies(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()

    written = services.plans.save_field(plan, "reason", "Behöver stöd i skolan")

    stored = services.plans.get_plan(plan.id)
    assert touched(_fields(plan, **written.values), written) == stored
    assert stored.version == plan.version + 1
    (entry,) = [e for e in services.audit.entries(plan_id=plan.id) if e.field == "reason"]
    assert (entry.action, entry.old, entry.new) == (
        AuditAction.UPDATE,
        plan.fields.reason,
        "Behöver stöd i skolan",
    )


def test_a_field_saved_on_an_old_version_is_refused_and_nothing_is_written(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    services.plans.save_field(plan, "strengths", "Envis")

    with pytest.raises(StaleEditError):
        services.plans.save_field(plan, "strengths", "Glad")

    assert services.plans.get_plan(plan.id).fields.strengths == "Envis"
    assert [e.new for e in services.audit.entries(plan_id=plan.id) if e.field == "strengths"] == [
        "Envis"
    ]


def test_a_field_of_a_closed_plan_or_a_missing_plan_is_refused(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    closed = services.plans.close(plan.id, plan.version, "Flyttat").plan

    with pytest.raises(DomainError) as info:
        services.plans.save_field(closed, "strengths", "Envis")
    assert info.value.code == "error.plan_closed"
    services.plans.delete_plan(plan.id)
    with pytest.raises(NotFoundError):
        services.plans.save_field(closed, "strengths", "Envis")


def test_a_bad_value_is_refused_before_anything_is_written(services: Services, make_plan) -> None:
    plan = make_plan.complete()

    with pytest.raises(ValidationErrors):
        services.plans.save_field(plan, "strengths", "x" * 100_000)

    assert services.plans.get_plan(plan.id).version == plan.version


def test_the_first_field_saved_after_signing_starts_a_new_draft_version(
    services: Services, make_plan
) -> None:
    plan = _sign(services, make_plan.complete())
    assert plan.versions[-1].state is VersionState.SIGNED

    written = services.plans.save_field(plan, "strengths", "Envis")
    again = services.plans.save_field(
        touched(_fields(plan, strengths="Envis"), written), "strengths", "Envis och glad"
    )

    stored = services.plans.get_plan(plan.id)
    assert written.new_version is not None and again.new_version is None
    assert [(v.number, v.state) for v in stored.versions] == [
        (1, VersionState.SIGNED),
        (2, VersionState.DRAFT),
    ]
    assert touched(_fields(plan, strengths="Envis"), written).versions == stored.versions


def test_a_person_field_is_stored_as_the_whole_person_save_stores_it(
    services: Services, make_plan
) -> None:
    plan, twin = make_plan.complete(), make_plan.complete()
    typed = "  anna@example.se "

    written = services.plans.save_person_field(plan, "email", typed)
    names = [f.name for f in dataclasses.fields(PersonData)]
    whole = PersonData(**{n: getattr(twin.person, n) for n in names})
    services.plans.update_person(twin.id, twin.version, dataclasses.replace(whole, email=typed))

    stored = services.plans.get_plan(plan.id)
    person = dataclasses.replace(plan.person, **written.values)
    assert touched(dataclasses.replace(plan, person=person), written) == stored
    assert stored.person.email == services.plans.get_plan(twin.id).person.email


def test_an_item_cell_is_saved_and_a_row_of_another_plan_is_not_found(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    other = make_plan.complete()
    action = plan.actions[0]

    written = services.items.save_cells(
        plan, "action", action.id, {"status": ActionStatus.DONE, "description": " Boendestöd "}
    )

    stored = services.plans.get_plan(plan.id)
    assert stored.actions[0].status is ActionStatus.DONE
    assert stored.actions[0].description == "Boendestöd"
    rows = tuple(
        dataclasses.replace(a, **written.values) if a.id == action.id else a for a in plan.actions
    )
    assert touched(dataclasses.replace(plan, actions=rows), written) == stored
    with pytest.raises(NotFoundError):
        services.items.save_cells(plan, "action", other.actions[0].id, {"description": "x"})
