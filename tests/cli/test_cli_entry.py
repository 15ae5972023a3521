"""The entry point: no command opens the GUI without loading the store layers first."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sip_desk.cli import _gui_args, run


@pytest.mark.parametrize("argv", [[], ["--db", "x.sqlite"], ["--lang", "en", "--debug"]])
def test_cli_without_a_command_means_the_gui(argv: list[str]) -> None:
    assert _gui_args(argv) is not None


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--db", "x.sqlite", "check", "1"],
        ["--help"],
        ["--version"],
        ["pdf", "--version", "1"],
    ],
)
def test_cli_with_a_command_or_help_is_not_the_gui(argv: list[str]) -> None:
    assert _gui_args(argv) is None


def test_cli_gui_path_imports_no_database_code() -> None:
    code = (
        "import sys, sip_desk.app\n"
        "sip_desk.app.run = lambda args: 0\n"
        "from sip_desk.cli import run\n"
        "run(['--db', 'x.sqlite'])\n"
        "bad = [m for m in ('sqlalchemy', 'sip_desk.services.registry') if m in sys.modules]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["no-such-command"])

    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
