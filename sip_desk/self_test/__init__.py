"""``sip-desk --self-test``: check that this installation works, without a display.

For an IT department after installing, and for CI on the frozen app and the wheel. In a temporary
store (a folder removed afterwards) it loads the demo plans, prints a demo plan as PDF in every
print language and checks each PDF (it opens, has pages, holds the title in that language, every
font is embedded and comes from inside the installation), writes a calendar file and reads it
back, and loads the translations (Qt's ``.qm`` and the gettext ``.mo`` catalogues). The optional
drivers (PostgreSQL, SQLCipher) are checked when installed.

One line per check (``ok  pdf sv``; ``FAIL  pdf ti: …`` naming what failed); exit 0 when all
pass, 1 otherwise. Nothing is shown on screen. Without a display (and without a platform chosen
in ``QT_QPA_PLATFORM``) Qt runs on its offscreen platform; with one, the desktop's platform plugin
is loaded, so the check covers it too. Heavy modules are imported inside the checks, so a missing
one fails its check instead of the whole run.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sip_desk.self_test.base import CheckFailed, Optional
from sip_desk.self_test.checks import SelfTest


def run(out: TextIO | None = None) -> int:
    """Run every check, print one line each, and return 0 when all pass, else 1."""
    stream = out or sys.stdout
    if not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="sip-desk-self-test-"))
    failed: list[str] = []

    def report(line: str) -> None:
        print(line, file=stream, flush=True)

    test = SelfTest(folder)
    try:
        for name, check in test.checks():
            _run_check(name, check, report, failed)
    finally:
        test.close()
        shutil.rmtree(folder, ignore_errors=True)
    seconds = time.perf_counter() - started
    if failed:
        report(f"self-test FAILED ({len(failed)}): {', '.join(failed)} [{seconds:.1f} s]")
        return 1
    report(f"self-test passed [{seconds:.1f} s]")
    return 0


def _has_display() -> bool:
    """True where Qt's own platform can start: Windows, macOS, or an X11/Wayland session."""
    if sys.platform in {"win32", "darwin"}:
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_check(
    name: str, check: Callable[[], str], report: Callable[[str], None], failed: list[str]
) -> None:
    try:
        detail = check()
    except Optional as skipped:
        report(f"--  {name}: {skipped}")
        return
    except CheckFailed as error:
        reason = str(error)
    except Exception as error:  # anything else is a failure of this check, named
        reason = f"{type(error).__name__}: {error}"
    else:
        report(f"ok  {name}{f'  ({detail})' if detail else ''}")
        return
    failed.append(name)
    report(f"FAIL  {name}: {reason}")
