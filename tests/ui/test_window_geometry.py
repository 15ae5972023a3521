"""The main window's size is kept per screen scale: a window saved at 200 % does not reopen
at 100 % squeezed (it was 450×330), and each scale gets back its own size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, scale: int, resize: tuple[int, int] | None = None) -> tuple[str, str]:
    """Open and close the window in a fresh process at ``scale``; its (opened, closed) sizes."""
    screen = tmp_path / "screen.json"  # one 3840×2160 screen, as a 4K monitor
    screen.write_text(
        json.dumps({"screens": [{"name": "4k", "x": 0, "y": 0, "width": 3840, "height": 2160}]})
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": str(scale),
        "PYTHONPATH": str(ROOT),
    }
    extra = [str(n) for n in resize] if resize else []
    ini = str(tmp_path / "settings.ini")
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.geometry_child", ini, *extra],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    opened, closed = run.stdout.split()[-2:]
    return opened, closed


def test_each_scale_reopens_with_its_own_size(tmp_path: Path) -> None:
    assert _run(tmp_path, 2, (900, 600)) == ("1100x700", "900x600")

    assert _run(tmp_path, 1)[0] == "1100x700"  # never saved at 100 %: the default size
    assert _run(tmp_path, 2)[0] == "900x600"
    _run(tmp_path, 1, (1300, 850))
    assert _run(tmp_path, 1)[0] == "1300x850"
    assert _run(tmp_path, 2)[0] == "900x600"
