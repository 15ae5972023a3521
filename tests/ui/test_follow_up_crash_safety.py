"""Killed while the person's own view is typed into the follow-up record: everything typed at
least a second before the kill is in the reopened store.

The child types one key every 150 ms and is killed at a random moment 1.5–5 s in. Three
trials run in the normal suite; the soak run (``-m soak``) makes twenty.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from tests.builders import PlanBuilder

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Jag har bott i min lägenhet sedan mars och vill fortsätta med stödet två gånger i veckan; "
    "det viktigaste för mig är att få behålla boendet och att min syster får vara med."
)
INTERVAL_MS = 150


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(3))
def test_follow_up_text_typed_a_second_before_sigkill_is_stored(tmp_path, trial) -> None:
    _kill_while_typing(tmp_path, trial)


@pytest.mark.soak
@pytest.mark.parametrize("trial", range(20))
def test_follow_up_text_typed_a_second_before_sigkill_is_stored_soak(tmp_path, trial) -> None:
    _kill_while_typing(tmp_path, 100 + trial)


def _kill_while_typing(tmp_path: Path, trial: int) -> None:
    store = str(tmp_path / "crash.sqlite")
    services = open_services(store)
    plan = PlanBuilder(services).complete()  # a follow-up is booked
    goal = plan.goals[0].id
    services.ctx.db.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    seen: list[tuple[float, int]] = []  # (when the parent read it, characters typed)
    command = [sys.executable, "-m", "tests.ui.editor.follow_up_crash_child"]
    with subprocess.Popen(
        [*command, store, str(plan.id), TEXT, str(INTERVAL_MS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            kill_after = random.Random(trial).uniform(1.5, 5.0)  # a random moment mid-typing
            started = time.monotonic()
            while time.monotonic() - started < kill_after:
                seen.append((time.monotonic(), int(child.stdout.readline())))
        finally:
            killed_at = time.monotonic()
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    reopened = open_services(store)
    try:
        draft = reopened.plans.get_plan(plan.id).follow_up_draft
        stored = draft.record.goal(goal).person_view if draft else ""
    finally:
        reopened.ctx.db.dispose()
    due = max((n for at, n in seen if at <= killed_at - 1.0), default=0)
    assert due > 0, "nothing was typed a second before the kill"
    assert TEXT.startswith(stored)
    assert len(stored) >= due, f"typed {due} characters a second before the kill, stored {stored!r}"
