"""The outside tester's attacks on the shared PostgreSQL store (issue 13), replayed.

Each test acts as the tester did: raw SQL through the attacking user's own login. User ``a`` is
an ordinary member of unit A; ``b`` of unit B. Skipped when SIP_DESK_TEST_PG_URL is unset.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, exc, text

from sip_desk.db.chain import first_break
from sip_desk.db.identity_guard import PENALTY_S, probe_count
from sip_desk.db.roles import StoreAdmin
from sip_desk.domain.errors import StoreError
from sip_desk.domain.identity import make_identity
from sip_desk.domain.person_match import PersonExistsError
from sip_desk.domain.plan import PlanDetail
from tests.builders import PlanBuilder, person_data
from tests.db.pg_roles import Cast, temp_tables_allowed

pytestmark = [
    pytest.mark.postgres,
    # Now and then psycopg finalises a connection of a refused statement late (its __del__
    # at module teardown, 2 runs in 10): not a leak of the app's, and not what these test.
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(scope="module")
def plans(cast: Cast) -> dict[str, PlanDetail]:
    """A's plan; B's plan and B's plan for a person with protected identity."""
    return {
        "a": PlanBuilder(cast.services("a")).complete(first_name="Alma", last_name="Alm"),
        "b": PlanBuilder(cast.services("b")).complete(first_name="Bo", last_name="Berg"),
        "secret": PlanBuilder(cast.services("b"))(
            first_name="Sara", last_name="Skydd", protected_identity=True, address="Hemlig 9"
        ),
    }


@pytest.fixture(autouse=True)
def _key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIP_DESK_SIGNING_KEY", str(tmp_path / "cli.key"))


@pytest.fixture
def temp_allowed(cast: Cast) -> Iterator[None]:
    """A DBA let ``a`` make temporary tables after all: the functions must hold on their own."""
    with temp_tables_allowed(cast):
        yield


def _unit_of(cast: Cast, plan_id: int) -> int:
    with cast.owner.engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT unit_id FROM plans WHERE id = :i"), {"i": plan_id}
            ).scalar_one()
        )


def _shadow(conn: Connection, ddl: str, fill: str, params: dict[str, object]) -> None:
    conn.execute(text(f"CREATE TEMP TABLE {ddl}"))
    conn.execute(text(fill), params)
    conn.execute(text(f"GRANT SELECT ON {ddl.split('(', maxsplit=1)[0]} TO PUBLIC"))


def test_a_temp_participants_table_opens_no_plan_of_another_unit(
    cast: Cast, plans: dict[str, PlanDetail], temp_allowed: None
) -> None:
    me, unit_a = cast.roles["a"], _unit_of(cast, plans["a"].id)
    with cast.engine("a").connect() as conn:
        _shadow(
            conn,
            "participants(plan_id int, db_role text, unit_id int)",
            "INSERT INTO participants SELECT g, :me, NULL FROM generate_series(1, 1000) g",
            {"me": me},
        )
        seen = set(conn.execute(text("SELECT id FROM public.plans")).scalars())
        addresses = set(conn.execute(text("SELECT address FROM public.persons")).scalars())
        moved = conn.execute(
            text("UPDATE public.plans SET unit_id = :u WHERE id IN (:b, :s)"),
            {"u": unit_a, "b": plans["b"].id, "s": plans["secret"].id},
        ).rowcount
        conn.rollback()
    assert plans["a"].id in seen
    assert plans["b"].id not in seen and plans["secret"].id not in seen
    assert "Hemlig 9" not in addresses
    assert moved == 0


def test_a_temp_memberships_table_makes_no_one_a_member_of_another_unit(
    cast: Cast, plans: dict[str, PlanDetail], temp_allowed: None
) -> None:
    unit_b = _unit_of(cast, plans["b"].id)
    with cast.engine("a").connect() as conn:
        _shadow(
            conn,
            "memberships(unit_id int, role_name text)",
            "INSERT INTO memberships VALUES (:u, :me)",
            {"u": unit_b, "me": cast.roles["a"]},
        )
        seen = set(conn.execute(text("SELECT id FROM public.plans")).scalars())
        with pytest.raises(exc.DBAPIError):  # nor may a plan be made for unit B
            conn.execute(
                text("UPDATE public.plans SET unit_id = :u WHERE id = :a"),
                {"u": unit_b, "a": plans["a"].id},
            )
        conn.rollback()
    assert plans["b"].id not in seen


