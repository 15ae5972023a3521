from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from sip_desk.db.engine import Database, make_engine
from sip_desk.db.migrate import prepare_store
from sip_desk.db.models import Person, Signature
from sip_desk.db.plan_read import read_plan
from sip_desk.db.repositories import load_plan
from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import (
    ActionStatus,
    AuditAction,
    ConsentForm,
    ConsentGiver,
    FollowUpDecision,
    GoalOutcome,
    GoalTerm,
    InvitationKind,
    MeetingKind,
    MeetingStatus,
    PrincipalType,
    RepresentativeKind,
    ReviewStatus,
    SignatureMethod,
    VersionState,
)
from sip_desk.domain.errors import DomainError, ImportFormatError, ValidationErrors
from sip_desk.domain.follow_up import ActionReviewData, GoalReviewData, MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.identity import make_identity
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.plan import PlanDetail, PlanQuery
from sip_desk.domain.snapshot import canonical_snapshot, chain_hash
from sip_desk.services.context import ServiceContext
from sip_desk.services.plan_json import write as plan_json_write
from sip_desk.services.plan_json.document import plan_schema
from sip_desk.services.registry import Services
from sip_desk.services.version_seal import seal_version
from tests.builders import PlanBuilder

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def _person_data(person: PersonData, **changes: Any) -> PersonData:
    values = {f.name: getattr(person, f.name) for f in dataclasses.fields(PersonData)}
    values.update(changes)
    return PersonData(**values)


def rich_plan(services: Services, make_plan: PlanBuilder, **person: Any) -> PlanDetail:
    """make_plan.complete() plus representatives, needs, sub-goals, reviews and every field."""
    s, today, now = services, services.ctx.clock.today(), services.ctx.clock.now()
    plan = make_plan.complete(**person)
    pid = plan.id
    reps = (
        RepresentativeData(kind=RepresentativeKind.GUARDIAN, name="Maria Förälder", phone="070-1"),
        RepresentativeData(kind=RepresentativeKind.GOD_MAN, name="Gustav Godman", email="g@ex.se"),
    )
    saved = s.plans.update_person(
        pid, plan.version, _person_data(plan.person, representatives=reps, address="Byv. 2")
    )
    saved = s.items.add(
        "participant",
        pid,
        saved.plan.version,
        ParticipantData(
            name="Sara Syster", invitation=InvitationKind.INVITED, is_relative=True, present=True
        ),
    )
    saved = s.items.add(
        "participant",
        pid,
        saved.plan.version,
        ParticipantData(
            name="Dr Lee",
            organisation="Region Testland",
            principal=PrincipalType.REGION,
            unit="Beroendemottagningen",
            role="Läkare",
            email="lee@region.example",
            is_chair=True,
            contact_role="Fast vårdkontakt",
        ),
    )
    doctor = saved.item_id
    saved = s.items.add("need", pid, saved.plan.version, NeedData(description="Behandling"))
    need = saved.item_id
    saved = s.items.add("need", pid, saved.plan.version, NeedData(description="Stöd i boendet"))
    goal = saved.plan.goals[0].id
    saved = s.items.add(
        "goal",
        pid,
        saved.plan.version,
        GoalData(text="Egen lägenhet före sommaren", term=GoalTerm.SHORT, parent_id=goal),
    )
    sub_goal = saved.item_id
    assert sub_goal is not None
    saved = s.items.add(
        "action",
        pid,
        saved.plan.version,
        ActionData(
            description="Samtalsbehandling varannan vecka",
            need_id=need,
            responsible_principal=PrincipalType.REGION,
            organisation="Region Testland",
            unit="Beroendemottagningen",
            responsible_participant_id=doctor,
            start_date=today - timedelta(days=7),
            status=ActionStatus.ONGOING,
            goal_ids=(sub_goal, goal),
            cost_responsibility="Regionen",
        ),
    )
    action = saved.item_id
    assert action is not None
    saved = s.items.add(
        "consent",
        pid,
        saved.plan.version,
        InformationConsentData(
            organisation="Försäkringskassan",
            information_shared="Sjukskrivning",
            information_excluded="Journalanteckningar",
            valid_from=today - timedelta(days=30),
            form=ConsentForm.ORAL,
            given_by=ConsentGiver.GUARDIAN,
            given_by_name="Maria Förälder",
            revoked_on=today - timedelta(days=1),
        ),
    )
    fields = dataclasses.replace(
        saved.plan.fields,
        reason="Behov av samordning av boende och behandling",
        meeting_question="Vem gör vad?",
        requested_by="Socialtjänsten",
        requested_on=today - timedelta(days=10),
        plan_consent_form=ConsentForm.WRITTEN,
        plan_consent_given_by=ConsentGiver.PERSON,
        what_matters="Att få bo kvar nära min syster",
        strengths="Envis\nRolig",
        crisis_warning_signs="Slutar svara i telefon",
        crisis_contacts="Sara 070-2",
        print_language="ar",
    )
    saved = s.plans.update_fields(pid, saved.plan.version, fields)
    saved = s.meetings.add_meeting(
        pid,
        saved.plan.version,
        MeetingData(
            kind=MeetingKind.FIRST,
            starts_at=now - timedelta(days=1),
            status=MeetingStatus.HELD,
            place="Videomöte",
            video_link="https://video.example/abc",
            new_needs="Tandvård",
            decision=FollowUpDecision.CONTINUE,
            action_reviews=(ActionReviewData(action_id=action, status=ReviewStatus.ONGOING),),
            goal_reviews=(
                GoalReviewData(goal_id=goal, outcome=GoalOutcome.PARTLY, person_view="Framåt"),
            ),
        ),
    )
    booked = next(m for m in saved.plan.meetings if m.status is MeetingStatus.BOOKED)
    # A cancelled meeting at the same moment as the booked one: order must survive a tie.
    saved = s.meetings.add_meeting(
        pid,
        saved.plan.version,
        dataclasses.replace(booked, status=MeetingStatus.CANCELLED, place="Inställt"),
    )
    return s.plans.activate(pid, saved.plan.version).plan


