"""The main window fits the screen it is on, at 100 % and 200 % and with large text: its plan
list, its worklist (with a range of dates shown) and an open plan; and so do the print preview
(Ctrl+P), the new-plan dialog (Ctrl+N) and the settings (Ctrl+,) opened from it. Widgets wrap,
stack or cut their text short instead of widening the window past the screen (it could not be
narrowed).

Each case is the app in a child process on one offscreen screen of the size given, driven by
keys (Ctrl+Shift+L, Ctrl+2, the time span list, Enter on a plan, the dialogs' keys) as a user
would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _open_everything(
    tmp_path: Path, width: int, height: int, scale: int, large: bool
) -> dict[str, Any]:
    screen = {"name": "one", "x": 0, "y": 0, "width": width, "height": height}
    screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(
        os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale)
    )
    env.pop("SHOTS", None)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.layout_child",
            str(tmp_path),
            *(["large"] if large else []),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    found: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize(
    ("width", "height", "scale", "large"),
    [(1366, 768, 1, True), (1366, 768, 2, False), (1366, 768, 2, True), (1920, 1080, 2, True)],
)
def test_every_tab_fits_the_screen(tmp_path: Path, width, height, scale, large) -> None:
    found = _open_everything(tmp_path, width, height, scale, large)
    room_width, room_height = found["room"]

    for step in (
        "plan_list",
        "worklist",
        "worklist_dates",
        "print_preview",
        "new_plan",
        "settings",
    ):
        assert found[step]["inside"], (step, found)
        assert found[step]["min_width"] <= room_width, (step, found)
        assert found[step]["min_height"] <= room_height, (step, found)
    assert found["editor"]["min_width"] <= room_width, found


@pytest.mark.parametrize(("scale", "large"), [(1, True), (2, True)])
def test_the_lists_never_scroll_sideways(tmp_path: Path, scale: int, large: bool) -> None:
    found = _open_everything(tmp_path, 1366, 768, scale, large)

    for step in ("plan_list", "worklist", "worklist_dates", "editor"):
        assert found[step]["plan_list_scrolls_sideways"] is False, (step, found)
    for step in ("worklist", "worklist_dates"):
        assert found[step]["worklist_scrolls_sideways"] is False, (step, found)
    assert found["dates_in_sight"], found  # "Dates…" chosen: both dates wholly in sight


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, 1), (1920, 1080, 2)])
def test_what_each_row_is_stays_readable_in_the_editor_tables(
    tmp_path: Path, width: int, height: int, scale: int
) -> None:
    """With large text on a small screen the tables of actions, participants and consents had
    every column squeezed: "What is done" 86 px wide (words cut mid-word, rows nine lines
    tall), headers clipped. Now the least essential columns leave the table (they stay in the
    row's form, Ctrl+Enter) and what the row is stays readable."""
    found = _open_everything(tmp_path, width, height, scale, large=True)
    tables = found["editor_tables"]

    for name in ("action_table", "participant_table", "consent_table"):
        table = tables[name]
        assert table["rows"] > 1, (name, table)
        assert table["headers_cut"] == [], (name, table)
        assert table["required_width"] >= table["longest_word"], (name, table)  # no word cut
        wanted = min(table["required_needs"], table["room"] // 3)
        assert table["required_width"] >= wanted, (name, table)
    for name in ("action_table", "participant_table"):  # a consent's long text may wrap more
        assert tables[name]["tallest_row_lines"] <= 4, (name, tables[name])
    assert "Principal" in tables["action_table"]["left_out"], tables  # the first to give way
    assert "Status" not in tables["action_table"]["left_out"], tables  # the last
