"""Set up and run SIP Desk from a source checkout, on any OS with Python 3.11+.

    python3 packaging/dev.py run [ARGS…]   # create .venv, install, start the app (GUI)
    python3 packaging/dev.py test [ARGS…]  # same with test extras; lint, type-check, pytest
    python3 packaging/dev.py guide [sv|en] # the user guide's screenshots, from the real app

Everything goes into ``.venv`` beside the sources; nothing is installed system-wide. Extra
arguments go to ``sip-desk`` (run) or to pytest (test). The PostgreSQL tests run when
``SIP_DESK_TEST_PG_URL`` names a server (``.ci/run`` starts one); otherwise they are skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


def _python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def _ensure_venv(extras: str) -> Path:
    python = _python()
    if not python.exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    marker = VENV / f".installed{extras}"
    stamp = str((ROOT / "pyproject.toml").stat().st_mtime)
    if not marker.exists() or marker.read_text() != stamp:
        print("Installing SIP Desk and its dependencies …", flush=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                "-e",
                f".{extras}",
            ],
            cwd=ROOT,
            check=True,
        )
        marker.write_text(stamp)
    return python


def run(args: list[str]) -> int:
    python = _ensure_venv("")
    return subprocess.call([str(python), "-m", "sip_desk", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    python = _ensure_venv("[test]")
    # The virtual environment's tools first: a tool run by name is the project's own.
    path = os.pathsep.join([str(python.parent), os.environ.get("PATH", "")])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PATH=path)
    steps = [
        [str(python), "-m", "ruff", "check", "sip_desk", "tests", "bench", "packaging"],
        [str(python), "-m", "ruff", "format", "--check", "sip_desk", "tests", "bench", "packaging"],
        [str(python), "-m", "mypy"],
        [str(python), "-m", "pytest", *args],
    ]
    for step in steps:
        print("$", " ".join(step[1:]), flush=True)
        code = subprocess.call(step, cwd=ROOT, env=env)
        if code != 0:
            return code
    return 0


def guide(args: list[str]) -> int:
    """Take the screenshots of docs/guide again (offscreen: no display needed)."""
    python = _ensure_venv("")
    shots = str(ROOT / "packaging" / "guide_shots.py")
    return subprocess.call([str(python), shots, *args], cwd=ROOT)


def main() -> int:
    if sys.argv[1:2] == ["guide"]:
        return guide(sys.argv[2:])
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    return run(rest) if command == "run" else test(rest)


if __name__ == "__main__":
    sys.exit(main())