def sign_latest(services: Services, plan_id: int) -> None:
    """Freeze the latest version as signed, with a drawn and a paper signature, and seal it."""
    ctx = services.ctx
    key = services.keys.own()
    with ctx.db.write() as s:
        plan = load_plan(s, plan_id)
        version = plan.versions[-1]
        version.snapshot = canonical_snapshot(read_plan(s, plan.id))
        version.previous_hash = None
        version.content_hash = chain_hash(version.snapshot, None)
        version.state = VersionState.SIGNED
        version.signed_at = ctx.clock.now()
        version.signatures = [
            Signature(
                position=0,
                signer_name="Testa Testsson",
                is_person=True,
                method=SignatureMethod.DRAWN,
                signed_on=ctx.clock.today(),
                image_png=PNG,
            ),
            Signature(
                position=1,
                signer_name="Kim Handläggare",
                organisation="Socialtjänsten Testkommun",
                role="Socialsekreterare",
                method=SignatureMethod.PAPER,
                signed_on=ctx.clock.today(),
            ),
        ]
        s.flush()  # column defaults (organisation, is_person) are what the seal covers
        version.seal = seal_version(version, key, ctx.clock.now())


def plan_ids(services: Services) -> list[int]:
    return sorted(p.id for p in services.plan_list.list_plans(PlanQuery(limit=None)))


def person_count(services: Services) -> int:
    with services.ctx.db.read() as s:
        return int(s.scalar(select(func.count(Person.id))) or 0)


@pytest.fixture
def other_services(tmp_path: Path, services: Services) -> Iterator[Services]:
    """A second, empty SQLite store with the same user and clock."""
    db = Database(make_engine(str(tmp_path / "other.sqlite")))
    prepare_store(db)
    yield Services(ServiceContext(db=db, user=services.ctx.user, clock=services.ctx.clock))
    db.dispose()


# Round trip


def test_plan_json_round_trip_of_a_rich_plan_is_exact(services, make_plan, clock) -> None:
    plan = rich_plan(services, make_plan)
    first = services.transfer.export_plan(plan.id)

    clock.set(clock.now() + timedelta(hours=1))
    imported = services.transfer.import_with_report(first).plan
    second = services.transfer.export_plan(imported.id)

    assert imported.id != plan.id
    assert imported.person.id == plan.person.id  # same identity number: the person is reused
    changed = [
        (a, b) for a, b in zip(first.splitlines(), second.splitlines(), strict=True) if a != b
    ]
    assert [a.split(":")[0].strip() for a, _b in changed] == ['"exported_at"']


