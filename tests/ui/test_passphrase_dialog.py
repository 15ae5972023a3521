"""The passphrase dialog before an encrypted store opens, answered with keys as a user does."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

pytest.importorskip("sqlcipher3")

from sip_desk.bootstrap import open_services
from sip_desk.domain.audit import UserContext
from sip_desk.services.store_checks import convert_store
from sip_desk.ui.dialogs.passphrase_dialog import PassphraseDialog
from sip_desk.ui.i18n import Translations
from sip_desk.ui.settings import AppSettings

KEY = "tre grona applen"  # keyClicks types ASCII only


@pytest.fixture
def encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("SIP_DESK_PASSPHRASE_FILE", raising=False)
    path = tmp_path / "sip_desk.sqlite"
    services = open_services(str(path), user=UserContext(user="t"))
    services.demo.generate(5, seed=2)
    services.ctx.db.dispose()
    convert_store(str(path), "encrypt", None, KEY, datetime(2026, 12, 1, 9))
    return str(path)


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
        app.stop_reminders()
        if app.store_check is not None:
            app.store_check.stop()
        app.translations.install("en")
        if app.services is not None:
            app.services.ctx.db.dispose()


def _started(qtbot, app) -> None:
    """Wait for the rest of the start (reminders, the store check): it must end with the test."""
    qtbot.waitUntil(
        lambda: app.store_check is not None and app.reminders is not None, timeout=10_000
    )


def _answer(steps: list[Callable[[PassphraseDialog], None]]) -> list[str]:
    """Do ``steps`` one by one on the passphrase dialog as it is shown; returns what it said."""
    said: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PassphraseDialog) and dialog.isVisible() and steps:
            steps.pop(0)(dialog)
            said.append(dialog.message.text() if dialog.message.isVisible() else "")
        if steps:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return said


def _type(qtbot, text: str) -> Callable[[PassphraseDialog], None]:
    def step(dialog: PassphraseDialog) -> None:
        dialog.field.selectAll()
        qtbot.keyClicks(dialog.field, text)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    return step


def test_a_wrong_passphrase_is_said_and_asked_again_then_the_right_one_opens(
    desktop, qtbot, encrypted: str
) -> None:
    app = desktop(encrypted, "sv")
    said = _answer([_type(qtbot, "tre roda applen"), _type(qtbot, KEY)])

    app.open_store()

    assert said[0] == (
        f"Fel lösenfras: den öppnar inte den krypterade databasen {encrypted}. "
        "Kontrollera den och försök igen."
    )
    assert app.services is not None
    _started(qtbot, app)
    with app.services.ctx.db.read_connection() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM plans").scalar() == 5


def test_the_message_is_in_english_for_an_english_user(desktop, qtbot, encrypted: str) -> None:
    app = desktop(encrypted, "en")
    said = _answer([_type(qtbot, "wrong"), _type(qtbot, KEY)])

    app.open_store()

    assert said[0].startswith("Wrong passphrase: it does not open the encrypted store")
    assert app.services is not None
    _started(qtbot, app)


def test_escape_quits_calmly_without_opening_the_store(desktop, qtbot, encrypted: str) -> None:
    app = desktop(encrypted, "sv")
    app.window.show()
    qtbot.waitExposed(app.window)
    _answer([lambda dialog: qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)])

    app.open_store()

    assert app.services is None
    assert not app.window.isVisible()


def test_a_passphrase_file_opens_the_store_without_asking(
    desktop, qtbot, encrypted: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    key_file.chmod(0o600)  # a file others can read is refused
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(key_file))
    app = desktop(encrypted, "sv")

    app.open_store()

    assert app.services is not None
    assert app.services.ctx.db.passphrase == KEY
    _started(qtbot, app)


@pytest.fixture
def swedish(qapp) -> Iterator[None]:
    translations = Translations()
    translations.install("sv")
    yield
    translations.install("en")


def test_the_wrong_passphrase_message_is_shown_whole_the_dialog_grows(
    qtbot, swedish, encrypted: str
) -> None:
    """As the tester saw it (/tmp/sec-shots/s14.png): the Swedish message was cut off."""
    from sip_desk.bootstrap import store_key
    from sip_desk.domain.errors import StoreError

    def check(key: str) -> StoreError | None:
        try:
            store_key(encrypted, key)
        except StoreError as error:
            return error
        return None

    dialog = PassphraseDialog(encrypted, check, "sv", True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()

    qtbot.keyClicks(dialog.field, "fel fras")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    message = dialog.message
    assert message.text().startswith("Fel lösenfras: den öppnar inte den krypterade databasen")
    assert dialog.height() > before  # grown for the message
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():  # every wrapped line of it fits
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    bottom = message.mapTo(dialog, message.rect().bottomLeft()).y()
    assert bottom <= dialog.remember.geometry().top()  # not under the next row
