"""Text held back by a conflict survives a crash, and is offered back when the plan is opened.

Found by a tester: two copies of SIP Desk on one plan, the second one's text in "Reason for the
SIP" held back by the conflict ("decide later"); a kill -9 then lost it without a trace. Here a
child process (tests/ui/editor/conflict_child.py) gets that far and is killed with SIGKILL; a
new editor on the same store offers the text, and the user restores it with the keyboard.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sip_desk.bootstrap import open_services
from sip_desk.domain.person import PersonData
from sip_desk.paths import recovery_dir
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.conflict_dialog import ConflictDialog
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from tests.ui.editor.conflict_child import MINE, THEIRS
from tests.ui.editor.helpers import focused, keys, press, type_text

ROOT = Path(__file__).resolve().parents[3]
K = Qt.Key


def _kill_with_text_held_back(tmp_path: Path) -> tuple[str, int]:
    store = str(tmp_path / "two_copies.sqlite")
    services = open_services(store)
    plan_id = services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind")).id
    services.ctx.db.dispose()
    with subprocess.Popen(
        [sys.executable, "-m", "tests.ui.editor.conflict_child", store, str(plan_id)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        assert child.stdout is not None
        said = child.stdout.readline().strip()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert said == "held", said
    return store, plan_id


def _answer_when_asked(choice: str = "keep_mine") -> list[str]:
    """Answer the conflict dialog, once it shows: Space on "Keep my text", or Escape."""
    seen: list[str] = []

    def act(tries: int = 500) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            if tries:
                QTimer.singleShot(10, lambda: act(tries - 1))
            return
        seen.append(dialog.mine.toPlainText())
        if choice == "later":
            QTest.keyClick(dialog, K.Key_Escape)
            return
        dialog.keep_mine.setFocus()
        QTest.keyClick(dialog.keep_mine, K.Key_Space)

    QTimer.singleShot(0, act)
    return seen


def _editor(qtbot, services: Services, plan_id: int) -> PlanEditor:
    editor = PlanEditor(services, AppEvents(), plan_id)
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def _held_texts() -> list[str]:
    return [
        h["text"] for f in recovery_dir().glob("*.json") for h in json.loads(f.read_text())["held"]
    ]


def test_held_back_text_is_on_disk_while_it_waits_and_gone_once_saved(
    qtbot, new_plan_id: int, sqlite_services: Services
) -> None:
    anna = _editor(qtbot, sqlite_services, new_plan_id)
    bo = _editor(qtbot, sqlite_services, new_plan_id)
    anna.activateWindow()
    qtbot.waitUntil(anna.isActiveWindow)
    type_text(qtbot, anna.person_section.reason, THEIRS)
    qtbot.keyClick(anna.person_section.reason, K.Key_Tab)
    qtbot.waitUntil(lambda: sqlite_services.plans.get_plan(new_plan_id).fields.reason == THEIRS)
    bo.activateWindow()
    qtbot.waitUntil(bo.isActiveWindow)
    field = bo.person_section.reason
    bo.person_section.focus_widget(field)
    keys(qtbot, field, MINE)
    later = _answer_when_asked("later")
    qtbot.keyClick(field, K.Key_Tab)  # leaving the field asks; Escape decides later

    assert later == [MINE] and bo.session.deferred
    assert _held_texts() == [MINE]
    bo.activateWindow()  # the window manager gives the keys back after the dialog
    qtbot.waitUntil(bo.isActiveWindow)
    bo.person_section.focus_widget(field)
    qtbot.waitUntil(lambda: focused() is field)
    kept = _answer_when_asked()
    qtbot.keyClick(field, K.Key_Tab)

    assert kept == [MINE]
    assert sqlite_services.plans.get_plan(new_plan_id).fields.reason == MINE
    assert _held_texts() == []


@pytest.mark.slow
def test_text_held_back_by_a_conflict_survives_sigkill_and_is_restored_by_keys(
    qtbot, swedish, tmp_path: Path
) -> None:
    store, plan_id = _kill_with_text_held_back(tmp_path)
    (journal,) = recovery_dir().glob("*.json")
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600  # the owner's only
    services = open_services(store)
    assert services.plans.get_plan(plan_id).fields.reason == THEIRS  # nothing written over

    editor = PlanEditor(services, AppEvents(), plan_id)
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)

    bar = editor.recovery
    assert bar.isVisible()
    assert "Text som inte hann sparas" in bar.message.text()
    assert f"”Anledning till SIP”: {MINE}" in bar.message.text()
    qtbot.waitUntil(lambda: focused() is bar.restore_button)
    assert services.plans.get_plan(plan_id).fields.reason == THEIRS  # only offered
    # Restore: the other text was saved meanwhile, so the conflict is asked; keep mine.
    seen = _answer_when_asked()
    press(qtbot, K.Key_Return)

    assert seen == [MINE]
    assert services.plans.get_plan(plan_id).fields.reason == MINE
    assert editor.person_section.reason.toPlainText() == MINE
    assert not bar.isVisible()
    assert list(recovery_dir().glob("*.json")) == []  # saved: nothing more to offer
    services.ctx.db.dispose()
