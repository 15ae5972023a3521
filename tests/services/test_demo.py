from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from sip_desk.db.engine import Database, make_engine
from sip_desk.db.migrate import prepare_store
from sip_desk.db.models import Action, AuditEntry, Meeting, Participant, Person, Plan, PlanVersion
from sip_desk.domain.enums import (
    ActionStatus,
    AuditAction,
    MeetingKind,
    MeetingStatus,
    PlanStatus,
    PrincipalType,
    SignatureMethod,
    VersionState,
)
from sip_desk.domain.identity import make_identity, parse_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail, PlanQuery
from sip_desk.domain.principals import without_effort
from sip_desk.domain.redaction import without_address
from sip_desk.domain.translation import translated
from sip_desk.services.context import ServiceContext
from sip_desk.services.demo_generator import generate_plans
from sip_desk.services.demo_service import DEMO_CASES, demo_case_text
from sip_desk.services.plan_json.dates import aged_identity
from sip_desk.services.registry import Services


def _cases(services) -> dict[str, PlanDetail]:
    result = services.demo.load_cases()
    return {key: services.plans.get_plan(plan_id) for key, plan_id in result.created}


def _count(db: Database, column) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(column))) or 0)


def test_demo_cases_load_and_pass_the_completeness_check(services) -> None:
    plans = _cases(services)

    assert set(plans) == {"adult", "youth", "family", "protected"}
    for key in ("adult", "youth", "family"):
        assert services.plans.check(plans[key].id) == [], key
        assert plans[key].status is PlanStatus.ACTIVE
    assert plans["adult"].person.full_name == "Jonas Ekström"
    assert [g.text for g in plans["adult"].goals][:2] == [
        "Ha ett eget boende",
        "Vara drogfri ett år",
    ]


def test_the_adult_case_has_a_principal_without_an_effort_and_its_reason(services) -> None:
    adult = _cases(services)["adult"]

    [lindo] = without_effort(adult)
    assert lindo.label == "Lindö kommun (Socialtjänsten, vuxenenheten)"
    assert lindo.reason == "Lindö tar över boendestödet när Jonas har flyttat dit."
    # signed with it: the reason is part of the signed version
    signed = services.signing.get_version(adult.id, 1)
    assert signed.plan.no_effort_reasons == adult.no_effort_reasons


def test_demo_cases_match_the_domain_examples(services, clock) -> None:
    plans = _cases(services)
    today = clock.today()
    adult, youth, family = plans["adult"], plans["youth"], plans["family"]

    assert parse_identity(adult.person.identity_number or "", today).birth_date.year in (
        today.year - 42,
        today.year - 43,
    )
    assert adult.fields.lead_principal is PrincipalType.KOMMUN
    assert adult.fields.crisis_contacts
    assert any(p.is_relative and p.role == "Syster" for p in adult.participants)
    assert youth.fields.lead_principal is PrincipalType.REGION
    assert len(youth.person.representatives) == 2
    assert family.fields.print_language == "ar"
    assert family.person.preferred_language == "ar"
    assert family.person.interpreter_needed
    arabic = translated(family, "ar")  # written at the meeting: every goal and action in Arabic
    assert all(a.text != g.text for a, g in zip(arabic.goals, family.goals, strict=True))
    assert all(
        a.description != b.description for a, b in zip(arabic.actions, family.actions, strict=True)
    )
    weeks = {}
    for key, plan in (("adult", adult), ("youth", youth)):
        follow_up = plan.next_follow_up(clock.now())
        assert follow_up is not None
        weeks[key] = (follow_up.starts_at - plan.meetings[0].starts_at).days // 7
    assert weeks == {"adult": 8, "youth": 6}


def test_demo_cases_feed_the_worklist_warnings(services, clock) -> None:
    plans = _cases(services)
    today = clock.today()
    consents = [c for p in plans.values() for c in p.consents]
    actions = [a for p in plans.values() for a in p.actions]

    assert any(c.revoked_on for c in consents)
    assert any(
        c.valid_until and today <= c.valid_until <= today + timedelta(days=30) for c in consents
    )
    assert any(
        a.end_date and a.end_date < today and a.status is not ActionStatus.DONE for a in actions
    )
    for key in ("adult", "youth", "family"):
        kinds = {(m.kind, m.status) for m in plans[key].meetings}
        assert kinds == {
            (MeetingKind.FIRST, MeetingStatus.HELD),
            (MeetingKind.FOLLOW_UP, MeetingStatus.BOOKED),
        }


