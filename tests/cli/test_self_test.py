"""``sip-desk --self-test``: checks the installation offscreen; exit 0, or 1 naming what failed."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import sip_desk
from sip_desk import paths
from sip_desk.cli import run
from sip_desk.domain.languages import PRINT_LANGUAGES

ROOT = Path(sip_desk.__file__).resolve().parent.parent


def _lines(out: str) -> dict[str, str]:
    """Check name → its status word (``ok``, ``FAIL``, ``--``), from the printed lines."""
    found: dict[str, str] = {}
    for line in out.splitlines():
        status, _, rest = line.partition("  ")
        if status in {"ok", "FAIL", "--"}:
            found[rest.split("  (")[0].split(":")[0]] = status
    return found


def test_self_test_passes_every_check_and_removes_its_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    code = run(["--self-test"])

    out = capsys.readouterr().out
    checks = _lines(out)
    assert code == 0, out
    assert {f"pdf {lang}" for lang in PRINT_LANGUAGES} <= checks.keys()
    for name in ("store", "demo plans", "fonts", "qt platform", "calendar ics", "translations qm"):
        assert checks[name] == "ok", out
    assert checks["translations mo"] == "ok"
    assert "FAIL" not in checks.values()
    assert out.splitlines()[-1].startswith("self-test passed")
    assert list(tmp_path.iterdir()) == []  # the temporary store is gone


@pytest.mark.slow
def test_self_test_runs_as_a_program_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    env["TMPDIR"] = str(tmp_path)

    result = subprocess.run(
        [sys.executable, "-m", "sip_desk", "--self-test"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok  pdf ar" in result.stdout
    assert "Traceback" not in result.stderr


def test_self_test_with_its_resources_missing_exits_1_naming_them(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lost = ROOT / "sip_desk" / "no-resources-here"
    monkeypatch.setattr(paths, "resources_root", lambda: lost)

    code = run(["--self-test"])

    out = capsys.readouterr().out
    checks = _lines(out)
    assert code == 1
    assert checks["installation"] == checks["fonts"] == checks["translations qm"] == "FAIL"
    assert f"FAIL  installation: the resources folder {lost} is missing" in out
    assert f"sip_desk_sv.qm not found or empty in {lost / 'i18n'}" in out
    assert checks["translations mo"] == "ok"  # the catalogues live in the package
    last = out.splitlines()[-1]
    assert last.startswith("self-test FAILED")
    assert "installation" in last and "fonts" in last


def test_self_test_takes_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--self-test", "list"]) == 2
    assert "--self-test takes no command" in capsys.readouterr().err
