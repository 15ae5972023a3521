"""``sip-desk import`` of files that were once tracebacks: now a located message, exit code 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sip_desk.cli import run
from tests.cli.store_dump import dump


@pytest.fixture
def exported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, Any]]:
    """A store with the demo cases, and the first plan exported from it."""
    store = tmp_path / "store.sqlite"
    assert run(["--db", str(store), "demo"]) == 0
    capsys.readouterr()
    assert run(["--db", str(store), "export", "1"]) == 0
    return store, json.loads(capsys.readouterr().out)


def _import(store: Path, doc: dict[str, Any], tmp_path: Path, lang: str = "sv") -> int:
    file = tmp_path / "plan.json"
    file.write_text(json.dumps(doc), encoding="utf-8")  # still valid UTF-8: \ud800 stays escaped
    return run(["--db", str(store), "--lang", lang, "import", str(file)])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("created_at", "9999-12-31T23:59:59-14:00"),
        ("updated_at", "0001-01-01T00:00:00+14:00"),
    ],
)
def test_import_moment_beyond_the_range_is_refused_and_changes_nothing(
    exported, tmp_path, capsys, field, value
) -> None:
    store, doc = exported
    doc["plan"][field] = value
    before = dump(store)

    code = _import(store, doc, tmp_path)

    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        f"sip-desk: fel: Filen kan inte läsas in. Fel vid $.plan.{field}: "
        f"'{value}' passar inte i fältet\n"
    )
    assert dump(store) == before


@pytest.mark.parametrize(
    ("place", "where"),
    [
        (("person", "first_name"), "$.plan.person.first_name"),
        (("goals", 0, "text"), "$.plan.goals[0].text"),
    ],
)
def test_import_half_a_surrogate_pair_is_refused_where_it_is(
    exported, tmp_path, capsys, place, where
) -> None:
    store, doc = exported
    target = doc["plan"]
    for part in place[:-1]:
        target = target[part]
    target[place[-1]] = "Jo\ud800nas"
    before = dump(store)

    code = _import(store, doc, tmp_path, lang="en")

    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"sip-desk: error: The file cannot be imported. Error at {where}: ")
    assert "\\ud800" in err
    assert dump(store) == before