def test_plan_json_import_recreates_every_part_of_the_plan(services, make_plan) -> None:
    plan = rich_plan(services, make_plan)

    imported = services.transfer.import_with_report(services.transfer.export_plan(plan.id)).plan

    assert imported.status is plan.status
    assert [p.name for p in imported.participants] == [p.name for p in plan.participants]
    assert imported.coordinator is not None and imported.coordinator.name == "Kim Handläggare"
    sub_goal = imported.goals[1]
    assert sub_goal.parent_id == imported.goals[0].id and sub_goal.term is GoalTerm.SHORT
    action = imported.actions[1]
    assert action.need_id == imported.needs[0].id
    assert action.responsible_name == "Dr Lee"
    assert set(action.goal_ids) == {g.id for g in imported.goals}
    held = next(m for m in imported.meetings if m.status is MeetingStatus.HELD)
    assert held.action_reviews[0].action_id == action.id
    assert held.goal_reviews[0].person_view == "Framåt"
    assert imported.consents[1].revoked_on == plan.consents[1].revoked_on
    assert imported.fields == dataclasses.replace(
        plan.fields, coordinator_participant_id=imported.fields.coordinator_participant_id
    )
    assert [r.name for r in imported.person.representatives] == ["Maria Förälder", "Gustav Godman"]


def test_plan_json_round_trip_into_another_store_is_exact(
    services, make_plan, other_services
) -> None:
    plan = rich_plan(services, make_plan)
    first = services.transfer.export_plan(plan.id)

    imported = other_services.transfer.import_with_report(first).plan

    assert other_services.transfer.export_plan(imported.id) == first
    assert imported.person.address == "Byv. 2"


def test_plan_json_round_trip_keeps_signed_versions_and_signatures(services, make_plan) -> None:
    plan = rich_plan(services, make_plan)
    sign_latest(services, plan.id)
    services.plans.update_fields(
        plan.id, plan.version, dataclasses.replace(plan.fields, strengths="Ändrad efteråt")
    )
    first = services.transfer.export_plan(plan.id)

    imported = services.transfer.import_with_report(first, as_new=True).plan

    assert services.transfer.export_plan(imported.id) == first
    assert [(v.number, v.state) for v in imported.versions] == [
        (1, VersionState.SIGNED),
        (2, VersionState.DRAFT),
    ]
    signed = json.loads(first)["plan"]["versions"][0]
    assert [s["method"] for s in signed["signatures"]] == ["drawn", "paper"]
    assert signed["signatures"][1]["image_png"] is None


def test_plan_json_import_of_a_plan_already_stored_is_refused_unless_as_new(
    services, make_plan
) -> None:
    plan = rich_plan(services, make_plan)
    sign_latest(services, plan.id)
    export = services.transfer.export_plan(plan.id)
    before = plan_ids(services), person_count(services)

    with pytest.raises(DomainError) as info:
        services.transfer.import_with_report(export)  # the export of a stored plan

    assert info.value.message("sv") == (
        f"Planen finns redan i databasen (plan {plan.id}). Inget importerades. "
        "Använd --as-new för att ändå importera den som en ny plan."
    )
    _assert_unchanged(services, *before)
    copy = services.transfer.import_with_report(export, as_new=True).plan
    assert copy.id not in before[0]


def test_plan_json_round_trip_of_a_closed_plan(services, make_plan) -> None:
    plan = make_plan.complete()
    plan = services.plans.close(plan.id, plan.version, "Personen flyttade").plan

    imported = services.transfer.import_with_report(services.transfer.export_plan(plan.id)).plan

    assert (imported.status, imported.closed_reason, imported.closed_on) == (
        plan.status,
        "Personen flyttade",
        plan.closed_on,
    )


