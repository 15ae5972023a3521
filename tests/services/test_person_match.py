"""A stored person is never silently overwritten: new plans, imports, protected identity."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import DomainError
from sip_desk.domain.identity import make_identity
from sip_desk.domain.person import PersonData
from sip_desk.domain.person_match import DifferenceRule, PersonExistsError
from sip_desk.services.registry import Services
from tests.builders import person_data
from tests.person_helpers import FOREIGN_PERSON, file_with_person, load_demo, plans_of_person


def _person_entries(services: Services, person_id: int) -> list[tuple[AuditAction, str, str]]:
    return [
        (e.action, e.field, e.new or "")
        for e in services.audit.entries(person_id=person_id)
        if e.entity == "person"
    ]


# New plan


def test_new_plan_for_a_stored_identity_number_is_refused_and_writes_nothing(
    services: Services,
) -> None:
    people = load_demo(services)
    linda = people.protected.person
    before = plans_of_person(services, linda.id)
    number = (linda.identity_number or "").replace("-", "")  # another spelling of the number

    with pytest.raises(PersonExistsError) as info:
        services.plans.create_plan(
            PersonData(first_name="Fel", last_name="Namn", identity_number=number)
        )

    assert info.value.known.id == linda.id
    assert info.value.message("sv") == (
        "Personen finns redan: Linda Sandberg, 1 plan. Starta planen för den sparade personen."
    )
    assert plans_of_person(services, linda.id) == before
    assert services.plan_list.count_plans() == 4


def test_plan_for_a_stored_person_leaves_the_person_and_other_plans_as_stored(
    services: Services,
) -> None:
    people = load_demo(services)
    person = people.signed.person
    before = plans_of_person(services, person.id)

    plan = services.plans.create_plan_for_person(person.id)

    assert plan.person == person
    assert plans_of_person(services, person.id) == {**before, plan.id: plan}
    created = [e for e in services.audit.entries(plan_id=plan.id) if e.entity == "plan"]
    assert [(e.action, e.person_id) for e in created] == [(AuditAction.CREATE, person.id)]


def test_find_person_knows_the_stored_name_and_plan_count(services: Services, make_plan) -> None:
    first = make_plan(first_name="Åsa", last_name="Öberg")
    services.plans.create_plan_for_person(first.person.id)
    number = first.person.identity_number or ""

    found = services.plans.find_person(number.replace("-", ""))

    assert found is not None
    assert (found.id, found.full_name, found.plan_count) == (first.person.id, "Åsa Öberg", 2)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert services.plans.find_person(wrong) is None  # check digit wrong
    unstored = make_identity(date(1951, 6, 1), 7)
    assert services.plans.find_person(unstored) is None  # valid, not stored


# Protected identity in the editor's service


def test_update_person_never_switches_protection_off_without_confirmation(
    services: Services,
) -> None:
    plan = load_demo(services).protected
    off = dataclasses.replace(_data(plan.person), protected_identity=False)

    with pytest.raises(DomainError) as info:
        services.plans.update_person(plan.id, plan.version, off)

    assert info.value.code == "person.protection_sticky"
    assert services.plans.get_plan(plan.id) == plan


def test_update_person_switches_protection_off_when_confirmed_and_logs_it(
    services: Services,
) -> None:
    plan = load_demo(services).protected
    off = dataclasses.replace(_data(plan.person), protected_identity=False)

    saved = services.plans.update_person(plan.id, plan.version, off, unprotect=True)

    assert not saved.plan.person.protected_identity
    entries = services.audit.entries(plan_id=plan.id)
    assert [(e.old, e.new, e.user) for e in entries if e.field == "protected_identity"] == [
        ("true", "false", "anna.test")
    ]


def _data(person: PersonData) -> PersonData:
    names = {f.name for f in dataclasses.fields(PersonData)}
    return PersonData(**{n: getattr(person, n) for n in names})


# Import


def test_import_attaches_to_the_person_of_a_signed_plan_and_changes_nothing(
    services: Services,
) -> None:
    people = load_demo(services)
    person = people.signed.person
    text = file_with_person(services, people.signed.id, **FOREIGN_PERSON)
    before = plans_of_person(services, person.id)

    result = services.transfer.import_with_report(text, as_new=True)

    assert result.plan.person == person
    assert result.person.known is not None and result.person.known.id == person.id
    assert {d.field for d in result.person.differences} == set(FOREIGN_PERSON) - {
        "protected_identity"
    }
    assert all(d.rule is DifferenceRule.ON_REQUEST for d in result.person.differences)
    assert result.person.applied == ()
    assert plans_of_person(services, person.id) == {**before, result.plan.id: result.plan}
    assert (
        AuditAction.IMPORT,
        "not_applied",
        ",".join(d.field for d in result.person.differences),
    ) in _person_entries(services, person.id)


def test_import_with_update_person_applies_the_listed_differences_and_logs_them(
    services: Services,
) -> None:
    people = load_demo(services)
    person = people.signed.person
    text = file_with_person(services, people.signed.id, **FOREIGN_PERSON)

    result = services.transfer.import_with_report(text, update_person=True, as_new=True)

    stored = services.plans.get_plan(people.signed.id).person
    assert (stored.first_name, stored.last_name, stored.address) == (
        "Fel",
        "Filnamn",
        "Falska vägen 13, 999 99 Ingenstans",
    )
    assert stored.representatives == ()
    assert result.person.applied == result.person.differences
    updates = {
        f: new
        for action, f, new in _person_entries(services, person.id)
        if action is AuditAction.UPDATE
    }
    assert updates["first_name"] == "Fel"
    assert updates["address"] == "Falska vägen 13, 999 99 Ingenstans"
    assert "representatives" in updates


def test_import_never_removes_protection_nor_takes_an_address_even_when_asked(
    services: Services,
) -> None:
    people = load_demo(services)
    linda = people.protected.person
    text = file_with_person(services, people.protected.id, **FOREIGN_PERSON)

    result = services.transfer.import_with_report(text, update_person=True, as_new=True)

    stored = services.plans.get_plan(people.protected.id).person
    assert stored.protected_identity
    assert stored.address == linda.address == "Lönnvägen 9, 123 48 Björkvik"
    assert stored.first_name == "Fel"  # the other differences were asked for
    rules = {d.field: d.rule for d in result.person.differences}
    assert rules["protected_identity"] is rules["address"] is DifferenceRule.NEVER
    address = next(d for d in result.person.differences if d.field == "address")
    assert "Lönnvägen" not in address.line("sv") and "Falska" not in address.line("sv")
    fields = [
        f for action, f, _ in _person_entries(services, linda.id) if action is AuditAction.UPDATE
    ]
    assert "protected_identity" not in fields and "address" not in fields


def test_import_switches_protection_on_unasked_when_the_file_says_so(
    services: Services, make_plan
) -> None:
    plan = make_plan(address="Storgatan 1")
    text = file_with_person(services, plan.id, protected_identity=True, address=None)

    result = services.transfer.import_with_report(text, as_new=True)

    stored = services.plans.get_plan(plan.id).person
    assert stored.protected_identity and stored.address == "Storgatan 1"
    assert [d.rule for d in result.person.applied] == [DifferenceRule.ALWAYS]


def test_import_preview_lists_differences_and_changes_nothing(services: Services) -> None:
    people = load_demo(services)
    person = people.signed.person
    text = file_with_person(services, people.signed.id, first_name="Annan")
    before = plans_of_person(services, person.id)

    match = services.transfer.preview_import(text)

    assert [(d.field, d.stored, d.incoming) for d in match.differences] == [
        ("first_name", person.first_name, "Annan")
    ]
    assert plans_of_person(services, person.id) == before
    assert services.plan_list.count_plans() == 4
    reads = [e for e in services.audit.entries(person_id=person.id) if e.field == "import_preview"]
    assert [(e.action, e.entity) for e in reads] == [(AuditAction.READ, "person")]


def test_import_of_a_new_person_creates_them_and_reports_no_match(services: Services) -> None:
    plan = services.plans.create_plan(person_data(first_name="Ny"))
    text = file_with_person(services, plan.id, identity_number="19840312-1232")

    result = services.transfer.import_with_report(text, as_new=True)

    assert result.person.known is None and result.person.report_lines("sv") == []
    assert result.plan.person.id != plan.person.id