def test_a_temp_pg_tables_does_not_make_the_caller_the_tables_owner(
    cast: Cast, plans: dict[str, PlanDetail], temp_allowed: None
) -> None:
    me = cast.roles["a"]
    with cast.owner.engine.connect() as conn:
        person_b = conn.execute(
            text("SELECT person_id FROM plans WHERE id = :i"), {"i": plans["secret"].id}
        ).scalar_one()
    with cast.engine("a").connect() as conn:
        _shadow(
            conn,
            "pg_tables(tablename text, schemaname text, tableowner text)",
            "INSERT INTO pg_tables SELECT t, 'public', :me FROM unnest(ARRAY["
            "'plans', 'persons', 'access_log', 'audit_entries']) t",
            {"me": me},
        )
        # a forged log row: users append only through the log function (db.log_security),
        # and a row that got in anyway keeps the writer's own name (checked below)
        with pytest.raises(exc.DBAPIError, match="permission denied"), conn.begin_nested():
            conn.execute(
                text(
                    'INSERT INTO access_log (at, "user", unit, kind, person_id, plan_id, program, '
                    "command, detail) VALUES (now(), :other, '', 'open', NULL, :p, 'cli', '', '')"
                ),
                {"other": cast.roles["b"], "p": plans["a"].id},
            )
        # a plan for B's protected person is still refused (the plan→person guard)
        with pytest.raises(exc.DBAPIError, match="person you may already see"):
            conn.execute(
                text("UPDATE public.plans SET person_id = :p WHERE id = :a"),
                {"p": person_b, "a": plans["a"].id},
            )
        conn.rollback()
    with cast.owner.engine.connect() as conn:
        users = set(
            conn.execute(
                text("SELECT \"user\" FROM access_log WHERE plan_id = :p AND command = ''"),
                {"p": plans["a"].id},
            ).scalars()
        )
    assert users <= {me}  # nothing under another's name


def test_an_application_role_cannot_make_temporary_tables(cast: Cast) -> None:
    with cast.engine("a").connect() as conn, pytest.raises(exc.ProgrammingError) as caught:
        conn.execute(text("CREATE TEMP TABLE participants(plan_id int)"))
    assert "permission denied" in str(caught.value)


def test_every_definer_function_searches_the_callers_temp_tables_last(cast: Cast) -> None:
    with cast.owner.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.proname, p.proconfig FROM pg_catalog.pg_proc p "
                "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = current_schema() AND (p.prosecdef OR p.proname LIKE 'sip%')"
            )
        ).all()
    paths = {
        name: next((c for c in config or () if c.startswith("search_path=")), None)
        for name, config in rows
    }
    assert "sip_desk_plan_row_visible" in paths and len(paths) >= 10
    wrong = {
        name: path for name, path in paths.items() if path is None or not path.endswith("pg_temp")
    }
    assert wrong == {}