@pytest.mark.parametrize(
    ("first", "last"), [("Åsa", "Öberg"), ("Ђорђе", "Петровић"), ("محمد", "حسن")]
)
def test_plan_json_round_trip_keeps_names_in_any_script(services, make_plan, first, last) -> None:
    plan = make_plan.complete(first_name=first, last_name=last)
    text = services.transfer.export_plan(plan.id)

    imported = services.transfer.import_with_report(text).plan

    assert f'"first_name": "{first}"' in text  # written as letters, not \u escapes
    assert imported.person.full_name == f"{first} {last}"
    assert services.transfer.export_plan(imported.id) == text


def test_plan_json_stores_sql_looking_text_verbatim(services, make_plan, other_services) -> None:
    sql = "Robert'); DROP TABLE plans;--"
    plan = make_plan.complete(last_name=sql)
    services.items.add("goal", plan.id, plan.version, GoalData(text="1; DELETE FROM persons; --"))

    imported = other_services.transfer.import_with_report(
        services.transfer.export_plan(plan.id)
    ).plan

    assert imported.person.last_name == sql
    assert imported.goals[1].text == "1; DELETE FROM persons; --"
    assert plan_ids(other_services) == [imported.id]
    assert person_count(other_services) == 1


def test_plan_json_export_leaves_out_a_protected_address(services, make_plan) -> None:
    plan = make_plan.complete(protected_identity=True, address="Hemliga vägen 1")

    text = services.transfer.export_plan(plan.id)
    imported = services.transfer.import_with_report(text).plan

    assert "Hemliga" not in text
    assert "address" not in json.loads(text)["plan"]["person"]
    # The reused person keeps the address the file does not carry.
    assert services.plans.get_plan(imported.id).person.address == "Hemliga vägen 1"


def test_plan_json_export_and_import_are_in_the_audit_trail(services, make_plan) -> None:
    plan = make_plan.complete()

    imported = services.transfer.import_with_report(services.transfer.export_plan(plan.id)).plan

    exported = [
        e for e in services.audit.entries(plan_id=plan.id) if e.action is AuditAction.EXPORT
    ]
    entries = services.audit.entries(plan_id=imported.id)
    assert [e.user for e in exported] == ["anna.test"]
    assert [(e.action, e.entity) for e in entries if e.action is AuditAction.IMPORT] == [
        (AuditAction.IMPORT, "plan")
    ]
    assert all(e.person_id == plan.person.id for e in entries)


def test_plan_json_import_without_versions_starts_draft_one(services, make_plan) -> None:
    doc = json.loads(services.transfer.export_plan(make_plan().id))
    doc["plan"]["versions"] = []

    imported = services.transfer.import_with_report(json.dumps(doc)).plan

    assert [(v.number, v.state) for v in imported.versions] == [(1, VersionState.DRAFT)]


def test_plan_json_export_of_a_missing_plan_is_refused(services) -> None:
    with pytest.raises(DomainError) as info:
        services.transfer.export_plan(9999)

    assert info.value.code == "error.not_found"


# Bad imports: each fails with a message saying where, and changes nothing.

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        target: Any = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return mutate


