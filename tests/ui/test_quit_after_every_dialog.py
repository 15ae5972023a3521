"""Every window and dialog opened and closed, then quit: the app ends cleanly, run after run.

Each trial is a new process of the real app (tests/ui/every_dialog_child.py) on a new store:
demo data loaded, every window and dialog opened by its key (or menu entry) and closed, a plan
printed in Arabic, edited against another copy's change, signed, the language switched, then
Ctrl+Q. The crash this guards against came at quit (``Fatal Python error: none_dealloc``, see
:mod:`sip_desk.ui.qt_refcounts`), so every trial quits. Three trials run in the normal suite;
the soak run (``-m soak``) makes twenty, and one session of twenty rounds before its quit.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.domain.enums import VersionState
from tests.ui import every_dialog_child

ROOT = Path(__file__).resolve().parents[2]


def closed_in_round(number: int) -> list[str]:
    """The windows a round closes, in order, as the child names them."""
    return [
        "NewPlanDialog",
        "SettingsDialog",
        "CaseloadDialog",
        "WorklistPanel",
        "QInputDialog generateDemoDialog",
        "QMessageBox",  # the delete question
        "QFileDialog",  # save as PDF, cancelled
        f"QFileDialog plan-{number}.json",
        f"QFileDialog changed-{number}.json",
        "ImportPersonDialog",
        f"QFileDialog broken-{number}.json",
        "QMessageBox warningBox",  # the broken file was not imported
        "StoreErrorDialog",
        "MeetingModeWindow",
        "QPrintDialog",
        "PrintPreviewDialog ar",
        "ConflictDialog",
        "QMessageBox discardBox",  # a stray Escape in the signing dialog asks first
        "SigningDialog signed",
        "PlanEditor",
        "QMenu recentPlansMenu",
        "QMenu fileMenu",
        "MainWindow sv" if number % 2 else "MainWindow en",  # the language switched each round
    ]


TROUBLE = re.compile(
    r"Fatal Python error|Traceback|already deleted|has been deleted|Segmentation|"
    r"^ERROR|^CRITICAL|QObject::|QThread: Destroyed|QBasicTimer|QSocketNotifier|STUCK",
    re.MULTILINE,
)


def _trial(tmp_path: Path, rounds: int) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.ui.every_dialog_child",
            str(tmp_path / "store.sqlite"),
            "--rounds",
            str(rounds),
        ],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120 + 30 * rounds,
    )


def _check(tmp_path: Path, rounds: int = 1) -> None:
    done = _trial(tmp_path, rounds)

    closed = [line.removeprefix("closed ") for line in done.stdout.splitlines()[:-1]]
    assert closed == [w for n in range(1, rounds + 1) for w in closed_in_round(n)], done.stderr
    assert done.stdout.splitlines()[-1] == "quit", done.stderr
    assert done.returncode == 0, done.stderr
    assert not TROUBLE.search(done.stderr), done.stderr
    logs = list((tmp_path / "home" / ".local" / "share").glob("*/logs/*.log"))
    assert logs, "the app wrote no log file"
    for log in logs:
        assert not TROUBLE.search(log.read_text(encoding="utf-8")), log.read_text("utf-8")
    _check_store(tmp_path, rounds)


def _check_store(tmp_path: Path, rounds: int) -> None:
    """What the dialogs did is stored: nothing deleted or imported, Rania's plan kept my text
    in each conflict and was signed again each round."""
    exported = json.loads((tmp_path / "home" / "Documents" / "plan-1.json").read_text("utf-8"))
    assert exported["plan"]["person"]["first_name"] == "Rania"
    services = open_services(str(tmp_path / "store.sqlite"))
    try:
        plans = services.plan_list.list_plans()
        assert len(plans) == every_dialog_child.DEMO_PLANS
        rania = next(p for p in plans if p.person_name == every_dialog_child.ARABIC_PLAN)
        plan = services.plans.get_plan(rania.id)
    finally:
        services.ctx.db.dispose()
    assert plan.fields.reason.endswith(every_dialog_child.MINE * rounds)
    assert [v.state for v in plan.versions] == [VersionState.SIGNED] * (1 + rounds)


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(3))
def test_every_window_and_dialog_opened_and_closed_then_quit_ends_cleanly(
    tmp_path: Path, trial: int
) -> None:
    _check(tmp_path)


@pytest.mark.soak
@pytest.mark.parametrize("trial", range(20))
def test_every_window_and_dialog_opened_and_closed_then_quit_ends_cleanly_soak(
    tmp_path: Path, trial: int
) -> None:
    _check(tmp_path)


@pytest.mark.soak
def test_twenty_rounds_of_every_window_and_dialog_in_one_session_then_quit_ends_cleanly(
    tmp_path: Path,
) -> None:
    _check(tmp_path, rounds=20)
