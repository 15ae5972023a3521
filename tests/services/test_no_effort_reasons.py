"""Why a principal taking part has no effort: one write per edit, read back, signed, exported."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sip_desk.domain.changes import summarise
from sip_desk.domain.enums import PrincipalType, VersionState
from sip_desk.domain.errors import StaleEditError, ValidationErrors
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.snapshot import canonical_snapshot
from sip_desk.services.registry import Services
from tests.services.test_signing import _sign

REGION = PrincipalType.REGION
CLINIC = "Region Skåne"
WHY = "Behandlingen på beroendemottagningen är avslutad; ingen ny insats behövs nu."


def _with_region(services: Services, make_plan: Any) -> PlanDetail:
    """A complete plan (the kommun has an effort) where the region takes part without one."""
    plan = make_plan.complete()
    bo = ParticipantData(
        name="Bo Läkare", organisation=CLINIC, principal=REGION, unit="Beroendemottagningen"
    )
    plan = services.items.add("participant", plan.id, plan.version, bo).plan
    consent = InformationConsentData(
        organisation=CLINIC, principal=REGION, valid_from=services.clock.today()
    )
    return services.items.add("consent", plan.id, plan.version, consent).plan


def _codes(services: Services, plan_id: int) -> list[str]:
    return [m.code for m in services.plans.check(plan_id)]


def test_a_reason_is_stored_read_back_logged_and_completes_the_plan(
    services: Services, make_plan
) -> None:
    plan = _with_region(services, make_plan)
    assert _codes(services, plan.id) == ["completeness.principal_effort"]

    held = services.no_effort_reasons.save(plan, REGION, CLINIC, f"  {WHY} ").plan

    stored = services.plans.get_plan(plan.id)
    assert held.version == plan.version + 1 == stored.version
    assert held.no_effort_reasons == stored.no_effort_reasons
    [reason] = stored.no_effort_reasons
    assert (reason.organisation, reason.principal, reason.reason) == (CLINIC, REGION, WHY)
    assert reason.recorded_by == services.ctx.user.user
    assert _codes(services, plan.id) == []
    logged = services.audit.entries(plan_id=plan.id)[-1]
    assert (logged.entity, logged.field, logged.new) == ("no_effort_reason", CLINIC, WHY)


def test_a_reason_is_changed_and_removed_and_a_stale_edit_is_refused(
    services: Services, make_plan
) -> None:
    plan = _with_region(services, make_plan)
    first = services.no_effort_reasons.save(plan, REGION, CLINIC, "Inget behov").plan
    changed = services.no_effort_reasons.save(first, REGION, "region skåne", WHY).plan
    assert [r.reason for r in services.plans.get_plan(plan.id).no_effort_reasons] == [WHY]

    with pytest.raises(StaleEditError):
        services.no_effort_reasons.save(first, REGION, CLINIC, "Något annat")
    with pytest.raises(ValidationErrors):
        services.no_effort_reasons.save(changed, PrincipalType.OTHER, "Skolan", WHY)

    removed = services.no_effort_reasons.save(changed, REGION, CLINIC, "   ").plan
    assert removed.no_effort_reasons == () == services.plans.get_plan(plan.id).no_effort_reasons
    assert _codes(services, plan.id) == ["completeness.principal_effort"]
    # the same text again writes nothing
    assert services.no_effort_reasons.save(removed, REGION, CLINIC, "").plan is removed


def test_the_reason_is_signed_and_one_written_after_signing_is_a_change(
    services: Services, make_plan
) -> None:
    plan = _with_region(services, make_plan)
    plan = services.no_effort_reasons.save(plan, REGION, CLINIC, "Inget behov").plan
    _sign(services, plan)
    plan = services.plans.get_plan(plan.id)
    signed = services.signing.get_version(plan.id, 1)
    assert signed.plan.no_effort_reasons == plan.no_effort_reasons
    assert signed.check is not None and signed.check.ok

    changed = services.no_effort_reasons.save(plan, REGION, CLINIC, WHY).plan

    assert changed.versions[-1].state is VersionState.DRAFT
    assert changed.versions[-1].number == 2
    lines = summarise(signed.plan, 1, changed).lines("sv")
    assert lines == ("Ändrat skäl till att Region Skåne inte har någon insats.",)
    assert services.signing.changes_since_signed(changed).since_version == 1
    assert services.signing.get_version(plan.id, 1).plan.no_effort_reasons[0].reason == (
        "Inget behov"
    )


def test_a_plan_without_reasons_snapshots_and_exports_as_before(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()

    assert '"no_effort_reasons"' not in canonical_snapshot(plan)
    assert "no_effort_reasons" not in json.loads(services.transfer.export_plan(plan.id))["plan"]


def test_reasons_go_through_export_and_import_also_in_a_signed_version(
    services: Services, make_plan
) -> None:
    plan = _with_region(services, make_plan)
    plan = services.no_effort_reasons.save(plan, REGION, CLINIC, WHY).plan
    _sign(services, plan)

    exported = services.transfer.export_plan(plan.id)
    imported = services.transfer.import_with_report(exported, as_new=True).plan

    [item] = json.loads(exported)["plan"]["no_effort_reasons"]
    assert (item["organisation"], item["principal"], item["reason"]) == (CLINIC, "region", WHY)
    assert [(r.organisation, r.reason) for r in imported.no_effort_reasons] == [(CLINIC, WHY)]
    assert _codes(services, imported.id) == []
    signed = services.signing.get_version(imported.id, 1)
    assert signed.check is not None and signed.check.ok
    assert signed.plan.no_effort_reasons[0].reason == WHY


def test_a_principal_named_twice_in_a_file_is_refused_with_its_place(
    services: Services, make_plan
) -> None:
    plan = _with_region(services, make_plan)
    plan = services.no_effort_reasons.save(plan, REGION, CLINIC, WHY).plan
    raw = json.loads(services.transfer.export_plan(plan.id))
    [item] = raw["plan"]["no_effort_reasons"]
    raw["plan"]["no_effort_reasons"].append({**item, "organisation": "REGION SKÅNE"})

    with pytest.raises(ValidationErrors) as refused:
        services.transfer.import_with_report(json.dumps(raw), as_new=True)

    assert "$.plan.no_effort_reasons[1]" in str(refused.value.errors[0])
