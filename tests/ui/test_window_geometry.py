"""The main window's size is kept per screen scale: a window saved at 200 % does not reopen
at 100 % squeezed (it was 450×330), and each scale gets back its own size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(
    tmp_path: Path,
    scale: int,
    resize: tuple[int, ...] | None = None,
    screen_size: tuple[int, int] = (3840, 2160),  # as a 4K monitor
    inside: bool = True,
) -> tuple[str, str]:
    """Open and close the window in a fresh process at ``scale`` on one screen of
    ``screen_size``; its (opened, closed) sizes. It opens ``inside`` the screen's room or not."""
    screen = tmp_path / "screen.json"
    width, height = screen_size
    one = {"name": "one", "x": 0, "y": 0, "width": width, "height": height}
    screen.write_text(json.dumps({"screens": [one]}))
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
    where, opened, closed = run.stdout.split()[-3:]
    assert where == ("inside" if inside else "outside"), run.stdout + run.stderr
    return opened, closed


def test_each_scale_reopens_with_its_own_size(tmp_path: Path) -> None:
    assert _run(tmp_path, 2, (900, 600)) == ("1100x700", "900x600")

    assert _run(tmp_path, 1)[0] == "1100x700"  # never saved at 100 %: the default size
    assert _run(tmp_path, 2)[0] == "900x600"
    _run(tmp_path, 1, (1300, 850))
    assert _run(tmp_path, 1)[0] == "1300x850"
    assert _run(tmp_path, 2)[0] == "900x600"


def test_a_window_saved_on_a_larger_screen_is_moved_onto_a_smaller_one(tmp_path: Path) -> None:
    """Saved at 1800×1000 at (100, 60) on 1920×1080, reopened on 1366×768: on the screen, as
    large as it fits (it was 738×309: Qt's own restore squeezes it), never tiny."""
    full_hd, laptop = (1920, 1080), (1366, 768)
    _run(tmp_path, 1, (1800, 1000, 100, 60), screen_size=full_hd)

    opened, _closed = _run(tmp_path, 1, screen_size=laptop)

    assert opened == "1362x764"  # the whole room, less the offscreen platform's 2 px frame


def test_a_small_saved_window_keeps_its_size_and_moves_onto_the_screen(tmp_path: Path) -> None:
    _run(tmp_path, 1, (900, 600, 1500, 700), screen_size=(1920, 1080))

    assert _run(tmp_path, 1, screen_size=(1366, 768))[0] == "900x600"


def test_the_default_size_fits_a_small_screen_at_200_percent(tmp_path: Path) -> None:
    """1366×768 at 200 % is 683×384 logical pixels: the first window fits in it."""
    assert _run(tmp_path, 2, screen_size=(1366, 768))[0] == "681x382"  # less the frame
