"""Killed while typing without a pause: everything typed a second before the kill is stored.

A child process runs the real editor and types into "What matters to me", or into the "What is
done" cell of a stored action with the cell's editor open, one key every 150 ms
(tests/ui/editor/typing_child.py). The test kills it with SIGKILL at a random moment 2–6 s
into the typing, reopens the store and checks that the stored text starts with all that was
typed up to one second before the kill. Three trials of each run in the normal suite; the soak
run (``-m soak``) makes twenty of each and prints the figures.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.domain.action import ActionData
from sip_desk.domain.person import PersonData

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Att få bo kvar i min lägenhet, träffa mina barn varje helg och komma tillbaka till "
    "jobbet på lagret. Att slippa berätta allt från början för varje ny handläggare."
)
CELL_PREFIX = "Boendestöd"
"""The stored action's "What is done" before the caseworker goes back to describe it better."""
CELL_TEXT = (
    " två gånger i veckan: hjälp att handla, laga mat och betala räkningar, så att "
    "hyreskontraktet kan skrivas om i eget namn. Boendestödjaren ringer före varje besök."
)
WINDOW = 1.0
"""What was typed this many seconds before the kill must be stored."""
KILL_AFTER = (2.0, 6.0)
"""The kill comes at a random moment this many seconds into the typing."""


@dataclass(frozen=True)
class Trial:
    """What one kill showed: characters typed, due, stored, and how late the saves were."""

    target: str  # "field" or "cell"
    kill_after: float
    typed: int  # characters typed when the kill came
    due: int  # characters typed at least WINDOW before the kill
    stored: int  # characters found in the reopened store
    max_lag: float | None  # longest wait from a key to the save that stored it (None: no save)
    oldest_unsaved: float  # age at the kill of the oldest key not stored (0 if none)

    @property
    def lost(self) -> int:
        """Characters typed before the window yet not stored."""
        return max(0, self.due - self.stored)


@pytest.fixture(scope="module")
def trials(request: pytest.FixtureRequest) -> Iterator[list[Trial]]:
    """Collects the trials of this module and reports their figures at the end."""
    done: list[Trial] = []
    yield done
    if not done:
        return
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for target in sorted({t.target for t in done}):
            reporter.write_line(_figures(target, [t for t in done if t.target == target]))


def _figures(target: str, done: list[Trial]) -> str:
    lags = [t.max_lag for t in done if t.max_lag is not None]
    return (
        f"kill while typing into a {target}: {len(done)} trials, "
        f"{sum(t.typed for t in done)} characters "
        f"typed, {sum(t.typed - t.stored for t in done)} not yet stored at the kill, "
        f"{sum(t.lost for t in done)} lost beyond {WINDOW:.0f} s "
        f"(in {sum(1 for t in done if t.lost)} trials); "
        f"max lag key → stored {f'{max(lags) * 1000:.0f} ms' if lags else 'n/a (no save)'}, "
        f"oldest unsaved key at the kill {max(t.oldest_unsaved for t in done) * 1000:.0f} ms"
    )


def _new_store(tmp_path: Path, target: str) -> tuple[str, int]:
    store = str(tmp_path / "typing.sqlite")
    services = open_services(store)
    try:
        plan = services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
        if target == "cell":
            data = ActionData(description=CELL_PREFIX, organisation="Socialtjänsten")
            services.items.add("action", plan.id, plan.version, data)
    finally:
        services.ctx.db.dispose()
    return store, plan.id


def _stored_text(store: str, plan_id: int, target: str) -> str:
    """What the reopened store holds of the typed text."""
    reopened = open_services(store)
    try:
        plan = reopened.plans.get_plan(plan_id)
    finally:
        reopened.ctx.db.dispose()
    if target == "field":
        return plan.fields.what_matters
    description = plan.actions[0].description
    assert description.startswith(CELL_PREFIX), description
    return description.removeprefix(CELL_PREFIX)


