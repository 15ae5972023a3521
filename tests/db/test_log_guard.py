"""The access log and audit trail on PostgreSQL name their writer and cannot be emptied.

Skipped when SIP_DESK_TEST_PG_URL is unset.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import exc, text

from sip_desk.cli import run
from tests.builders import PlanBuilder
from tests.db.pg_roles import Cast

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIP_DESK_SIGNING_KEY", str(tmp_path / "cli.key"))


def test_a_log_row_forged_with_another_users_name_is_refused_or_stored_under_the_writer(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = PlanBuilder(cast.services("a")).complete(first_name="Gun", last_name="Gran")
    # as the tester did, on a's own connection: a plain INSERT is refused outright
    for sql in (
        'INSERT INTO access_log (at, "user", unit, kind, person_id, plan_id, program, '
        "command, detail) VALUES (now(), :other, '', 'open', NULL, :p, 'cli', '', '')",
        'INSERT INTO audit_entries (id, at, "user", unit, action, plan_id, entity, '
        "entity_id, field, old, new) VALUES "
        "(999999, now(), :other, '', 'update', :p, 'plan', :p, 'reason', '', 'x')",
    ):
        with cast.engine("a").connect() as conn, pytest.raises(exc.ProgrammingError) as denied:
            conn.execute(text(sql), {"other": cast.roles["b"], "p": plan.id})
        assert "permission denied" in str(denied.value)
    # through the append function the row is stored under the writer, and chained
    forged = [
        {
            "at": "2026-12-01T10:00:00+00:00",
            "user": cast.roles["b"],
            "unit": "",
            "kind": k,
            "person_id": None,
            "plan_id": plan.id,
            "program": "cli",
            "command": "",
            "detail": "",
        }
        for k in ("open",)
    ]
    audit = [
        {
            "at": "2026-12-01T10:00:00+00:00",
            "user": cast.roles["b"],
            "unit": "",
            "action": "update",
            "plan_id": plan.id,
            "person_id": None,
            "entity": "plan",
            "entity_id": plan.id,
            "field": "reason",
            "old": "",
            "new": "x",
        }
    ]
    with cast.engine("a").begin() as conn:
        for log, rows in (("access_log", forged), ("audit_entries", audit)):
            conn.execute(
                text("SELECT sip_desk_log_append(:log, CAST(:rows AS jsonb))"),
                {"log": log, "rows": json.dumps(rows)},
            )
    with cast.owner.engine.connect() as conn:
        users = {
            table: set(
                conn.execute(
                    text(f'SELECT DISTINCT "user" FROM {table} WHERE plan_id = :p'),
                    {"p": plan.id},
                ).scalars()
            )
            for table in ("access_log", "audit_entries")
        }
    assert users == {"access_log": {cast.roles["a"]}, "audit_entries": {cast.roles["a"]}}
    assert run(["--db", cast.url("admin"), "--lang", "en", "log"]) == 0
    assert cast.roles["b"] not in capsys.readouterr().out


def test_no_one_can_truncate_the_logs_not_even_the_owner(cast: Cast) -> None:
    for engine in (cast.owner.engine, cast.engine("a")):
        for table in ("access_log", "audit_entries"):
            with engine.connect() as conn, pytest.raises(exc.DBAPIError) as caught:
                conn.execute(text(f"TRUNCATE {table}"))
            message = str(caught.value)
            assert "cannot be emptied" in message or "permission denied" in message
    with cast.owner.engine.connect() as conn, pytest.raises(exc.DBAPIError, match="emptied"):
        conn.execute(text("TRUNCATE access_log, audit_entries"))
