"""Store problems in the desktop application: the store-error dialog with a clear message.

The dialog is answered the way a user does it, by clicking its buttons; what it said is read
from its labels. The last test runs the real application in its own process and makes a slot
fail, to see the calm message and the log file instead of a traceback.
"""

from __future__ import annotations

import argparse
import os
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from sip_desk.bootstrap import open_services
from sip_desk.db import integrity
from sip_desk.db.backups import daily_backup, file_problems
from sip_desk.domain.audit import UserContext
from sip_desk.services.context import Clock
from sip_desk.ui.dialogs.store_error_dialog import StoreErrorDialog
from sip_desk.ui.settings import AppSettings
from tests.db.damage import damage_middle_page, damage_schema_name, make_backups


@pytest.fixture
def desktop(qtbot, tmp_path):
    from sip_desk.app import DesktopApp

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    apps = []

    def make(db: str, lang: str = "sv") -> DesktopApp:
        args = argparse.Namespace(db=db, lang=lang, user="anna.test", debug=False)
        app = DesktopApp(args, settings)
        app.store = db
        qtbot.addWidget(app.window)
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.store_check is not None:
            app.store_check.stop()
        app.translations.install("en")
        if app.services is not None:
            app.services.ctx.db.dispose()


class DialogAnswers:
    """Answers store-error dialogs as they open: records what they say, clicks a button."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.seen: list[dict[str, object]] = []
        self.plan: list[tuple[str, Callable[[], None] | None]] = []
        QTimer.singleShot(50, self._look)

    def click(self, button: str, before: Callable[[], None] | None = None) -> DialogAnswers:
        """Answer the next dialog with ``button`` ("storeErrorClose" or "storeErrorRetry")."""
        self.plan.append((button, before))
        return self

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, StoreErrorDialog) and dialog.isVisible() and self.plan:
            self.seen.append(
                {
                    "message": dialog.message.text(),
                    "path": dialog.path.text(),
                    "retry": dialog.retry_button is not None,
                }
            )
            button, before = self.plan.pop(0)
            if before is not None:
                before()
            self.qtbot.mouseClick(dialog.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
        if self.plan:
            QTimer.singleShot(50, self._look)


def _store(path: Path, plans: int = 40) -> Path:
    services = open_services(str(path), user=UserContext(user="t"))
    try:
        services.demo.load_cases()
        services.demo.generate(plans, seed=2)
    finally:
        services.ctx.db.dispose()
    return path


def test_store_folder_that_cannot_be_created_shows_the_dialog_and_can_be_retried(
    qtbot, desktop, tmp_path
) -> None:
    blocker = tmp_path / "Plans"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    target = str(blocker / "2026" / "sip_desk.sqlite")
    app = desktop(target)
    answers = DialogAnswers(qtbot).click("storeErrorRetry", before=blocker.unlink)

    app.open_store()

    assert answers.seen == [
        {
            "message": f"Mappen för databasen kan inte skapas: {blocker / '2026'} "
            "(Not a directory). "
            "Välj en annan plats med --db eller kontrollera behörigheterna.",
            "path": target,
            "retry": True,
        }
    ]
    assert app.services is not None  # after "Försök igen" with the file gone, the store opened
    assert Path(target).exists()


def test_store_with_a_damaged_schema_page_shows_the_dialog(qtbot, desktop, tmp_path) -> None:
    path = _store(tmp_path / "sip_desk.sqlite")
    damage_schema_name(path)
    app = desktop(str(path))
    answers = DialogAnswers(qtbot).click("storeErrorClose")

    app.open_store()

    assert len(answers.seen) == 1
    message = answers.seen[0]["message"]
    assert isinstance(message, str)
    assert message.startswith(f"Databasfilen är skadad eller inte en SIP Desk-databas: {path}.")
    assert answers.seen[0]["retry"] is False
    assert app.services is None
    assert app.window.counts.text() == message


def test_store_damage_found_after_opening_shows_the_dialog_with_the_newest_backup(
    qtbot, desktop, tmp_path, monkeypatch
) -> None:
    path = _store(tmp_path / "sip_desk.sqlite")
    newest = make_backups(path)
    damage_middle_page(path)
    monkeypatch.setattr(integrity, "OPEN_BUDGET_S", 0.0)  # as for a store too large to check
    app = desktop(str(path), lang="en")
    app.open_store()
    assert app.services is not None  # opened: the damage was not looked at yet
    answers = DialogAnswers(qtbot).click("storeErrorClose")

    app.start_store_check()

    qtbot.waitUntil(lambda: len(answers.seen) == 1, timeout=20_000)
    message = answers.seen[0]["message"]
    assert isinstance(message, str)
    assert f"The newest backup is {newest}." in message
    assert app.window.counts.text() == message
    assert app.store_check is not None and app.store_check.stop()


def test_damaged_store_at_start_is_restored_from_the_newest_good_backup(
    qtbot, desktop, tmp_path
) -> None:
    path = _store(tmp_path / "sip_desk.sqlite")
    good = daily_backup(path, date(2026, 11, 30))
    assert good is not None
    broken = path.parent / "backups" / "sip_desk_0008_20261201T070000000000.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)  # newer, and damaged
    os.utime(broken, (time.time() + 60, time.time() + 60))
    damage_schema_name(path)
    app = desktop(str(path), lang="en")
    answers = DialogAnswers(qtbot).click("storeErrorRestore").click("storeErrorRetry")

    app.open_store()

    assert len(answers.seen) == 2
    first, second = answers.seen
    assert str(first["message"]).startswith("The database file is damaged")
    kept = path.parent / "backups"
    assert str(second["message"]).startswith(
        f"Restored from the backup {good.path}. Changes made after it was taken are not in it. "
        f"The damaged database is kept at {kept}"
    )
    assert app.services is not None  # "Open the database" opened the restored store
    assert app.services.plan_list.count_plans() == 44


def test_damage_found_after_opening_is_restored_and_the_list_shown_again(
    qtbot, desktop, tmp_path, monkeypatch
) -> None:
    path = _store(tmp_path / "sip_desk.sqlite")
    make_backups(path)
    damage_middle_page(path)
    monkeypatch.setattr(integrity, "OPEN_BUDGET_S", 0.0)  # as for a store too large to check
    app = desktop(str(path), lang="en")
    app.open_store()
    answers = DialogAnswers(qtbot).click("storeErrorRestore").click("storeErrorRetry")

    app.start_store_check()

    qtbot.waitUntil(lambda: len(answers.seen) == 2, timeout=20_000)
    assert str(answers.seen[1]["message"]).startswith("Restored from the backup")
    assert file_problems(path) == []
    assert app.services is not None and app.services.plan_list.count_plans() == 44
    assert app.store_check is not None and app.store_check.stop()


def test_store_check_makes_the_day_s_backup_of_an_intact_store(qtbot, desktop, tmp_path) -> None:
    app = desktop(str(_store(tmp_path / "sip_desk.sqlite")))
    app.open_store()

    daily = tmp_path / "backups" / f"sip_desk_daily_{Clock().today().isoformat()}.sqlite"

    app.start_store_check()

    qtbot.waitUntil(daily.exists, timeout=20_000)
    assert app.store_check is not None and app.store_check.stop(20_000)
    assert stat.S_IMODE(daily.stat().st_mode) == 0o600
    assert file_problems(daily) == []


def test_store_check_of_an_intact_store_says_nothing(qtbot, desktop, tmp_path) -> None:
    app = desktop(str(_store(tmp_path / "sip_desk.sqlite")))
    app.open_store()
    found: list[object] = []

    app.start_store_check()
    assert app.store_check is not None
    app.store_check.damaged.connect(found.append)

    assert app.store_check.stop(20_000)
    qtbot.wait(100)
    assert found == []
    assert QApplication.activeModalWidget() is None


_PROBE = textwrap.dedent(
    """
    import argparse, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    import sip_desk.app

    qapp = QApplication(sys.argv[:1])

    def fail():  # a bug in a slot, as a click on a broken button would run it
        raise RuntimeError("the slot broke")

    def look():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            print("DIALOG:", box.text())
            print("DETAILS:", box.detailedText().replace("\\n", " | "))
            box.accept()
            QTimer.singleShot(200, qapp.closeAllWindows)
            return
        QTimer.singleShot(100, look)

    QTimer.singleShot(1500, fail)
    QTimer.singleShot(1600, look)
    QTimer.singleShot(30000, qapp.closeAllWindows)
    args = argparse.Namespace(db=sys.argv[1], lang="sv", user="probe", debug=False)
    sys.exit(sip_desk.app.run(args))
    """
)


@pytest.mark.slow
def test_unexpected_error_in_the_running_app_shows_a_calm_dialog_and_is_logged(tmp_path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "QT_QPA_PLATFORM": "offscreen"}

    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "sip_desk.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "DIALOG: Något oväntat gick fel. Det du har sparat finns kvar" in result.stdout
    log = tmp_path / "xdg" / "sip-desk" / "logs" / "sip_desk.log"
    assert f"DETAILS: RuntimeError: the slot broke | {log}" in result.stdout
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: the slot broke" in text


def test_opening_a_plan_while_another_program_holds_the_store_says_so_and_retries(
    qtbot, desktop, tmp_path
) -> None:
    import time

    from sip_desk.ui.editor.plan_editor import PlanEditor
    from tests.ui.lock_holder import LockHolder

    path = _store(tmp_path / "sip_desk.sqlite", plans=3)
    app = desktop(str(path))
    app.open_store()
    window = app.window
    window.show()
    qtbot.waitUntil(lambda: window.plan_list.model.rowCount() > 0)
    table = window.plan_list.view.table
    table.setFocus()
    holder = LockHolder(path)
    asked_at: list[float] = []

    def let_go() -> None:  # the other program ends while the dialog is open
        asked_at.append(time.monotonic())
        holder.release()

    answers = DialogAnswers(qtbot).click("storeErrorRetry", before=let_go)
    try:
        pressed = time.monotonic()
        qtbot.keyClick(table, Qt.Key.Key_Return)  # open the plan while the store is held
    finally:
        holder.release()

    assert answers.seen == [
        {
            "message": "Databasen är upptagen av ett annat program. Försök igen om en stund.",
            "path": str(path),
            "retry": True,
        }
    ]
    assert asked_at[0] - pressed < 2.0  # said at once, not after half a minute
    editor = window.tabs.currentWidget()  # "Försök igen" with the store free opened the plan
    assert isinstance(editor, PlanEditor)
