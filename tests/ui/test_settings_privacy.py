"""Settings that keep personal data and secrets in: calendar files name people by initials
unless a box is ticked, and the seal password goes to the keyring, not the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit
from sqlalchemy import select

from sip_desk.db.models import Setting
from sip_desk.domain.worklist import WorklistFilter
from sip_desk.services.context import ServiceContext
from sip_desk.services.export_service import DocumentSettings
from sip_desk.services.registry import Services
from sip_desk.ui import file_dialogs
from sip_desk.ui.background import app_lane
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder
from tests.keyring_memory import MemoryKeyring
from tests.services.follow_up_builders import FollowUpPlans
from tests.services.seal_helpers import make_certificate
from tests.ui.question_boxes import act_in_next_dialog, showing

ALT = Qt.KeyboardModifier.AltModifier


def _dialog(services: Services, tmp_path: Path) -> SettingsDialog:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    return SettingsDialog(services.documents, services.follow_ups, "en", None, settings)


def test_full_names_in_calendar_files_only_after_ticking_the_box(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    s = sqlite_services
    plans = FollowUpPlans(s, PlanBuilder(s))
    plan = plans.meeting(plans.active(first_name="Åsa", last_name="Öberg"), 4)
    assert "Öberg" not in s.calendar.worklist_calendar(WorklistFilter()).decode()

    with showing(qtbot) as show:
        dialog = show(_dialog(s, tmp_path))
        assert dialog.full_names.isChecked() is False
        qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)
        qtbot.waitUntil(dialog.full_names.isChecked)  # a mnemonic clicks after a short flash
        qtbot.keyClick(dialog.first_meeting, Qt.Key.Key_Return)  # Save is the default button
        assert dialog.result() == dialog.DialogCode.Accepted

    assert s.documents.settings().calendar_full_names is True
    assert "Åsa Öberg" in s.calendar.worklist_calendar(WorklistFilter()).decode()
    assert f"plan {plan.id}" not in s.calendar.worklist_calendar(WorklistFilter()).decode()


def test_the_seal_password_typed_in_settings_is_kept_in_the_keyring_only(
    qtbot, sqlite_services: Services, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    cert = make_certificate(tmp_path, "Losen-i-ring-7")
    with showing(qtbot) as show:
        dialog = show(_dialog(sqlite_services, tmp_path))
        qtbot.keyClick(dialog, Qt.Key.Key_C, ALT)
        qtbot.keyClicks(dialog.seal_file, str(cert.pkcs12_path))
        qtbot.keyClick(dialog, Qt.Key.Key_P, ALT)
        qtbot.keyClicks(dialog.password, "Losen-i-ring-7")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.seal_error.text()

    with sqlite_services.ctx.db.read() as s:
        stored = [row.value for row in s.scalars(select(Setting))]
    assert str(cert.pkcs12_path) in stored and "Losen-i-ring-7" not in stored
    assert "Losen-i-ring-7" in memory_keyring.passwords.values()
    with showing(qtbot) as show:
        again = show(_dialog(sqlite_services, tmp_path))
        assert again.password.text() == "Losen-i-ring-7"  # from the keyring, shown as dots


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_saving_a_pdf_asks_for_the_seal_password(
    qtbot, sqlite_services: Services, tmp_path: Path, monkeypatch
) -> None:
    cert = make_certificate(tmp_path, "Sigill-99")
    sqlite_services.documents.save_settings(
        DocumentSettings(seal_pkcs12_path=str(cert.pkcs12_path), seal_pkcs12_password="Sigill-99")
    )
    next_run = Services(ServiceContext(db=sqlite_services.ctx.db, user=sqlite_services.ctx.user))
    plan = PlanBuilder(next_run).complete()
    window = _window(qtbot, next_run, tmp_path)
    window.open_plan(plan.id)
    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *args: target)
    asked: list[str] = []

    def type_password(box: QInputDialog) -> None:
        asked.append(box.labelText())
        edit = box.findChild(QLineEdit)
        assert edit is not None and edit.echoMode() is QLineEdit.EchoMode.Password
        qtbot.keyClicks(edit, "Sigill-99")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    act_in_next_dialog(QInputDialog, type_password)
    window.menus.save_pdf_action.trigger()

    qtbot.waitUntil(target.exists, timeout=20_000)
    assert asked and "no keyring" in asked[0]
    assert next_run.documents.verify_pdf(target).seal.ok
    app_lane().wait()


def _window(qtbot, services: Services, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(services, str(tmp_path / "store.sqlite"))
    win.show()
    qtbot.waitExposed(win)
    return win