def test_demo_cases_hide_only_the_protected_persons_address(services) -> None:
    plans = _cases(services)

    protected = [p for p in plans.values() if p.person.protected_identity]
    assert [p.person.full_name for p in protected] == ["Linda Sandberg"]
    address = protected[0].person.address
    assert address and without_address(protected[0], [address]).person.address == ""
    rows = services.plan_list.list_plans(PlanQuery())
    assert [r.protected_identity for r in rows].count(True) == 1


def test_demo_cases_twice_add_nothing(services) -> None:
    first = services.demo.load_cases()
    entries = _count(services.ctx.db, AuditEntry.id)

    second = services.demo.load_cases()

    assert len(first.created) == 4
    assert second.created == ()
    assert set(second.skipped) == {"adult", "youth", "family", "protected"}
    assert services.plan_list.count_plans() == 4
    assert _count(services.ctx.db, AuditEntry.id) == entries


def test_demo_cases_are_imported_and_signed_as_the_acting_user(services) -> None:
    plans = _cases(services)

    entries = services.audit.entries(plan_id=plans["adult"].id)
    assert {e.user for e in entries} == {"anna.test"}
    assert ("plan", AuditAction.IMPORT) in {(e.entity, e.action) for e in entries}
    assert {"signature", "goal"} <= {e.entity for e in entries}


def test_demo_signs_the_complete_cases_and_revises_one(services) -> None:
    result = services.demo.load_cases()

    keys = dict(result.created)
    assert set(result.signed) == {keys["adult"], keys["youth"], keys["family"]}
    adult = services.plans.get_plan(keys["adult"])
    assert [v.state for v in adult.versions] == [VersionState.SIGNED, VersionState.DRAFT]
    assert "Börja på arbetsträning till våren" in [g.text for g in adult.goals]
    assert [v.state for v in services.plans.get_plan(keys["youth"]).versions] == [
        VersionState.SIGNED
    ]
    assert services.plans.get_plan(keys["protected"]).status is PlanStatus.DRAFT


def test_demo_cases_move_to_today_and_keep_their_ages(services, clock) -> None:
    clock.set(datetime(2027, 6, 12, 9, 0, tzinfo=UTC))  # a Saturday, 201 days after the files
    plans = _cases(services)
    today = clock.today()
    adult = plans["adult"]

    born = parse_identity(adult.person.identity_number or "", today).birth_date
    assert (today.year - born.year) - ((today.month, today.day) < (born.month, born.day)) == 42
    first, follow_up = sorted(m.starts_at for m in adult.meetings)
    # Two weeks ago as in the file (a Monday then) is a Saturday: the meeting moves to Monday.
    assert first.astimezone(LOCAL_TZ).date() == date(2027, 5, 31)
    assert (follow_up - first).days == 56
    meetings = [m.starts_at.astimezone(LOCAL_TZ) for p in plans.values() for m in p.meetings]
    assert all(m.weekday() < 5 and m.hour in (10, 13, 14) for m in meetings)
    assert adult.fields.requested_on and adult.fields.requested_on < today
    clock.set(datetime(2027, 6, 14, 9, 0, tzinfo=UTC))
    assert services.demo.load_cases().created == ()


def test_demo_files_are_exports_that_sip_desk_import_reads(services) -> None:
    for key in DEMO_CASES:
        text = demo_case_text(key)

        plan = services.transfer.import_with_report(text).plan

        person = json.loads(text)["plan"]["person"]
        assert plan.person.identity_number == person["identity_number"], key


def test_demo_cases_are_signed_on_paper_and_one_is_revised_since(services) -> None:
    result = services.demo.load_cases()
    created = dict(result.created)

    assert set(result.signed) == {created["adult"], created["youth"], created["family"]}
    for plan_id in result.signed:
        first = services.signing.get_version(plan_id, 1)
        assert first.signed, plan_id
        assert first.signatures and first.signatures[0].is_person, plan_id
        assert {s.method for s in first.signatures} == {SignatureMethod.PAPER}, plan_id
    revised = result.signed[0]
    assert services.signing.changes_since_signed(
        services.plans.get_plan(revised)
    ).items  # awaiting the person's approval
    assert not services.signing.changes_since_signed(
        services.plans.get_plan(result.signed[1])
    ).items
    protected = services.plans.get_plan(created["protected"])
    assert all(v.state is VersionState.DRAFT for v in protected.versions)


