"""Set up and run SIP Desk from a source checkout, on any OS with Python 3.11+.

    python3 packaging/dev.py run [ARGS…]   # create .venv, install, start the app (GUI)
    python3 packaging/dev.py test [ARGS…]  # same with test extras; lint, type-check, pytest
    python3 packaging/dev.py guide [sv|en] # the user guide's screenshots, from the real app
    python3 packaging/dev.py freeze        # build the one-folder app dist/sip-desk/, self-test it

Everything goes into ``.venv`` beside the sources; nothing is installed system-wide. Extra
arguments go to ``sip-desk`` (run) or to pytest (test). The PostgreSQL tests run when
``SIP_DESK_TEST_PG_URL`` names a server (``.ci/run`` starts one); otherwise they are skipped.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
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


# The self-test lines the frozen app must print: the optional drivers are part of the bundle.
FROZEN_REQUIRED = ["ok  postgresql driver"]
if sys.platform == "linux" and platform.machine() == "x86_64":  # sqlcipher3-binary's wheels
    FROZEN_REQUIRED.append("ok  encryption sqlcipher")


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def freeze(args: list[str]) -> int:
    """Build dist/sip-desk with PyInstaller, then run its self-test offscreen; print the size."""
    python = _ensure_venv("[build]")
    started = time.perf_counter()
    spec = ROOT / "packaging" / "sip_desk.spec"
    code = subprocess.call(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", *args, str(spec)], cwd=ROOT
    )
    if code != 0:
        return code
    built = time.perf_counter() - started
    folder = ROOT / "dist" / "sip-desk"
    program = folder / ("sip-desk.exe" if os.name == "nt" else "sip-desk")
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env["QT_QPA_PLATFORM"] = "offscreen"
    print(f"$ {program.relative_to(ROOT)} --self-test", flush=True)
    result = subprocess.run(
        [str(program), "--self-test"],
        cwd=folder.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout, end="")
    print(result.stderr, end="", file=sys.stderr)
    missing = [line for line in FROZEN_REQUIRED if line not in result.stdout]
    size = _size(folder)
    print(f"bundle {folder.relative_to(ROOT)}: {size / 2**20:.0f} MiB; build {built:.0f} s")
    if result.returncode != 0:
        return result.returncode
    if missing:
        print(f"the bundle lacks: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


COMMANDS = {"run": run, "test": test, "freeze": freeze, "guide": guide}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
