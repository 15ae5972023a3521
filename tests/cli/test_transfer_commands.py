from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.cli import run
from sip_desk.domain.audit import UserContext
from tests.builders import PlanBuilder


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, int]:
    """An SQLite store file holding one complete plan; returns (path, plan id)."""
    path = str(tmp_path / "store.sqlite")
    services = open_services(path, user=UserContext(user="anna.test"))
    try:
        plan = PlanBuilder(services).complete(first_name="Åsa", last_name="Öberg")
    finally:
        services.ctx.db.dispose()
    return path, plan.id


def _body(text: str) -> dict[str, Any]:
    """The document without ``exported_at`` (the command line uses the real clock)."""
    doc: dict[str, Any] = json.loads(text)
    del doc["exported_at"]
    return doc


def _plan_count(db: str, capsys: pytest.CaptureFixture[str]) -> int:
    assert run(["--db", db, "list", "--json"]) == 0
    return len(json.loads(capsys.readouterr().out))


def test_export_command_prints_the_plan_as_json(store, capsys) -> None:
    db, plan_id = store

    code = run(["--db", db, "export", str(plan_id)])

    out = capsys.readouterr().out
    assert code == 0
    doc = json.loads(out)
    assert (doc["format"], doc["schema_version"]) == ("sip-desk-plan", 2)
    assert doc["plan"]["person"]["last_name"] == "Öberg"
    assert '"Öberg"' in out


def test_export_command_writes_file_through_a_rename(store, tmp_path, capsys) -> None:
    db, plan_id = store
    target = tmp_path / "out" / "plan.json"
    target.parent.mkdir()
    target.write_text("old content", encoding="utf-8")

    code = run(["--db", db, "export", str(plan_id), "-o", str(target)])

    assert code == 0
    assert f"exporterades till {target}" in capsys.readouterr().out
    assert run(["--db", db, "export", str(plan_id)]) == 0
    assert _body(target.read_text(encoding="utf-8")) == _body(capsys.readouterr().out)
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]  # no temporary left


def test_export_command_into_missing_folder_fails_cleanly(store, tmp_path, capsys) -> None:
    db, plan_id = store
    target = tmp_path / "no" / "such" / "plan.json"

    code = run(["--db", db, "--lang", "en", "export", str(plan_id), "-o", str(target)])

    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("sip-desk: error: Could not save the file")
    assert not target.exists()


def test_export_command_for_unknown_plan_exits_2(store, capsys) -> None:
    db, _plan_id = store

    code = run(["--db", db, "export", "999"])

    assert code == 2
    assert "Hittar inte plan 999" in capsys.readouterr().err


def test_import_command_prints_new_plan_id_and_round_trips(store, tmp_path, capsys) -> None:
    db, plan_id = store
    first = tmp_path / "first.json"
    assert run(["--db", db, "export", str(plan_id), "-o", str(first)]) == 0
    capsys.readouterr()

    code = run(["--db", db, "import", str(first)])

    out = capsys.readouterr().out
    assert code == 0
    new_id = int(out.strip())
    assert new_id != plan_id
    assert run(["--db", db, "export", str(new_id)]) == 0
    assert _body(capsys.readouterr().out) == _body(first.read_text(encoding="utf-8"))


def test_import_command_into_a_new_store(store, tmp_path, capsys) -> None:
    db, plan_id = store
    file = tmp_path / "plan.json"
    other = str(tmp_path / "other.sqlite")
    assert run(["--db", db, "export", str(plan_id), "-o", str(file)]) == 0

    assert run(["--db", other, "import", str(file)]) == 0

    assert capsys.readouterr().out.splitlines()[-1] == "1"  # the first plan of that store
    assert _plan_count(other, capsys) == 1


def test_import_command_accepts_a_byte_order_mark(store, tmp_path, capsys) -> None:
    db, plan_id = store
    assert run(["--db", db, "export", str(plan_id)]) == 0
    file = tmp_path / "bom.json"
    file.write_bytes(b"\xef\xbb\xbf" + capsys.readouterr().out.encode("utf-8"))

    assert run(["--db", db, "import", str(file)]) == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": "sip-desk-plan", "schema_version": 1, "plan": {', "rad 1, kolumn 59"),
        ("hej", "inte giltig JSON"),
        ('{"format": "sip-desk-plan", "schema_version": 7}', "schemaversion 7"),
        (
            '{"format": "sip-desk-plan", "schema_version": 1}',
            "den obligatoriska nyckeln exported_at saknas",
        ),
    ],
)
def test_import_command_refuses_bad_file_and_changes_nothing(
    store, tmp_path, capsys, content, expected
) -> None:
    db, _plan_id = store
    file = tmp_path / "bad.json"
    file.write_text(content, encoding="utf-8")

    code = run(["--db", db, "import", str(file)])

    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.startswith("sip-desk: fel: ")
    assert expected in captured.err
    assert _plan_count(db, capsys) == 1


def test_import_command_reports_where_a_rule_is_broken_in_english(store, tmp_path, capsys) -> None:
    db, plan_id = store
    assert run(["--db", db, "export", str(plan_id)]) == 0
    doc = json.loads(capsys.readouterr().out)
    doc["plan"]["actions"][0]["end_date"] = "2001-01-01"
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(doc), encoding="utf-8")

    code = run(["--db", db, "--lang", "en", "import", str(file)])

    assert code == 2
    assert "$.plan.actions[0].end_date: The end date (2001-01-01)" in capsys.readouterr().err
    assert _plan_count(db, capsys) == 1


def test_import_command_for_missing_file_exits_2(store, tmp_path, capsys) -> None:
    db, _plan_id = store

    code = run(["--db", db, "import", str(tmp_path / "nothing.json")])

    assert code == 2
    assert "Kan inte läsa filen" in capsys.readouterr().err


def test_import_command_refuses_a_file_that_is_not_utf8(store, tmp_path, capsys) -> None:
    db, _plan_id = store
    file = tmp_path / "latin1.json"
    file.write_bytes('{"namn": "Åsa"}'.encode("latin-1"))

    code = run(["--db", db, "import", str(file)])

    assert code == 2
    assert "inte UTF-8-text (byte 10)" in capsys.readouterr().err
