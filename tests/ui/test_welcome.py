"""The welcome at the first start: shown once per account and store, driven by keys, reopened
from Help with what was saved; Escape after typing asks first; scripted runs never see it."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from sip_desk.app import DesktopApp
from sip_desk.cli import _gui_args
from sip_desk.domain.account import AccountDetails
from sip_desk.domain.enums import PrincipalType
from sip_desk.services.registry import Services
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import set_large_text
from sip_desk.ui.welcome_command import NO_WELCOME_ENV, WelcomeCommand, first_run_wanted
from sip_desk.ui.welcome_dialog import WelcomeDialog
from tests.ui.lang_window import shown_window
from tests.ui.mnemonics import clashes, live_mnemonics
from tests.ui.question_boxes import Questions, answer_next_question, click, press, showing

DEMO_CASES = 4  # resources/demo: adult, family, protected, youth
ANNA = AccountDetails(
    name="Anna Lind",
    role="Social worker",
    unit="Children and young people",
    organisation="Solby municipality",
    principal=PrincipalType.KOMMUN,
)


@pytest.fixture
def desktop(qtbot, tmp_path: Path, monkeypatch) -> Iterator[Callable[[], DesktopApp]]:
    """Start the app on one store as a user would (the welcome not switched off)."""
    monkeypatch.delenv(NO_WELCOME_ENV, raising=False)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    apps: list[DesktopApp] = []
    store = str(tmp_path / "store" / "sip_desk.sqlite")

    def start() -> DesktopApp:
        args = argparse.Namespace(db=store, lang="en", user="anna.test", debug=False)
        app = DesktopApp(args, settings)
        app.store = store
        app.window.show()
        qtbot.waitExposed(app.window)
        apps.append(app)
        app.open_store()
        return app

    yield start
    for app in apps:
        dialog = app.window.welcome.dialog
        if dialog is not None:
            dialog.done(0)
        app.stop_reminders()
        if app.store_check is not None:
            app.store_check.stop()
        app.window.hide()
        app.window.deleteLater()
        if app.services is not None:
            app.services.ctx.db.dispose()
    set_large_text(False)


def _welcome_of(qtbot, command: WelcomeCommand) -> WelcomeDialog:
    qtbot.waitUntil(lambda: command.dialog is not None, timeout=5000)
    dialog = command.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard"
    return widget


def _keys(sequence: str) -> None:
    QTest.keySequence(_focused(), QKeySequence(sequence))


def _type(text: str) -> None:
    QTest.keyClicks(_focused(), text)


def _enter() -> None:
    QTest.keyClick(_focused(), Qt.Key.Key_Return)


def test_first_start_welcome_by_keys_loads_the_demo_and_is_not_shown_again(qtbot, desktop) -> None:
    app = desktop()
    welcome = _welcome_of(qtbot, app.window.welcome)

    _keys("Alt+T")  # "Try it with the demo plans"
    qtbot.waitUntil(welcome.start_page.demo.isChecked)  # a mnemonic clicks after a moment
    _enter()
    qtbot.waitUntil(lambda: welcome.currentPage() is welcome.about)
    for text in (ANNA.name, ANNA.role, ANNA.unit, ANNA.organisation):
        _type(text)
        QTest.keyClick(_focused(), Qt.Key.Key_Tab)
    _enter()  # the principal stays "Municipality"
    qtbot.waitUntil(lambda: welcome.currentPage() is welcome.seal)
    _enter()  # no seal
    qtbot.waitUntil(lambda: welcome.currentPage() is welcome.store)
    _enter()  # Finish

    qtbot.waitUntil(lambda: app.window.welcome.dialog is None, timeout=2000)
    services = app.services
    assert services is not None
    assert services.accounts.details() == ANNA
    qtbot.waitUntil(lambda: len(services.plan_list.list_plans()) >= DEMO_CASES, timeout=30_000)
    qtbot.waitUntil(lambda: app.window.plan_list.model.rowCount() >= DEMO_CASES, timeout=5000)
    assert services.accounts.details() == ANNA
    assert services.accounts.welcome_done()

    again = desktop()
    qtbot.wait(600)  # the welcome would come 200 ms after the store opened
    assert again.window.welcome.dialog is None


def test_a_welcome_cancelled_at_the_first_start_is_shown_at_the_next(qtbot, desktop) -> None:
    app = desktop()
    welcome = _welcome_of(qtbot, app.window.welcome)

    QTest.keyClick(welcome.focusWidget() or welcome, Qt.Key.Key_Escape)  # nothing typed

    qtbot.waitUntil(lambda: app.window.welcome.dialog is None, timeout=2000)
    assert app.services is not None and not app.services.accounts.welcome_done()
    again = desktop()
    assert _welcome_of(qtbot, again.window.welcome).isVisible()


def test_scripted_runs_never_see_the_welcome(monkeypatch) -> None:
    monkeypatch.delenv(NO_WELCOME_ENV, raising=False)
    flag = _gui_args(["--no-welcome", "--db", "x.sqlite"])
    assert flag is not None and flag.no_welcome

    assert not first_run_wanted(flag)
    assert first_run_wanted(argparse.Namespace(db="x.sqlite"))
    monkeypatch.setenv(NO_WELCOME_ENV, "1")
    assert not first_run_wanted(argparse.Namespace(db="x.sqlite"))


@pytest.fixture
def shown(qtbot) -> Iterator[Callable[[WelcomeDialog], WelcomeDialog]]:
    with showing(qtbot) as show:
        yield show


def test_escape_after_typing_asks_before_discarding(
    qtbot, shown, sqlite_services: Services
) -> None:
    welcome = shown(WelcomeDialog(sqlite_services, "en"))
    _enter()
    qtbot.waitUntil(lambda: welcome.currentPage() is welcome.about)
    _type("Anna")
    questions = Questions()

    answer_next_question(questions, press(Qt.Key.Key_Escape))
    QTest.keyClick(welcome.about.name, Qt.Key.Key_Escape)

    assert questions.asked == ["Discard what you entered?"]
    assert welcome.isVisible() and welcome.about.name.text() == "Anna"
    assert welcome.focusWidget() is welcome.about.name  # typing goes on where it was
    answer_next_question(questions, click("discardButton"))
    QTest.keyClick(welcome.about.name, Qt.Key.Key_Escape)
    assert not welcome.isVisible()
    assert sqlite_services.accounts.details() == AccountDetails()
    assert not sqlite_services.accounts.welcome_done()


def test_help_reopens_the_welcome_with_the_stored_details(
    qtbot, tmp_path, sqlite_services: Services
) -> None:
    sqlite_services.accounts.save_details(ANNA)
    sqlite_services.accounts.mark_welcome_done()
    window = shown_window(qtbot, "en", tmp_path, sqlite_services)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    _keys("Alt+F")  # the File menu, then Left to the last menu: Help
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menus.file_menu)
    QTest.keyClick(window.menus.file_menu, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.menus.help_menu)
    QTest.keyClick(window.menus.help_menu, Qt.Key.Key_W)  # "&Welcome…"

    welcome = _welcome_of(qtbot, window.welcome)
    welcome.next()
    assert welcome.about.details() == ANNA
    welcome.done(0)


def test_a_wrong_certificate_is_named_on_its_page(qtbot, shown, sqlite_services, tmp_path):
    welcome = shown(WelcomeDialog(sqlite_services, "en"))
    for _page in range(2):
        _enter()
    qtbot.waitUntil(lambda: welcome.currentPage() is welcome.seal)
    _type(str(tmp_path / "missing.p12"))

    _enter()

    assert welcome.currentPage() is welcome.seal
    assert welcome.seal.error.isVisible() and "missing.p12" in welcome.seal.error.text()
    assert sqlite_services.documents.settings().seal_pkcs12_path == ""


def test_welcome_mnemonics_are_unique_on_every_page(
    qtbot, shown, lang, sqlite_services: Services
) -> None:
    welcome = shown(WelcomeDialog(sqlite_services, lang))
    found = {}
    for _page in range(4):
        qtbot.wait(20)
        live = live_mnemonics(welcome)
        found[welcome.currentPage().objectName()] = clashes(live)
        welcome.next()
    assert found == {k: {} for k in found} and len(found) == 4
