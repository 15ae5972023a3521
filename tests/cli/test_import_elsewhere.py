"""Importing a plan whose person is stored in a unit the user cannot see (PostgreSQL).

The refusal must not tell the user that the person exists elsewhere, and it is logged for the
log review. Skipped when SIP_DESK_TEST_PG_URL is unset.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from sip_desk.cli import run
from tests.builders import PlanBuilder
from tests.db.pg_roles import Cast

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIP_DESK_SIGNING_KEY", str(tmp_path / "cli.key"))


def _count(cast: Cast, sql: str, **params: object) -> int:
    with cast.owner.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_a_person_stored_in_another_unit_is_refused_without_saying_so_and_logged(
    cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    plan = PlanBuilder(cast.services("a")).complete(first_name="Dora", last_name="Dal")
    exported = tmp_path / "dora.json"
    assert run(["--db", cast.url("a"), "export", str(plan.id), "-o", str(exported)]) == 0
    pnr = plan.person.identity_number
    assert pnr
    capsys.readouterr()
    plans_before = _count(cast, "SELECT count(*) FROM plans")
    persons_before = _count(cast, "SELECT count(*) FROM persons")

    code = run(["--db", cast.url("b"), "--lang", lang, "import", str(exported)])

    err = capsys.readouterr().err
    assert code == 2
    expected = {
        "en": "This plan cannot be imported with your rights in this store. Nothing was imported.",
        "sv": "Planen kan inte importeras med dina behörigheter i den här databasen. Ingenting",
    }[lang]
    assert expected in err
    for hint in ("duplicate", "unique", "exists", "finns", "already", "redan", "persons", "key"):
        assert hint not in err.lower(), hint
    # nothing half-written, and the attempt is in the log under b, without the person's id
    assert _count(cast, "SELECT count(*) FROM plans") == plans_before
    assert _count(cast, "SELECT count(*) FROM persons") == persons_before
    with cast.owner.engine.connect() as conn:
        refused = conn.execute(
            text(
                'SELECT "user", kind, person_id, plan_id, detail FROM access_log '
                "WHERE detail LIKE 'refused%' ORDER BY id DESC LIMIT 1"
            )
        ).one()
    assert tuple(refused) == (cast.roles["b"], "import", None, None, f"refused: {pnr}")
    # the log reviewer finds the attempt by the identity number
    assert run(["--db", cast.url("reviewer"), "--lang", "en", "log", "--person", pnr]) == 0
    reviewed = capsys.readouterr().out
    assert f"refused: {pnr}" in reviewed and cast.roles["b"] in reviewed
