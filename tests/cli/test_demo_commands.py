from __future__ import annotations

import json

import pytest

from sip_desk.cli import run


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
