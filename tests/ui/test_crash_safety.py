"""Killing the app mid-edit loses nothing typed more than about a second before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.domain.person import PersonData

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Behöver stöd med boende; skrivet strax före kraschen."


@pytest.mark.slow
def test_text_typed_a_second_before_sigkill_is_in_the_reopened_store(tmp_path):
    store = str(tmp_path / "crash.sqlite")
    services = open_services(store)
    plan = services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    services.ctx.db.dispose()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-m", "tests.ui.editor.crash_child", store, str(plan.id), TEXT],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "typed"
            time.sleep(1.0)  # the caseworker types; a second later the machine dies
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    reopened = open_services(store)
    try:
        assert reopened.plans.get_plan(plan.id).fields.reason == TEXT
    finally:
        reopened.ctx.db.dispose()
