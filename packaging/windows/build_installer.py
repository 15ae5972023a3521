"""Build the Windows installer with the version from pyproject.toml.

    python packaging/windows/build_installer.py [--iscc PATH] [--dry-run]

Run on Windows from anywhere, after ``pyinstaller packaging/sip_desk.spec`` has written
``dist/sip-desk``. Calls Inno Setup's command-line compiler (``iscc``, on PATH or given with
``--iscc``) with ``/DAppVersion=<version>``; the installer lands in ``dist/``. ``--dry-run`` prints
the command instead of running it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "sip_desk.iss"


def project_version() -> str:
    """The version in pyproject.toml's [project] table."""
    with (ROOT / "pyproject.toml").open("rb") as fp:
        return str(tomllib.load(fp)["project"]["version"])


def iscc_command(iscc: str = "iscc") -> list[str]:
    """The compiler call that builds the installer of this version."""
    return [iscc, f"/DAppVersion={project_version()}", str(SCRIPT)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iscc", default="iscc", help="path of ISCC.exe (default: on PATH)")
    parser.add_argument("--dry-run", action="store_true", help="print the command, run nothing")
    args = parser.parse_args(argv)
    command = iscc_command(args.iscc)
    if args.dry_run:
        print(subprocess.list2cmdline(command))
        return 0
    if not (ROOT / "dist" / "sip-desk" / "sip-desk.exe").exists():
        print("dist/sip-desk/sip-desk.exe is missing: build it first (packaging/sip_desk.spec)")
        return 2
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