def _events(lines: list[str], kind: str) -> list[tuple[float, int]]:
    """``(time, count)`` of each complete ``kind`` line the child wrote."""
    found = []
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[0] == kind:
            found.append((float(parts[1]), int(parts[2])))
    return found


def _max_lag(
    keys: list[tuple[float, int]], saves: list[tuple[float, int]], trimmed: str = ""
) -> float | None:
    """The longest time from a key press to the first save that stored its character.

    ``trimmed``: the text typed, when it is stored trimmed; then a space counts as stored with
    the letter after it, and its own lag is left out.
    """
    lags = []
    for pressed, count in keys:
        if trimmed and trimmed[count - 1].isspace():
            continue
        saved_at = next((t for t, stored in saves if stored >= count), None)
        if saved_at is not None:
            lags.append(saved_at - pressed)
    return max(lags, default=None)


def _kill_while_typing(tmp_path: Path, kill_after: float, target: str) -> tuple[Trial, str]:
    store, plan_id = _new_store(tmp_path, target)
    errors = tmp_path / "child.err"
    text, option = (CELL_TEXT, ["--cell"]) if target == "cell" else (TEXT, [])
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-m", "tests.ui.editor.typing_child", store, str(plan_id), text]
            + option,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as child,
    ):
        assert child.stdout is not None
        first = child.stdout.readline().strip()
        if first != "ready":
            child.kill()
            pytest.fail(f"the child did not start typing: {first!r} {errors.read_text()}")
        time.sleep(kill_after)  # the caseworker types on; then the machine dies
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        lines = child.stdout.read().splitlines()
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL, f"{lines[-3:]} {errors.read_text()}"
    keys, saves = _events(lines, "key"), _events(lines, "saved")
    assert "done" not in lines, "TEXT ran out before the kill: make it longer"
    stored = _stored_text(store, plan_id, target)
    typed = keys[-1][1] if keys else 0
    due = max((count for t, count in keys if t <= killed_at - WINDOW), default=0)
    # A stored action's text is trimmed: a space typed last is stored with the next letter.
    due = len(text[:due].rstrip())
    unsaved = [t for t, count in keys if count > len(stored)]
    trial = Trial(
        target=target,
        kill_after=kill_after,
        typed=typed,
        due=due,
        stored=len(stored),
        max_lag=_max_lag(keys, saves, text if target == "cell" else ""),
        oldest_unsaved=killed_at - unsaved[0] if unsaved else 0.0,
    )
    return trial, stored


def _check(tmp_path: Path, trials: list[Trial], target: str = "field") -> None:
    trial, stored = _kill_while_typing(tmp_path, random.uniform(*KILL_AFTER), target)
    trials.append(trial)
    text = CELL_TEXT if target == "cell" else TEXT
    assert text.startswith(stored), f"stored text is not what was typed: {stored!r}"
    assert stored.startswith(text[: trial.due]), (
        f"lost {trial.lost} characters typed over {WINDOW} s before the kill: {trial}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(3))
def test_sigkill_while_typing_steadily_keeps_all_typed_a_second_before(
    tmp_path: Path, trials: list[Trial], trial: int
) -> None:
    _check(tmp_path, trials)


@pytest.mark.soak
@pytest.mark.parametrize("trial", range(20))
def test_sigkill_while_typing_steadily_keeps_all_typed_a_second_before_soak(
    tmp_path: Path, trials: list[Trial], trial: int
) -> None:
    _check(tmp_path, trials)


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(3))
def test_sigkill_while_typing_steadily_into_a_table_cell_keeps_all_typed_a_second_before(
    tmp_path: Path, trials: list[Trial], trial: int
) -> None:
    _check(tmp_path, trials, "cell")


@pytest.mark.soak
@pytest.mark.parametrize("trial", range(20))
def test_sigkill_while_typing_steadily_into_a_table_cell_keeps_all_typed_a_second_before_soak(
    tmp_path: Path, trials: list[Trial], trial: int
) -> None:
    _check(tmp_path, trials, "cell")