def test_generator_makes_n_plans_with_the_expected_rows(services) -> None:
    result = services.demo.generate(60, seed=7)

    db = services.ctx.db
    assert result.plans == 60
    assert _count(db, Plan.id) == _count(db, Person.id) == _count(db, PlanVersion.id) == 60
    assert 4 <= _count(db, Participant.id) / 60 <= 7
    assert 8 <= _count(db, Action.id) / 60 <= 12
    assert _count(db, Meeting.id) >= 60
    assert result.rows["actions"] == _count(db, Action.id)
    entries = services.audit.entries()
    assert [(e.entity, e.user) for e in entries] == [("demo_generation", "anna.test")]


def test_generator_gives_valid_unique_identity_numbers(services, clock) -> None:
    services.demo.load_cases()
    services.demo.generate(200, seed=3)

    with services.ctx.db.read() as s:
        numbers = [n for n in s.scalars(select(Person.identity_number)) if n]
    assert len(numbers) == len(set(numbers)) > 190
    for number in numbers:
        parse_identity(number, clock.today())


def test_generator_follow_ups_spread_around_today_with_some_overdue(services, clock) -> None:
    services.demo.generate(150, seed=5)

    with services.ctx.db.read() as s:
        booked = list(
            s.scalars(
                select(Meeting.starts_at).where(
                    Meeting.kind == MeetingKind.FOLLOW_UP, Meeting.status == MeetingStatus.BOOKED
                )
            )
        )
    offsets = [(t - clock.now()).days for t in booked]
    assert min(offsets) >= -61 and max(offsets) <= 121
    assert any(o < 0 for o in offsets) and any(o > 30 for o in offsets)


def test_generator_is_deterministic_for_a_seed(sqlite_services, tmp_path, clock, user) -> None:
    other_db = Database(make_engine(str(tmp_path / "other.sqlite")))
    prepare_store(other_db)
    other = Services(ServiceContext(db=other_db, user=user, clock=clock))

    generate_plans(sqlite_services, 30, seed=11)
    generate_plans(other, 30, seed=11)

    def people(db: Database) -> list[tuple[str, str | None]]:
        with db.read() as s:
            return [
                (r[0], r[1]) for r in s.execute(select(Person.last_name, Person.identity_number))
            ]

    assert people(sqlite_services.ctx.db) == people(other_db)
    other_db.dispose()


def test_generated_plans_load_and_new_plans_follow_them(services, make_plan) -> None:
    services.demo.generate(25, seed=2)

    loaded = services.plans.get_plan(25)
    created = make_plan.complete()

    assert loaded.participants and loaded.actions and loaded.goals
    assert created.id == 26
    assert services.plan_list.count_plans() == 26


def test_a_moved_identity_number_keeps_the_age_and_is_valid() -> None:
    written, today = date(2026, 11, 23), date(2028, 3, 1)
    number = make_identity(date(1984, 3, 14), 238)  # 42 on 23 Nov 2026, 43 on 1 March 2028
    leap = make_identity(date(1996, 2, 29), 512)
    coordination = make_identity(date(1990, 5, 7), 331, coordination=True)

    moved = aged_identity(number, written, today) or ""

    assert parse_identity(moved, today).birth_date == date(1985, 3, 14)
    assert aged_identity(leap, written, date(2027, 3, 1)) == leap  # no 29 Feb in 1997
    again = parse_identity(aged_identity(coordination, written, today) or "", today)
    assert again.is_coordination_number and again.birth_date == date(1991, 5, 7)
    assert aged_identity("not a number", written, today) == "not a number"
    assert aged_identity(None, written, today) is None


def test_plans_generated_apart_are_the_same_plans_with_their_progress(
    sqlite_services, tmp_path, clock, user
) -> None:
    """The window's way (a child process) stores what the in-process generator stores."""
    seen: list[tuple[int, int]] = []

    result = sqlite_services.demo.generate_apart(
        6, seed=3, batch_size=2, progress=lambda *p: seen.append(p)
    )

    assert result.plans == 6 and result.rows["plans"] == 6
    assert seen == [(2, 6), (4, 6), (6, 6)]
    assert sqlite_services.plan_list.count_plans() == 6
    with sqlite_services.ctx.db.read() as s:
        who = s.scalars(select(AuditEntry.user).where(AuditEntry.entity == "demo_generation"))
        assert list(who) == [user.user]  # the window's user, not the child's OS account


def test_a_generation_that_fails_apart_says_why_in_the_users_language(sqlite_services) -> None:
    from sip_desk.domain.errors import DomainError
    from sip_desk.services.demo_service import run_generation_child

    with pytest.raises(DomainError) as refused:
        run_generation_child(["demo", "--plans", "-1"], {}, None)

    assert refused.value.message("sv").startswith("Det gick inte att skapa demoplanerna: ")
    assert "--plans" in refused.value.message("en")
