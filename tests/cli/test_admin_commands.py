"""``sip-desk admin``: units and memberships on both backends, login roles on PostgreSQL."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

from sip_desk.cli import run
from sip_desk.db.engine import Database
from sip_desk.db.roles import StoreAdmin


def _admin(store: str, *argv: str, lang: str = "en") -> list[str]:
    return ["--db", store, "--lang", lang, "admin", *argv]


def test_units_and_memberships_on_a_local_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "s.sqlite")
    unit_args = ("unit", "add", "Vuxenenheten", "--organisation", "Testkommun")
    assert run(_admin(store, *unit_args)) == 0
    assert "Unit Vuxenenheten has id 1" in capsys.readouterr().out
    assert run(_admin(store, *unit_args)) == 0  # an existing unit keeps its id
    assert "has id 1" in capsys.readouterr().out

    assert (
        run(_admin(store, "member", "add", "anna.berg", "--unit", "Testkommun/Vuxenenheten")) == 0
    )
    captured = capsys.readouterr()
    assert "anna.berg is now a member" in captured.out
    assert "memberships are kept but do not limit" in captured.err
    assert run(_admin(store, "unit", "list", "--json")) == 0
    (unit,) = json.loads(capsys.readouterr().out)
    assert (unit["organisation"], unit["name"], unit["members"]) == (
        "Testkommun",
        "Vuxenenheten",
        1,
    )

    assert run(_admin(store, "member", "remove", "anna.berg", "--unit", "1")) == 0
    capsys.readouterr()
    assert run(_admin(store, "member", "remove", "anna.berg", "--unit", "1", lang="sv")) == 2
    assert "anna.berg är inte medlem i 1" in capsys.readouterr().err
    assert run(_admin(store, "member", "list", "--json")) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("role", "add", "anna"), "Databasroller finns bara i en delad PostgreSQL-databas"),
        (("grant-app-role", "anna"), "Databasroller finns bara i en delad PostgreSQL-databas"),
        (("member", "add", "anna", "--unit", "9"), 'Det finns ingen enhet "9"'),
        (("member", "add", "x; DROP TABLE plans", "--unit", "1"), "kan inte användas som rollnamn"),
    ],
)
def test_bad_requests_get_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    store = str(tmp_path / "s.sqlite")
    assert run(_admin(store, "unit", "add", "Enhet", "--organisation", "Org")) == 0
    capsys.readouterr()

    assert run(_admin(store, *argv, lang="sv")) == 2

    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.postgres
def test_the_dba_adds_a_login_role_who_is_then_the_user(
    _pg_database: Database | None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if _pg_database is None:
        pytest.skip("PostgreSQL not configured (SIP_DESK_TEST_PG_URL unset)")
    monkeypatch.setenv("SIP_DESK_SIGNING_KEY", str(tmp_path / "k.key"))
    owner = _pg_database.engine.url.render_as_string(hide_password=False)
    role = f"sipt{os.getpid()}{uuid.uuid4().hex[:6]}_cli"
    password = tmp_path / "pw"
    password.write_text("hemligt-" + uuid.uuid4().hex + "\n", "utf-8")
    password.chmod(0o600)  # a secret file: its owner's only
    try:
        assert run(_admin(owner, "unit", "add", "Cli-enheten", "--organisation", "Testkommun")) == 0
        args = ("role", "add", role, "--unit", "Cli-enheten", "--password-file", str(password))
        assert run(_admin(owner, *args)) == 0
        assert f"Role {role} created" in capsys.readouterr().out

        url = make_url(owner).set(username=role, password=password.read_text("utf-8").strip())
        mine = url.render_as_string(hide_password=False)
        assert run(["--db", mine, "--lang", "en", "--user", "mallory", "list", "--json"]) == 0
        captured = capsys.readouterr()
        assert f"--user is ignored on a shared store: you are {role}" in captured.err
        assert json.loads(captured.out) == []

        assert run(_admin(owner, "role", "remove", role)) == 0
        with _pg_database.engine.connect() as conn:
            left = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
            assert left.scalar() is None
    finally:
        _drop_groups(_pg_database, role)


def _drop_groups(db: Database, role: str) -> None:
    admin = StoreAdmin(db)
    with db.engine.begin() as conn:
        for name in (role, *admin.groups(conn), admin.reviewer_group(conn)):
            if conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}
            ).scalar():
                conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{name}"'))
                conn.execute(text(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "{name}"'))
                conn.execute(text(f'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM "{name}"'))
                conn.execute(text(f'REVOKE ALL ON SCHEMA public FROM "{name}"'))
                conn.execute(text(f'DROP ROLE "{name}"'))
        conn.execute(text("DELETE FROM memberships"))
