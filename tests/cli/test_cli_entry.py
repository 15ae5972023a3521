"""The entry point: no command opens the GUI without loading the store layers first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sip_desk import __version__
from sip_desk.cli import _gui_args, run


@pytest.mark.parametrize(
    ("argv", "given"),
    [
        ([], {}),
        (["--db", "x.sqlite"], {"db": "x.sqlite"}),
        (["--lang", "en", "--debug"], {"lang": "en", "debug": True}),
        (["--db=y.sqlite", "--lang=sv"], {"db": "y.sqlite", "lang": "sv"}),
    ],
)
def test_cli_without_a_command_opens_the_gui_with_the_global_options(
    argv: list[str], given: dict[str, object]
) -> None:
    args = _gui_args(argv)

    assert args is not None
    assert vars(args) == {"command": None, **given}  # the rest get their defaults in run()


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--db", "x.sqlite", "check", "1"],
        ["--help"],
        ["--version"],
        ["pdf", "--version", "1"],  # the plan version to print, not the program's
    ],
)
def test_cli_with_a_command_or_help_is_not_the_gui(argv: list[str]) -> None:
    assert _gui_args(argv) is None


def test_cli_list_on_a_new_store_prints_the_header_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["--db", str(tmp_path / "new.sqlite"), "--lang", "en", "list"])

    out = capsys.readouterr().out
    assert code == 0
    assert out.split() == ["Id", "Person", "Status", "Lead", "principal", "Next", "follow-up"]


def test_cli_version_prints_the_program_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["--version"])

    assert info.value.code == 0
    assert capsys.readouterr().out == f"sip-desk {__version__}\n"


def test_cli_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["--help"])

    out = capsys.readouterr().out
    assert info.value.code == 0
    assert out.startswith("usage: sip-desk")
    for command in ("list", "export", "import", "pdf", "demo"):
        assert f"    {command} " in out or f"    {command}\n" in out, command


def test_cli_pdf_of_a_missing_plan_says_so_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.pdf"
    db = str(tmp_path / "new.sqlite")

    code = run(["--db", db, "--lang", "en", "pdf", "--version", "1", "-o", str(target), "7"])

    assert code == 2
    err = capsys.readouterr().err
    assert err == "sip-desk: error: Cannot find plan 7. It may have been deleted.\n"
    assert not target.exists()


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


def test_the_window_without_a_display_says_so_instead_of_aborting(tmp_path) -> None:
    """An IT department starting the app over ssh got Qt's abort (exit 134) and "reinstalling
    may fix this"; the app now says what is wrong and what still works."""
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"), LANG="sv_SE.UTF-8")

    result = subprocess.run(
        [sys.executable, "-m", "sip_desk"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2, result.stdout + result.stderr
    assert "ingen skärm" in result.stderr and "--self-test" in result.stderr
    assert "Traceback" not in result.stderr
