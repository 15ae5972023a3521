"""Quitting after a long session never aborts Python (``Fatal Python error: none_dealloc``).

The cause (PySide6 6.12.0 hands out ``None`` for an empty QVariant without a reference of its
own) and the guard are in :mod:`sip_desk.ui.qt_refcounts`. The child is the real app, started
as a user starts it, with the reads a long session makes and a quit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6

ROOT = Path(__file__).resolve().parents[2]
AFFECTED = sys.version_info < (3, 12) and shiboken6.__version__ == "6.12.0"


def _session(store: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(store.parent)}
    return subprocess.run(
        [sys.executable, "-m", "tests.ui.long_session_child", str(store), *flags],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_quitting_after_a_long_session_ends_cleanly(tmp_path: Path) -> None:
    done = _session(tmp_path / "store.sqlite")

    assert "closed" in done.stdout, done.stderr
    assert "Fatal Python error" not in done.stderr
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
@pytest.mark.skipif(not AFFECTED, reason="only PySide6 6.12.0 on Python 3.11 loses references")
def test_without_the_guard_the_same_session_aborts(tmp_path: Path) -> None:
    done = _session(tmp_path / "store.sqlite", "--unguarded")

    assert done.returncode != 0 and "none_dealloc" in done.stderr