def test_a_log_row_without_or_with_a_forged_hash_does_not_break_the_chain(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    services = cast.services("a")
    services.plans.open_plan(plans["a"].id)  # rows the application hashes itself
    columns = '(at, "user", unit, kind, person_id, plan_id, program, command, detail'
    refused = pytest.raises(exc.DBAPIError, match="permission denied")
    with cast.engine("a").connect() as conn, refused:  # a user may not insert rows at all
        conn.execute(
            text(
                f"INSERT INTO access_log {columns}) VALUES (now(), 'x', '', "
                "'open', NULL, 1, 'cli', '', '')"
            )
        )
    # Whoever may (the tables' owner, by hand) cannot break or forge the chain either.
    with cast.owner.engine.begin() as conn:
        conn.execute(  # no hash at all (it broke the chain for good: "BRUTEN vid rad 11")
            text(
                f"INSERT INTO access_log {columns}) VALUES (now(), 'x', '', 'open', NULL, :p, "
                "'cli', 'tester', E'quote \" back\\\\ slash\\n tab\\t åäö ✓ \\u0001')"
            ),
            {"p": plans["a"].id},
        )
        conn.execute(  # a made-up place in the chain
            text(
                f"INSERT INTO access_log (id, prev_hash, row_hash, {columns[1:]}) VALUES "
                "(100000, repeat('a', 64), repeat('b', 64), now(), 'x', '', 'open', NULL, :p, "
                "'cli', 'tester', '')"
            ),
            {"p": plans["a"].id},
        )
        conn.execute(
            text(
                'INSERT INTO audit_entries (at, "user", unit, action, plan_id, person_id, entity, '
                "entity_id, field, old, new) VALUES (now(), 'x', '', 'update', :p, NULL, 'plan', "
                ":p, 'reason', NULL, 'Åsa säger \"nej\"')"
            ),
            {"p": plans["a"].id},
        )
    PlanBuilder(services).complete(first_name="Örjan", last_name="Ödmark")  # more of the app's
    with cast.owner.engine.connect() as conn:
        breaks = {name: first_break(conn, name) for name in ("access_log", "audit_entries")}
        ids = list(conn.execute(text("SELECT id FROM access_log ORDER BY id")).scalars())
    assert {name: found for name, (_, found) in breaks.items()} == {
        "access_log": None,
        "audit_entries": None,
    }
    assert ids == list(range(1, len(ids) + 1))  # numbered by the server, no gap at 100000


_REGISTER = (
    "INSERT INTO persons (first_name, last_name, identity_number, phone, email, address, "
    "preferred_language, interpreter_needed, interpreter_language, protected_identity, "
    "created_at) VALUES ('P', 'Probe', :n, '', '', '', 'sv', false, '', false, now())"
)


def test_probing_for_another_units_identity_number_is_slow_counted_and_refused_alike(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    with cast.owner.engine.connect() as conn:
        numbers: dict[int, str] = dict(
            conn.execute(
                text(
                    "SELECT pl.id, pe.identity_number FROM plans pl "
                    "JOIN persons pe ON pe.id = pl.person_id WHERE pl.id IN (:a, :s)"
                ),
                {"a": plans["a"].id, "s": plans["secret"].id},
            ).all()
        )
        before = probe_count(conn)
    hidden, own = numbers[plans["secret"].id], numbers[plans["a"].id]
    outcome: dict[str, str] = {}
    with cast.engine("a").connect() as conn:  # the tester's loop: each try in a sub-transaction
        started = time.monotonic()
        for number in (make_identity(date(1990, 1, 1), 123), hidden):
            savepoint = conn.begin_nested()
            try:
                conn.execute(text(_REGISTER), {"n": number})
                outcome[number] = "inserted"
            except exc.DBAPIError as error:
                outcome[number] = str(error.orig).splitlines()[0]
            savepoint.rollback()
        elapsed = time.monotonic() - started
        conn.rollback()  # the tester leaves nothing behind
    with cast.owner.engine.connect() as conn:
        after = probe_count(conn)
    assert outcome[hidden] == "sip_desk: the identity number cannot be registered here"
    assert "Skydd" not in outcome[hidden] and str(plans["secret"].id) not in outcome[hidden]
    assert elapsed >= PENALTY_S
    assert after == before + 1  # counted although the caller rolled everything back
    # the application's own path gets a clear refusal; a number the user sees is as before
    services = cast.services("a")
    with pytest.raises(StoreError) as refused:
        services.plans.create_plan(person_data(identity_number=hidden))
    assert refused.value.code == "store.denied"
    with pytest.raises(PersonExistsError):
        services.plans.create_plan(person_data(identity_number=own))


def test_setup_lets_the_roles_use_a_schema_hardened_against_public(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    admin = StoreAdmin(cast.owner)
    with cast.owner.engine.begin() as conn:
        users, admins = admin.groups(conn)
        conn.execute(text(f'REVOKE USAGE ON SCHEMA public FROM PUBLIC, "{users}", "{admins}"'))
    try:
        with cast.engine("a").connect() as conn, pytest.raises(exc.ProgrammingError):
            conn.execute(text("SELECT id FROM plans"))
        admin.setup()
        with cast.engine("a").connect() as conn:
            seen = set(conn.execute(text("SELECT id FROM plans")).scalars())
        assert plans["a"].id in seen
    finally:
        with cast.owner.engine.begin() as conn:
            conn.execute(text("GRANT USAGE ON SCHEMA public TO PUBLIC"))
