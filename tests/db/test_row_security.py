"""Row-level security on a real PostgreSQL store: each user sees their units' plans only.

Users ``a`` and ``a2`` are members of unit A, ``b`` of unit B, each with their own login role.
Skipped when SIP_DESK_TEST_PG_URL is unset.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import exc, text

from sip_desk.cli import run
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.domain.plan import PlanDetail
from tests.builders import PlanBuilder
from tests.db.pg_roles import UNIT_A, Cast

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def plans(cast: Cast) -> dict[str, PlanDetail]:
    """A's plan, B's plan, and A's plan for a person with protected identity."""
    return {
        "a": PlanBuilder(cast.services("a")).complete(first_name="Alma", last_name="Andersdotter"),
        "b": PlanBuilder(cast.services("b")).complete(first_name="Bo", last_name="Bergkvist"),
        "secret": PlanBuilder(cast.services("a"))(
            first_name="Siri", last_name="Skyddsson", protected_identity=True, address="Hemlig 1"
        ),
    }


@pytest.fixture(autouse=True)
def _key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIP_DESK_SIGNING_KEY", str(tmp_path / "cli.key"))


def test_the_user_is_the_database_role_and_their_unit(cast: Cast) -> None:
    services = cast.services("a")

    assert services.ctx.user.user == cast.roles["a"]
    assert services.ctx.user.unit == UNIT_A.replace("/", " / ")