_DELETE = object()
_TEXT_CASES: dict[str, tuple[Callable[[str], str], str]] = {
    "truncated file": (lambda t: t[: len(t) // 2], "rad "),
    "not json": (lambda _t: "Det här är ingen JSON\n", "rad 1, kolumn 1"),
    "empty file": (lambda _t: "", "rad 1, kolumn 1"),
    "a list, not an object": (lambda _t: "[1, 2]", "ingen plan från SIP Desk"),
}
_FORMAT_CASES: dict[str, tuple[Mutation, str]] = {
    "wrong type": (
        _set("plan/goals/0/text", 123),
        "$.plan.goals[0].text: 123 is of the wrong type",
    ),
    "missing required field": (
        _set("plan/person/last_name", _DELETE),
        "$.plan.person: the required key last_name is missing",
    ),
    "unknown field": (_set("plan/fields/colour", "red"), "$.plan.fields: unknown key: colour"),
    "unknown enum value": (_set("plan/participants/0/principal", "stat"), "participants[0]"),
    "name over 200 characters": (
        _set("plan/person/first_name", "Å" * 201),
        "$.plan.person.first_name: a text of 201 characters is too long",
    ),
    "text over 20000 characters": (_set("plan/goals/0/text", "x" * 20_001), "is too long"),
    "date that does not exist": (
        _set("plan/actions/0/end_date", "2027-02-30"),
        "$.plan.actions[0].end_date",
    ),
    "date in the wrong form": (_set("plan/fields/plan_consent_date", "23/11/2026"), "does not"),
    "moment without offset": (
        _set("plan/created_at", "2026-11-23T09:00:00"),
        "does not have the expected form",
    ),
    "NUL character": (_set("plan/goals/0/text", "a\x00b"), "$.plan.goals[0].text"),
}
_VALIDATION_CASES: dict[str, tuple[Mutation, str]] = {
    "blank first name": (_set("plan/person/first_name", "   "), "$.plan.person.first_name: "),
    "identity checksum": (
        _set("plan/person/identity_number", "19840312-1233"),
        "$.plan.person.identity_number: Personnumret stämmer inte",
    ),
    "end before start": (
        _set("plan/actions/0/end_date", "2020-01-01"),
        "$.plan.actions[0].end_date: Slutdatum (2020-01-01) ligger före",
    ),
    "dangling participant": (
        _set("plan/actions/0/responsible_participant_ref", "participant-9"),
        "$.plan.actions[0].responsible_participant_ref: Ansvarig person hänvisar",
    ),
    "dangling goal": (_set("plan/actions/0/goal_refs", ["goal-7"]), "goal_refs[0]"),
    "dangling coordinator": (
        _set("plan/fields/coordinator_participant_ref", "nobody"),
        "$.plan.fields.coordinator_participant_ref: Samordnare",
    ),
    "goal its own parent": (_set("plan/goals/0/parent_ref", "goal-1"), "delmål till sig självt"),
    "closed without reason": (_set("plan/status", "closed"), "$.plan.closed_reason: "),
    "blank representative": (
        _set(
            "plan/person/representatives",
            [{"kind": "guardian", "name": " ", "phone": "", "email": ""}],
        ),
        "$.plan.person.representatives[0].name",
    ),
}


@pytest.fixture
def exported(services, make_plan) -> dict[str, Any]:
    """A valid export of a complete plan, already in the store."""
    doc: dict[str, Any] = json.loads(services.transfer.export_plan(make_plan.complete().id))
    return doc


def _assert_unchanged(services: Services, plans: list[int], persons: int) -> None:
    assert plan_ids(services) == plans
    assert person_count(services) == persons


@pytest.mark.parametrize("case", list(_TEXT_CASES))
def test_plan_json_import_refuses_broken_text(services, exported, case) -> None:
    change, expected = _TEXT_CASES[case]
    before = plan_ids(services), person_count(services)

    with pytest.raises(DomainError) as info:
        services.transfer.import_with_report(change(json.dumps(exported, indent=2)))

    assert expected in info.value.message("sv")
    _assert_unchanged(services, *before)


@pytest.mark.parametrize("case", list(_FORMAT_CASES))
def test_plan_json_import_refuses_file_against_schema(services, exported, case) -> None:
    mutate, expected = _FORMAT_CASES[case]
    mutate(exported)
    before = plan_ids(services), person_count(services)

    with pytest.raises(ImportFormatError) as info:
        services.transfer.import_with_report(json.dumps(exported))

    assert expected in info.value.message("en")
    assert len(info.value.message("en")) < 400  # a long value is shortened, not dumped
    _assert_unchanged(services, *before)


@pytest.mark.parametrize("case", list(_VALIDATION_CASES))
def test_plan_json_import_refuses_data_breaking_domain_rules(services, exported, case) -> None:
    mutate, expected = _VALIDATION_CASES[case]
    mutate(exported)
    before = plan_ids(services), person_count(services)

    with pytest.raises(ValidationErrors) as info:
        services.transfer.import_with_report(json.dumps(exported))

    assert expected in info.value.message("sv")
    _assert_unchanged(services, *before)


@pytest.mark.parametrize(
    ("mutate", "code", "shown"),
    [
        (_set("schema_version", 3), "import.unknown_version", "schemaversion 3"),
        (_set("schema_version", "1"), "import.unknown_version", "schemaversion '1'"),
        (_set("format", "other-tool"), "import.unknown_format", "'other-tool'"),
        (_set("format", _DELETE), "import.unknown_format", "None"),
    ],
)
def test_plan_json_import_refuses_unknown_format_or_version(
    services, exported, mutate, code, shown
) -> None:
    mutate(exported)
    before = plan_ids(services), person_count(services)

    with pytest.raises(DomainError) as info:
        services.transfer.import_with_report(json.dumps(exported))

    assert info.value.code == code
    assert shown in info.value.message("sv")
    _assert_unchanged(services, *before)


def test_plan_json_import_reports_every_broken_rule_at_once(services, exported) -> None:
    _set("plan/person/first_name", "")(exported)
    _set("plan/actions/0/need_ref", "need-5")(exported)

    with pytest.raises(ValidationErrors) as info:
        services.transfer.import_with_report(json.dumps(exported))

    assert [e.field for e in info.value.errors] == ["person.first_name", "action.need_id"]
    assert "$.plan.actions[0].need_ref: Need refers to something" in info.value.message("en")


def test_plan_json_import_refuses_duplicate_references(services, exported) -> None:
    exported["plan"]["goals"].append(dict(exported["plan"]["goals"][0], text="Annat mål"))

    with pytest.raises(ValidationErrors) as info:
        services.transfer.import_with_report(json.dumps(exported))

    assert info.value.message("en") == (
        "$.plan.goals[1].ref: The reference goal-1 is used by more than one row."
    )


def test_plan_json_import_refuses_a_signed_version_changed_after_signing(
    services, make_plan
) -> None:
    plan = make_plan.complete()
    sign_latest(services, plan.id)
    doc = json.loads(services.transfer.export_plan(plan.id))
    doc["plan"]["versions"][0]["snapshot"] = doc["plan"]["versions"][0]["snapshot"].replace(
        "Ha ett eget boende", "Ha ett eget slott"
    )
    before = plan_ids(services), person_count(services)

    with pytest.raises(ValidationErrors) as info:
        services.transfer.import_with_report(json.dumps(doc))

    assert "$.plan.versions[0].content_hash" in info.value.message("sv")
    assert "ändrats efter underskriften" in info.value.message("sv")
    _assert_unchanged(services, *before)


def test_plan_json_import_refuses_bad_base64_image(services, make_plan) -> None:
    plan = make_plan.complete()
    sign_latest(services, plan.id)
    doc = json.loads(services.transfer.export_plan(plan.id))
    doc["plan"]["versions"][0]["signatures"][0]["image_png"] = "not base64!"

    with pytest.raises(ImportFormatError) as info:
        services.transfer.import_with_report(json.dumps(doc))

    assert info.value.where == "$.plan.versions[0].signatures[0].image_png"


def test_plan_json_import_failing_while_writing_changes_nothing(
    services, exported, monkeypatch
) -> None:
    exported["plan"]["person"]["identity_number"] = make_identity(
        date(1990, 5, 17), 777
    )  # a new person
    before = plan_ids(services), person_count(services)
    audit_before = len(services.audit.entries())

    def broken(*_args: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(plan_json_write, "_meeting", broken)
    with pytest.raises(RuntimeError):
        services.transfer.import_with_report(json.dumps(exported))

    _assert_unchanged(services, *before)
    assert len(services.audit.entries()) == audit_before


# The documented format

DOC = Path(__file__).parents[2] / "docs" / "plan-json.md"


def _schema_words(node: object, found: set[str]) -> set[str]:
    """Every property name and enum value in the schema."""
    if isinstance(node, dict):
        found.update(node.get("properties", {}))
        found.update(str(v) for v in node.get("enum", []) if v is not None)
        for value in node.values():
            _schema_words(value, found)
    elif isinstance(node, list):
        for value in node:
            _schema_words(value, found)
    return found


def test_plan_json_documentation_names_every_field_and_enum_value() -> None:
    text = DOC.read_text(encoding="utf-8")

    missing = sorted(w for w in _schema_words(plan_schema(), set()) if f"`{w}`" not in text)

    assert missing == []


def test_plan_json_documented_example_imports(services) -> None:
    example = DOC.read_text(encoding="utf-8").split("```json\n", 1)[1].split("\n```", 1)[0]

    plan = services.transfer.import_with_report(example).plan

    assert plan.person.full_name == "Åsa Öberg"
    assert services.transfer.export_plan(plan.id) == example + "\n"
