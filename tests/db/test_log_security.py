"""Row-level security on the access log and the audit trail on a real PostgreSQL store.

An ordinary user reads their own access-log rows and the audit rows of the plans they may see,
never the hash columns; they append and check the chains through functions that hand back a
verdict only. The log reviewer reads every row. Skipped when SIP_DESK_TEST_PG_URL is unset.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, exc, text

from sip_desk.cli import run
from sip_desk.db.append_only import append_only_statements
from sip_desk.db.chain import AUDIT_TRAIL, first_break, row_hash
from sip_desk.db.migrate import alembic_config
from sip_desk.domain.plan import PlanDetail
from tests.builders import PlanBuilder
from tests.db.pg_roles import Cast, temp_tables_allowed

pytestmark = pytest.mark.postgres

_ACCESS = 'SELECT id, "user", person_id, plan_id FROM access_log'
_AUDIT = 'SELECT id, "user", plan_id, old, new FROM audit_entries'


@pytest.fixture(scope="module")
def plans(cast: Cast) -> dict[str, PlanDetail]:
    """A's plan and B's plan, each opened (and so logged) by its own unit."""
    made = {
        "a": PlanBuilder(cast.services("a")).complete(first_name="Alva", last_name="Ahlgren"),
        "b": PlanBuilder(cast.services("b")).complete(first_name="Berit", last_name="Borg"),
    }
    cast.services("a").plans.open_plan(made["a"].id)
    cast.services("b").plans.open_plan(made["b"].id)
    return made


@pytest.fixture(autouse=True)
def _key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIP_DESK_SIGNING_KEY", str(tmp_path / "cli.key"))


def _rows(conn: Connection, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(text(sql))]


def test_a_reads_only_their_own_access_rows_and_the_audit_rows_of_their_plans(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    b_plan = plans["b"].id
    with cast.engine("a").connect() as conn:
        access = _rows(conn, _ACCESS)
        audit = _rows(conn, _AUDIT)
        filtered = conn.execute(
            text("SELECT count(*) FROM audit_entries WHERE plan_id = :b"), {"b": b_plan}
        ).scalar_one()
    assert access and {user for _, user, _, _ in access} == {cast.roles["a"]}
    assert b_plan not in {plan for _, _, _, plan in access}
    assert audit and b_plan not in {plan for _, _, plan, _, _ in audit}
    assert plans["a"].id in {plan for _, _, plan, _, _ in audit}
    assert cast.roles["b"] not in {user for _, user, _, _, _ in audit}
    assert "Borg" not in json.dumps([r[3:] for r in audit], ensure_ascii=False)
    assert filtered == 0


def test_a_colleague_of_the_same_unit_sees_the_plans_changes_but_not_who_read_it(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    with cast.engine("a2").connect() as conn:
        audit_plans = {r[2] for r in _rows(conn, _AUDIT)}
        readers = {r[1] for r in _rows(conn, _ACCESS)}
    assert plans["a"].id in audit_plans and plans["b"].id not in audit_plans
    assert cast.roles["a"] not in readers


def test_a_cannot_read_the_hashes_insert_rows_or_call_the_hash_function(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    refused = (
        "SELECT * FROM access_log",
        "SELECT row_hash FROM access_log",
        "SELECT prev_hash FROM audit_entries",
        "SELECT * FROM audit_entries",
        'INSERT INTO access_log (at, "user", unit, kind, program, command, detail) '
        "VALUES (now(), 'x', '', 'open', 'cli', '', '')",
        "SELECT sip_desk_log_hash('0', now(), '{}'::jsonb, ARRAY['id'])",
    )
    for sql in refused:
        with cast.engine("a").connect() as conn, pytest.raises(exc.ProgrammingError) as denied:
            conn.execute(text(sql))
        assert "permission denied" in str(denied.value), sql
    # the functions an ordinary user may call hand back no row of the log
    with cast.engine("a").connect() as conn, pytest.raises(exc.DBAPIError, match="no log"):
        conn.execute(text("SELECT * FROM sip_desk_log_check('plans')"))


def test_a_opens_their_plan_appending_through_the_function_and_gets_a_verdict(
    cast: Cast, plans: dict[str, PlanDetail], capsys: pytest.CaptureFixture[str]
) -> None:
    with cast.owner.engine.connect() as conn:
        before = conn.execute(text("SELECT max(id) FROM access_log")).scalar_one()
    cast.services("a").plans.open_plan(plans["a"].id)
    with cast.engine("a").connect() as conn:
        verdict = conn.execute(text("SELECT * FROM sip_desk_log_check('access_log')")).one()
        mine = conn.execute(
            text('SELECT "user", plan_id FROM access_log WHERE id > :b'), {"b": before}
        ).all()
    with cast.owner.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM access_log")).scalar_one()
    assert [tuple(r) for r in mine] == [(cast.roles["a"], plans["a"].id)]
    # rows read, no break, the count, and no hash for an ordinary user
    assert tuple(verdict) == (count, None, None, count, None)
    assert run(["--db", cast.url("a"), "--lang", "en", "log"]) == 0
    out = capsys.readouterr().out
    assert "Chain check: intact" in out and "Newest hashes" not in out
    assert cast.roles["b"] not in out


def test_the_log_reviewer_sees_every_row_and_the_newest_hashes(
    cast: Cast, plans: dict[str, PlanDetail], capsys: pytest.CaptureFixture[str]
) -> None:
    with cast.owner.engine.connect() as conn:
        everything = {t: _rows(conn, f"SELECT * FROM {t} ORDER BY id") for t in ("access_log",)}
        audit = _rows(conn, "SELECT * FROM audit_entries ORDER BY id")
        newest = conn.execute(
            text("SELECT row_hash FROM audit_entries ORDER BY id DESC LIMIT 1")
        ).scalar_one()
    with cast.engine("reviewer").connect() as conn:
        access = _rows(conn, "SELECT * FROM access_log ORDER BY id")
        assert _rows(conn, "SELECT * FROM audit_entries ORDER BY id") == audit
        verdict = conn.execute(text("SELECT * FROM sip_desk_log_check('audit_entries')")).one()
    assert access[: len(everything["access_log"])] == everything["access_log"]
    assert verdict.tail_hash == newest and verdict.break_id is None
    # the review names both units' readers; the administrator alone does not see them
    assert run(["--db", cast.url("reviewer"), "--lang", "en", "log"]) == 0
    reviewed = capsys.readouterr().out
    assert cast.roles["a"] in reviewed and cast.roles["b"] in reviewed and newest in reviewed
    with cast.engine("admin").connect() as conn:
        seen = {r[1] for r in _rows(conn, _ACCESS)}
    assert seen <= {cast.roles["admin"]}


def test_rows_hashed_in_the_database_verify_with_the_programs_hash(cast: Cast) -> None:
    awkward = 'Åsa "Öberg" \\ tab\there\nnew line \x01 \u2028 😀 / é'
    with cast.owner.engine.begin() as conn:
        conn.execute(
            text("SELECT sip_desk_log_append('audit_entries', CAST(:rows AS jsonb))"),
            {
                "rows": json.dumps(
                    [
                        {
                            "at": "2026-12-01T09:08:07.654321+01:00",
                            "user": "granskare",
                            "unit": awkward,
                            "action": "update",
                            "plan_id": None,
                            "person_id": None,
                            "entity": "plan",
                            "entity_id": 7,
                            "field": "reason",
                            "old": None,
                            "new": awkward,
                        }
                    ]
                )
            },
        )
    with cast.owner.engine.connect() as conn:
        row = (
            conn.execute(text("SELECT * FROM audit_entries ORDER BY id DESC LIMIT 1"))
            .mappings()
            .one()
        )
        read, broken = first_break(conn, AUDIT_TRAIL.name)
    assert row["new"] == awkward
    assert row_hash(AUDIT_TRAIL, row["prev_hash"], row) == row["row_hash"]
    assert broken is None and read >= 1


def test_the_migration_goes_down_and_up_again(cast: Cast, plans: dict[str, PlanDetail]) -> None:
    def migrate(target: str) -> None:
        with cast.owner.engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            if target == "head":
                command.upgrade(config, "head")
            else:
                command.downgrade(config, target)

    migrate("0011_plan_person_guard")
    try:
        with cast.engine("a").connect() as conn:  # as before: every row, hashes too
            users = {r[2] for r in _rows(conn, "SELECT * FROM access_log")}
        assert cast.roles["b"] in users
    finally:
        migrate("head")
    with cast.engine("a").connect() as conn:
        assert {r[1] for r in _rows(conn, _ACCESS)} == {cast.roles["a"]}
    cast.services("a").plans.open_plan(plans["a"].id)  # the users group may append again


def test_an_ordinary_user_is_told_where_the_chain_breaks(
    cast: Cast, plans: dict[str, PlanDetail], capsys: pytest.CaptureFixture[str]
) -> None:
    # the owner (who alone can drop the triggers) changes one of b's rows; last in this module
    with cast.owner.engine.begin() as conn:
        target = conn.execute(
            text('SELECT min(id) FROM access_log WHERE "user" = :b'), {"b": cast.roles["b"]}
        ).scalar_one()
        for statement in append_only_statements("postgresql", drop=True):
            conn.execute(text(statement))
        conn.execute(text("UPDATE access_log SET detail = 'x' WHERE id = :t"), {"t": target})
        for statement in append_only_statements("postgresql"):
            conn.execute(text(statement))

    assert run(["--db", cast.url("a"), "--lang", "en", "log"]) == 1
    out = capsys.readouterr().out
    assert f"row {target}" in out
    with cast.engine("a").connect() as conn:
        verdict = conn.execute(text("SELECT * FROM sip_desk_log_check('access_log')")).one()
    assert (verdict.break_id, verdict.break_kind) == (target, "altered")


def test_a_temporary_table_of_the_users_own_does_not_stand_in_for_a_store_table(
    cast: Cast, plans: dict[str, PlanDetail]
) -> None:
    # pg_temp is searched first unless a function's search_path names it: a user's own
    # temporary ``participants`` would otherwise name them on any plan
    b_plan = plans["b"].id
    check = text("SELECT * FROM sip_desk_log_check('access_log')")
    with temp_tables_allowed(cast), cast.engine("a").connect() as conn:
        before = conn.execute(check).one()
        conn.execute(
            text("CREATE TEMP TABLE participants (plan_id integer, db_role text, unit_id integer)")
        )
        conn.execute(
            text("INSERT INTO pg_temp.participants VALUES (:p, :me, NULL)"),
            {"p": b_plan, "me": cast.roles["a"]},
        )
        conn.execute(text('CREATE TEMP TABLE access_log (id integer, "user" text)'))
        conn.execute(text("GRANT SELECT ON pg_temp.participants, pg_temp.access_log TO PUBLIC"))
        seen = set(conn.execute(text("SELECT id FROM public.plans")).scalars())
        verdict = conn.execute(check).one()
        conn.rollback()
    assert b_plan not in seen
    assert verdict == before and verdict.row_count > 0