def test_a_new_plan_gets_its_makers_unit_and_logs_the_database_user(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    with cast.owner.engine.connect() as conn:
        unit, maker = conn.execute(
            text(
                "SELECT u.name, p.created_by FROM plans p JOIN units u ON u.id = p.unit_id "
                "WHERE p.id = :id"
            ),
            {"id": plans["a"].id},
        ).one()
        users = set(
            conn.execute(
                text('SELECT DISTINCT "user" FROM audit_entries WHERE plan_id = :id'),
                {"id": plans["a"].id},
            ).scalars()
        )
        cast.services("a").plans.open_plan(plans["a"].id)  # logged as a read
        readers = set(
            conn.execute(
                text('SELECT DISTINCT "user" FROM access_log WHERE plan_id = :id'),
                {"id": plans["a"].id},
            ).scalars()
        )
    assert (unit, maker) == ("Vuxenenheten", cast.roles["a"])
    assert users == {cast.roles["a"]}
    assert readers == {cast.roles["a"]}


def test_user_a_cannot_list_search_open_export_or_print_unit_bs_plan(
    cast: Cast, plans: dict[str, PlanDetail], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b_id = str(plans["b"].id)
    # list and search
    assert run(["--db", cast.url("a"), "list", "--json"]) == 0
    listed = {row["id"] for row in json.loads(capsys.readouterr().out)}
    assert plans["a"].id in listed and plans["b"].id not in listed
    assert run(["--db", cast.url("a"), "list", "--json", "--search", "Bergkvist"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    # open (the completeness check reads the whole plan), export, print, worklist
    for argv in (
        ["check", b_id],
        ["export", b_id, "-o", str(tmp_path / "b.json")],
        ["pdf", b_id, "-o", str(tmp_path / "b.pdf")],
    ):
        assert run(["--db", cast.url("a"), "--lang", "en", *argv]) == 2, argv
        assert f"cannot find plan {b_id}" in capsys.readouterr().err.lower()
    assert not (tmp_path / "b.json").exists() and not (tmp_path / "b.pdf").exists()
    for read in (cast.services("a").plans.get_plan, cast.services("a").plans.open_plan):
        with pytest.raises(DomainError):
            read(plans["b"].id)
    # while B sees it
    assert run(["--db", cast.url("b"), "check", b_id, "--json"]) in (0, 1)


def test_raw_sql_through_as_own_connection_finds_nothing_of_unit_b(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    b_id = plans["b"].id
    with cast.engine("a").connect() as conn:
        seen = set(conn.execute(text("SELECT id FROM plans")).scalars())
        names = set(conn.execute(text("SELECT last_name FROM persons")).scalars())
        for table in ("participants", "goals", "actions", "meetings", "information_consents"):
            count = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE plan_id = :id"), {"id": b_id}
            ).scalar_one()
            assert count == 0, table
        changed = conn.execute(
            text("UPDATE plans SET reason = 'x' WHERE id = :id"), {"id": b_id}
        ).rowcount
        removed = conn.execute(text("DELETE FROM plans WHERE id = :id"), {"id": b_id}).rowcount
        conn.rollback()
    assert plans["a"].id in seen and b_id not in seen
    assert "Andersdotter" in names and "Bergkvist" not in names
    assert (changed, removed) == (0, 0)


def test_a_cannot_write_into_unit_bs_plan_or_make_a_plan_for_unit_b(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    with cast.owner.engine.connect() as conn:
        unit_b = conn.execute(
            text("SELECT unit_id FROM plans WHERE id = :id"), {"id": plans["b"].id}
        ).scalar_one()
        person_a = conn.execute(
            text("SELECT person_id FROM plans WHERE id = :id"), {"id": plans["a"].id}
        ).scalar_one()
    statements = (
        (
            "INSERT INTO needs (plan_id, position, description) VALUES (:b, 9, 'x')",
            {"b": plans["b"].id},
        ),
        (
            "INSERT INTO plans (version, person_id, status, closed_reason, reason, "
            "meeting_question, requested_by, not_with_person_reason, plan_consent_given, "
            "what_matters, strengths, "
            "person_own_actions, relatives_own_actions, crisis_warning_signs, crisis_actions, "
            "crisis_contacts, legal_reference, print_language, created_at, updated_at, unit_id) "
            "VALUES (1, :p, 'draft', '', '', '', '', '', false, '', '', '', '', '', '', '', '', "
            "'sv', now(), now(), :u)",
            {"p": person_a, "u": unit_b},
        ),
        ("UPDATE plans SET unit_id = :u WHERE id = :a", {"u": unit_b, "a": plans["a"].id}),
    )
    for sql, params in statements:
        with cast.engine("a").connect() as conn, pytest.raises(exc.DBAPIError):
            conn.execute(text(sql), params)


def test_a_protected_persons_plan_is_seen_only_by_users_named_on_it(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    secret = plans["secret"].id

    def seen(who: str) -> tuple[bool, bool]:
        with cast.engine(who).connect() as conn:
            plan = conn.execute(text("SELECT 1 FROM plans WHERE id = :id"), {"id": secret}).scalar()
            person = conn.execute(
                text("SELECT 1 FROM persons WHERE last_name = 'Skyddsson'")
            ).scalar()
        return plan is not None, person is not None

    # a made it; a2 is in the same unit but not named on it
    assert seen("a") == (True, True)
    assert seen("a2") == (False, False)
    assert seen("b") == (False, False)
    # named as a participant (by a, who may write the plan), a2 sees it
    with cast.engine("a").begin() as conn:
        conn.execute(
            text(
                "INSERT INTO participants (plan_id, position, name, role, phone, email, "
                "invitation, present, is_relative, is_chair, is_coordinator, contact_role, "
                "db_role) VALUES "
                "(:p, 0, 'Ada Tvåa', '', '', '', 'summoned', false, false, false, false, '', :r)"
            ),
            {"p": secret, "r": cast.roles["a2"]},
        )
    assert seen("a2") == (True, True)
    assert seen("b") == (False, False)


def test_the_application_role_cannot_change_or_remove_log_rows(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    statements = [
        f"{verb} {table}"
        for table in ("audit_entries", "access_log")
        for verb in ("DELETE FROM", "TRUNCATE")
    ]
    statements += ["UPDATE audit_entries SET old = 'x'", "UPDATE access_log SET detail = 'x'"]
    for sql in statements:
        with cast.engine("a").connect() as conn, pytest.raises(exc.ProgrammingError) as caught:
            conn.execute(text(sql))
        assert "permission denied" in str(caught.value)


def test_the_administrator_manages_memberships_and_a_user_cannot(cast: Cast) -> None:
    from sip_desk.db.roles import StoreAdmin

    with pytest.raises(StoreError) as refused:
        StoreAdmin(cast.db("a")).add_member(cast.roles["a"], "Beroendemottagningen")
    assert refused.value.code == "store.denied"

    admin = StoreAdmin(cast.db("admin"))
    assert admin.add_member(cast.roles["b"], "Vuxenenheten")
    roles = {m.role for m in admin.members("Vuxenenheten")}
    assert roles == {cast.roles["a"], cast.roles["a2"], cast.roles["b"]}
    admin.remove_member(cast.roles["b"], "Vuxenenheten")
    # a user sees their own memberships only
    with cast.engine("a").connect() as conn:
        mine = set(conn.execute(text("SELECT role_name FROM memberships")).scalars())
    assert mine == {cast.roles["a"]}


def test_a_user_of_no_unit_cannot_make_a_plan_and_is_told_why(cast: Cast) -> None:
    # The administrator role is a member of no unit: a new plan would belong to nobody.
    with pytest.raises(StoreError) as refused:
        PlanBuilder(cast.services("admin"))(first_name="Ingen", last_name="Enhetsson")

    assert refused.value.code == "store.denied"
    assert "din databasroll saknar rättigheten" in refused.value.message("sv")
    with cast.owner.engine.connect() as conn:
        made = conn.execute(text("SELECT 1 FROM persons WHERE last_name = 'Enhetsson'")).scalar()
    assert made is None  # the person registered first went with the refused plan


def test_a_unit_taking_part_through_a_participant_sees_the_plan(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    a_id = plans["a"].id

    def b_sees() -> bool:
        with cast.engine("b").connect() as conn:
            found = conn.execute(text("SELECT 1 FROM plans WHERE id = :id"), {"id": a_id})
            return found.scalar() is not None

    assert not b_sees()
    with cast.engine("a").begin() as conn:
        unit_b = conn.execute(text("SELECT id FROM units WHERE name = 'Beroendemottagningen'"))
        conn.execute(
            text(
                "INSERT INTO participants (plan_id, position, name, role, phone, email, "
                "invitation, present, is_relative, is_chair, is_coordinator, contact_role, "
                "unit_id) VALUES (:p, 5, 'Bea Beroende', '', '', '', 'summoned', false, false, "
                "false, false, '', :u)"
            ),
            {"p": a_id, "u": unit_b.scalar_one()},
        )
    assert b_sees()


_PLAN_FOR_PERSON = (
    "INSERT INTO plans (version, person_id, status, closed_reason, reason, "
    "meeting_question, requested_by, not_with_person_reason, plan_consent_given, "
    "what_matters, strengths, "
    "person_own_actions, relatives_own_actions, crisis_warning_signs, crisis_actions, "
    "crisis_contacts, legal_reference, print_language, created_at, updated_at, unit_id, "
    "created_by) "
    "VALUES (1, :p, 'draft', '', '', '', '', '', false, '', '', '', '', '', '', '', '', "
    "'sv', now(), now(), :u, :me)"
)


def test_a_plan_pointing_at_someone_elses_person_does_not_open_that_person(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    # plans of their own (the module's plans are shared with other units by earlier tests)
    mine = {
        "a": PlanBuilder(cast.services("a")).complete(first_name="Ulf", last_name="Uddman"),
        "b": PlanBuilder(cast.services("b")).complete(first_name="Vera", last_name="Vik"),
        "hidden": PlanBuilder(cast.services("a"))(
            first_name="Wilma", last_name="Wall", protected_identity=True, address="Hemlig 2"
        ),
    }
    with cast.owner.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, person_id, unit_id FROM plans WHERE id IN (:a, :b, :s)"),
            {"a": mine["a"].id, "b": mine["b"].id, "s": mine["hidden"].id},
        ).all()
    by_plan = {plan: (person, unit) for plan, person, unit in rows}
    person_a, unit_a = by_plan[mine["a"].id]
    person_b, unit_b = by_plan[mine["b"].id]
    hidden = by_plan[mine["hidden"].id][0]
    # each user, on their own plan and unit, tries the tester's trick (a2: same unit as the
    # protected person's plan, but not named on it)
    for who, own, unit, target in (
        ("a", "a", unit_a, person_b),
        ("b", "b", unit_b, person_a),
        ("b", "b", unit_b, hidden),
        ("a2", "a", unit_a, hidden),
    ):
        with cast.engine(who).connect() as conn:
            with pytest.raises(exc.DBAPIError, match="person you may already see"):
                conn.execute(text(_PLAN_FOR_PERSON), {"p": target, "u": unit, "me": "x"})
            conn.rollback()
            with pytest.raises(exc.DBAPIError, match="person you may already see"):
                conn.execute(
                    text("UPDATE plans SET person_id = :p WHERE id = :own"),
                    {"p": target, "own": mine[own].id},
                )
            conn.rollback()
            seen = set(conn.execute(text("SELECT id FROM persons")).scalars())
        assert target not in seen, (who, target)
    # a second plan for a person the user already sees through a plan is still fine
    with cast.engine("a2").connect() as conn:
        conn.execute(text(_PLAN_FOR_PERSON), {"p": person_a, "u": unit_a, "me": "x"})
        conn.rollback()
