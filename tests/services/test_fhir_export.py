"""FHIR R4 export: every demo plan's bundle validates with the R4 models, uses the standard
codes, resolves every reference inside itself, and leaves a protected person's address out."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from sip_desk.db.access_log import read_entries
from sip_desk.domain.access import AccessKind, AccessQuery
from sip_desk.domain.enums import AuditAction, GoalOutcome, MeetingKind, MeetingStatus
from sip_desk.domain.follow_up import GoalReviewData, MeetingData, MeetingDto
from sip_desk.domain.identity import make_identity
from sip_desk.domain.verification import DamagedVersionError
from sip_desk.services.fhir.bundle import FhirSource, build_bundle
from sip_desk.services.fhir.provenance import content_uri
from sip_desk.services.fhir.service import FhirExportService
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder
from tests.conftest import MutableClock
from tests.services.fhir_checks import code_problems, parse, resources, unresolved
from tests.services.signing_helpers import person_signature

Bundles = dict[str, tuple[int, dict[str, Any]]]
ADDRESS = "Storgatan 5, 123 45 Björkvik"


def _export(services: Services, plan_id: int) -> dict[str, Any]:
    text = FhirExportService(services.ctx, services.keys).export_bundle(plan_id)
    bundle: dict[str, Any] = json.loads(text)
    return bundle


@pytest.fixture
def demo(sqlite_services: Services) -> Bundles:
    """Every demo case loaded into a fresh store, exported as FHIR: key → (plan id, bundle)."""
    created = sqlite_services.demo.load_cases().created
    return {key: (plan_id, _export(sqlite_services, plan_id)) for key, plan_id in created}


def test_fhir_every_demo_plan_bundle_validates_with_the_r4_models(demo: Bundles) -> None:
    assert set(demo) == {"adult", "youth", "family", "protected"}
    for key, (_plan_id, bundle) in demo.items():
        parsed = parse(bundle)  # raises on any validation error

        assert parsed.type == "collection", key
    kinds = {e["resource"]["resourceType"] for e in demo["youth"][1]["entry"]}
    assert kinds == {
        "Patient", "CarePlan", "Goal", "CareTeam", "Consent", "Organization",
        "Practitioner", "RelatedPerson", "Provenance",
    }  # fmt: skip


def test_fhir_every_demo_bundle_uses_codes_of_the_standard_code_systems(demo: Bundles) -> None:
    for key, (_plan_id, bundle) in demo.items():
        assert code_problems(parse(bundle)) == [], key


def test_fhir_every_reference_resolves_to_an_entry_of_the_bundle(demo: Bundles) -> None:
    for key, (_plan_id, bundle) in demo.items():
        urls = [e["fullUrl"] for e in bundle["entry"]]

        assert unresolved(bundle) == set(), key
        assert len(urls) == len(set(urls)), key
        assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in bundle["entry"])


def test_fhir_export_again_keeps_every_resource_id(
    sqlite_services: Services, demo: Bundles
) -> None:
    plan_id, first = demo["adult"]

    again = _export(sqlite_services, plan_id)

    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in first["entry"]]


def test_fhir_protected_demo_person_has_no_address_anywhere(demo: Bundles) -> None:
    _plan_id, bundle = demo["protected"]
    text = json.dumps(bundle, ensure_ascii=False)

    assert "Lönnvägen" not in text
    assert "address" not in resources(bundle, "Patient")[0]
    assert bundle["meta"]["security"][0]["code"] == "V"
    assert demo["adult"][1]["meta"]["security"][0]["code"] == "R"
    assert "Tallvägen 4 B" in json.dumps(demo["adult"][1], ensure_ascii=False)


def test_fhir_person_protected_after_signing_a_home_visit_has_no_address(
    sqlite_services: Services, clock: MutableClock
) -> None:
    s = sqlite_services
    plan = PlanBuilder(s).complete(address=ADDRESS)
    home = MeetingData(starts_at=clock.now() + timedelta(days=20), place=f"Hembesök, {ADDRESS}")
    saved = s.meetings.add_meeting(plan.id, plan.version, home)
    s.signing.sign_version(plan.id, saved.plan.version, [person_signature(clock.today())])
    current = s.plans.get_plan(plan.id)
    person = dataclasses.replace(current.person, protected_identity=True)
    s.plans.update_person(plan.id, current.version, person)

    text = FhirExportService(s.ctx, s.keys).export_bundle(plan.id)

    assert "Storgatan 5" not in text
    assert len(resources(json.loads(text), "Provenance")) == 1


def _consent_states(bundle: dict[str, Any]) -> dict[str, str]:
    out = {}
    for consent in resources(bundle, "Consent"):
        if consent["scope"]["coding"][0]["code"] == "patient-privacy":
            out[consent["provision"]["actor"][0]["reference"]["display"]] = consent["status"]
    return out


def test_fhir_consent_status_follows_revocation_and_expiry(
    sqlite_services: Services, demo: Bundles, clock: MutableClock
) -> None:
    youth = _consent_states(demo["youth"][1])
    adult_id, adult = demo["adult"]
    expiry = next(
        c.valid_until
        for c in sqlite_services.plans.get_plan(adult_id).consents
        if c.organisation == "Försäkringskassan"
    )
    assert expiry is not None
    clock.set(clock.now() + (expiry - clock.today() + timedelta(days=1)))

    later = _consent_states(_export(sqlite_services, adult_id))

    assert youth["Ungdomsmottagningen Björkvik"] == "inactive"  # revoked
    assert {k: v for k, v in youth.items() if k != "Ungdomsmottagningen Björkvik"} == {
        "Ekbackaskolan": "active",
        "Region Mellansund": "active",
        "Björkviks kommun": "active",
    }
    assert set(_consent_states(adult).values()) == {"active"}
    assert later["Försäkringskassan"] == "inactive"  # expired
    assert later["Region Mellansund"] == "active"


def _goal_codes(bundle: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [
        (g["lifecycleStatus"], g.get("achievementStatus", {}).get("coding", [{}])[0].get("code"))
        for g in resources(bundle, "Goal")
    ]


def test_fhir_goal_status_follows_the_plan_and_the_latest_evaluation(
    sqlite_services: Services, demo: Bundles, clock: MutableClock
) -> None:
    plan = sqlite_services.plans.get_plan(demo["family"][0])
    outcomes = [GoalOutcome.ACHIEVED, GoalOutcome.PARTLY, GoalOutcome.NOT_ACHIEVED]
    held = MeetingDto(
        id=999,
        kind=MeetingKind.FOLLOW_UP,
        starts_at=clock.now() - timedelta(days=1),
        status=MeetingStatus.HELD,
        goal_reviews=tuple(
            GoalReviewData(goal_id=g.id, outcome=o, person_view="Det går bättre")
            for g, o in zip(plan.goals, outcomes, strict=False)
        ),
    )
    evaluated = dataclasses.replace(plan, meetings=(*plan.meetings, held))
    source = FhirSource(plan=evaluated, exported_at=clock.now(), namespace=uuid.UUID(int=1))

    goals = _goal_codes(build_bundle(source))

    assert set(_goal_codes(demo["protected"][1])) == {("proposed", None)}  # a draft
    assert set(_goal_codes(demo["family"][1])) == {("active", "in-progress")}
    assert len(goals) >= 3
    assert goals[:3] == [
        ("completed", "achieved"),
        ("active", "improving"),
        ("active", "not-achieved"),
    ]


def test_fhir_each_signature_is_a_provenance_of_its_signed_version(
    sqlite_services: Services, demo: Bundles
) -> None:
    plan_id, bundle = demo["adult"]  # signed, then changed: version 2 is a draft
    version = sqlite_services.signing.get_version(plan_id, 1)
    care_plan = next(
        e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "CarePlan"
    )
    patient = next(
        e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    )

    found = resources(bundle, "Provenance")

    assert version.content_hash is not None
    assert len(found) == len(version.signatures)
    assert {p["target"][0]["reference"] for p in found} == {care_plan}
    hashes = {p["entity"][0]["what"]["identifier"]["value"] for p in found}
    assert hashes == {content_uri(version.content_hash)}
    signers = [p["agent"][0]["who"]["display"] for p in found]
    assert signers == [s.signer_name for s in version.signatures]
    assert found[0]["agent"][0]["who"]["reference"] == patient  # the person signs first
    assert all("reference" in p["agent"][0]["who"] for p in found)


def test_fhir_actions_are_activities_with_who_performs_them_and_their_status(
    sqlite_services: Services, demo: Bundles
) -> None:
    plan_id, bundle = demo["adult"]
    plan = sqlite_services.plans.get_plan(plan_id)
    activities = resources(bundle, "CarePlan")[0]["activity"]
    mapped = {"planned": "not-started", "ongoing": "in-progress", "done": "completed"}

    assert [a["detail"]["description"] for a in activities] == [a.description for a in plan.actions]
    assert [a["detail"]["status"] for a in activities] == [
        mapped[a.status.value] for a in plan.actions
    ]
    first = activities[0]["detail"]["performer"]
    assert [p["display"] for p in first] == ["Lena Åkesson", "Boendestöd, Björkviks kommun"]


def test_fhir_patient_identifier_names_personnummer_or_samordningsnummer(
    services: Services, make_plan: PlanBuilder
) -> None:
    number = make_identity(date(1990, 5, 4), 123, coordination=True)
    coordination = make_plan(identity_number=number)
    reserve = make_plan(identity_number=None)

    ids = [
        resources(_export(services, p.id), "Patient")[0]["identifier"][0]
        for p in (make_plan(), coordination, reserve)
    ]

    assert ids[0]["system"] == "urn:oid:1.2.752.129.2.1.3.1"
    assert ids[1] == {
        "use": "official",
        "system": "urn:oid:1.2.752.129.2.1.3.3",
        "value": number.replace("-", ""),
    }
    assert ids[2]["use"] == "temp"
    assert ids[2]["value"] == services.plans.get_plan(reserve.id).person.reserve_id


def test_fhir_export_is_logged_as_an_access_and_in_the_audit_trail(
    services: Services, make_plan: PlanBuilder
) -> None:
    plan = make_plan.complete()

    _export(services, plan.id)

    with services.ctx.db.read_connection() as conn:
        rows = read_entries(conn, AccessQuery(limit=None))
    assert [(r.kind, r.plan_id, r.person_id, r.detail) for r in rows] == [
        (AccessKind.EXPORT, plan.id, plan.person.id, "fhir")
    ]
    exports = [e for e in services.audit.entries(plan.id) if e.action is AuditAction.EXPORT]
    assert [(e.entity, e.new) for e in exports] == [("plan", "fhir r4.0.1")]


def test_fhir_patient_speaks_their_language_and_needs_an_interpreter(demo: Bundles) -> None:
    family = resources(demo["family"][1], "Patient")[0]
    adult = resources(demo["adult"][1], "Patient")[0]

    assert [
        (c["language"]["coding"][0]["code"], c["preferred"]) for c in family["communication"]
    ] == [("ar", True)]
    assert family["extension"] == [
        {
            "url": "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired",
            "valueBoolean": True,
        }
    ]
    assert "extension" not in adult


def test_fhir_export_of_a_tampered_signed_version_writes_and_logs_nothing(
    sqlite_services: Services, demo: Bundles
) -> None:
    plan_id, _bundle = demo["adult"]
    path = sqlite_services.ctx.db.path
    assert path is not None
    con = sqlite3.connect(path)
    try:
        con.execute("DROP TRIGGER IF EXISTS trg_signatures_signed_no_update")
        con.execute("UPDATE signatures SET signer_name = 'Någon Annan' WHERE position = 1")
        con.commit()
    finally:
        con.close()
    with sqlite_services.ctx.db.read_connection() as conn:
        before = len(read_entries(conn, AccessQuery(limit=None)))

    with pytest.raises(DamagedVersionError):
        _export(sqlite_services, plan_id)

    with sqlite_services.ctx.db.read_connection() as conn:
        assert len(read_entries(conn, AccessQuery(limit=None))) == before
