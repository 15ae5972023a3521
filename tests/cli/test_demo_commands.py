from __future__ import annotations

import json

import pytest

from sip_desk.cli import run
from sip_desk.paths import resource


def test_demo_command_prints_the_cases_and_generated_plans(tmp_path, capsys) -> None:
    store = str(tmp_path / "demo.sqlite")

    code = run(["--db", store, "demo", "--plans", "30", "--seed", "4"])

    out = capsys.readouterr().out
    assert code == 0
    assert "Exempelplan skapad: vuxen, beroende och boende (plan 1)" in out
    assert "person med skyddad identitet" in out
    assert "30 fiktiva planer skapade" in out
    run(["--db", store, "list", "--json", "--limit", "500"])
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 34


def test_demo_command_twice_says_the_cases_exist(tmp_path, capsys) -> None:
    store = str(tmp_path / "demo.sqlite")
    run(["--db", store, "demo"])
    capsys.readouterr()

    code = run(["--db", store, "--lang", "en", "demo"])

    out = capsys.readouterr().out
    assert code == 0
    assert "Example plan created" not in out
    assert "The example plans were already there: adult, addiction and housing" in out


def test_demo_command_refuses_a_negative_count(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        run(["--db", str(tmp_path / "demo.sqlite"), "demo", "--plans", "-5"])

    assert info.value.code == 2
    assert "--plans: must be 0 or more" in capsys.readouterr().err


@pytest.mark.parametrize("key", ["adult", "youth", "family", "protected"])
def test_each_demo_file_is_a_plan_file_sip_desk_import_reads(tmp_path, capsys, key) -> None:
    store = str(tmp_path / "plain.sqlite")

    code = run(["--db", store, "import", str(resource("demo", f"{key}.json"))])

    assert code == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1"
