"""The desktop application: start-up order, store errors, language switch, exception hook."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from sip_desk.domain.errors import StoreError
from sip_desk.ui import prompts
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import set_large_text
from sip_desk.ui.widgets import plan_tabs
from tests.builders import person_data


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


class FlushingEditor(QWidget):
    """Stands in for the plan editor: records flush() calls."""

    flushed: list[int] = []

    def __init__(self, services, events, plan_id, parent=None) -> None:
        super().__init__(parent)
        self.plan_id = plan_id
        self.plan = services.plans.open_plan(plan_id)

    def flush(self) -> None:
        FlushingEditor.flushed.append(self.plan_id)


def _app(tmp_path: Path, settings: AppSettings, db: str, lang: str = "en"):
    from sip_desk.app import DesktopApp

    args = argparse.Namespace(db=db, lang=lang, user="anna.test", debug=False)
    return DesktopApp(args, settings)


@pytest.fixture
def desktop(qtbot, tmp_path, settings):
    apps = []

    def make(db: str, lang: str = "en"):
        app = _app(tmp_path, settings, db, lang)
        qtbot.addWidget(app.window)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.stop_reminders()
        app.translations.install("en")
        set_large_text(False)
        if app.services is not None:
            app.services.ctx.db.dispose()


def test_app_opens_the_store_after_the_first_paint(qtbot, desktop, tmp_path) -> None:
    app = desktop(str(tmp_path / "new.sqlite"))

    app.start()

    qtbot.waitUntil(lambda: app.services is not None, timeout=5000)
    assert app.window.menus.new_plan_action.isEnabled()
    assert app.window.counts.text() == "Plans shown: 0 of 0"


def test_app_explains_a_corrupt_store_without_a_traceback(
    qtbot, desktop, tmp_path, monkeypatch
) -> None:
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    shown: list[tuple[str, str]] = []

    def show_error(parent, error, path, lang, passphrase=None, user=None) -> bool:
        shown.append((error.code, path))
        return False  # the user closes the dialog

    monkeypatch.setattr(
        "sip_desk.ui.dialogs.store_error_dialog.StoreErrorDialog.show_error", show_error
    )
    app = desktop(str(broken), lang="sv")
    app.store = str(broken)

    app.open_store()

    assert shown == [("store.corrupt", str(broken))]
    assert app.services is None
    assert "skadad" in app.window.counts.text()


def test_app_explains_an_unusable_store_url(qtbot, desktop, monkeypatch) -> None:
    shown: list[str] = []

    def show_error(parent, error, path, lang, passphrase=None, user=None) -> bool:
        shown.append(error.code)
        return False

    monkeypatch.setattr(
        "sip_desk.ui.dialogs.store_error_dialog.StoreErrorDialog.show_error", show_error
    )
    app = desktop("nosuchdriver://somewhere/db")
    app.store = "nosuchdriver://somewhere/db"

    app.open_store()

    assert shown == ["store.unreachable"]
    assert app.window.counts.text().startswith("Cannot connect to the database")


def test_app_language_switch_keeps_open_plans_and_flushes_editors(
    qtbot, desktop, tmp_path, settings, monkeypatch
) -> None:
    monkeypatch.setattr(plan_tabs, "_editor_class", lambda: FlushingEditor)
    app = desktop(str(tmp_path / "lang.sqlite"), lang="sv")
    app.store = str(tmp_path / "lang.sqlite")
    app.open_store()
    plan = app.services.plans.create_plan(person_data(first_name="Åsa"))
    app.window.open_plan(plan.id)
    FlushingEditor.flushed.clear()
    assert app.window.windowTitle().startswith("SIP Desk – samordnad")
    english = app.window.findChild(QAction, "language_en")

    english.trigger()

    assert FlushingEditor.flushed == [plan.id]
    assert app.window.windowTitle() == "SIP Desk – coordinated individual plans"
    assert app.window.open_plan_ids() == [plan.id]
    assert settings.language == "en"
    qtbot.addWidget(app.window)


def test_app_cli_language_overrides_the_saved_one(desktop, tmp_path, settings) -> None:
    settings.language = "en"

    app = desktop(str(tmp_path / "x.sqlite"), lang="sv")

    assert app.lang == "sv"
    assert (
        app.window.plan_list.view.search.placeholderText()
        == "Namn, personnummer, organisation, samordnare eller ansvarig"
    )


def test_app_exception_hook_shows_a_calm_message(desktop, tmp_path, monkeypatch) -> None:
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(
        prompts, "warn", lambda parent, title, text, details="": warned.append((text, details))
    )
    app = desktop(str(tmp_path / "x.sqlite"))

    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        app.handle_exception(RuntimeError, error, error.__traceback__)

    assert len(warned) == 1
    assert warned[0][0].startswith("Something unexpected went wrong")
    assert "Traceback" not in warned[0][0]


def test_app_exception_hook_routes_store_errors_to_the_store_dialog(
    desktop, tmp_path, monkeypatch
) -> None:
    shown: list[str] = []

    def show_error(parent, error, path, lang, passphrase=None, user=None) -> bool:
        shown.append(error.message(lang))
        return False

    monkeypatch.setattr(
        "sip_desk.ui.dialogs.store_error_dialog.StoreErrorDialog.show_error", show_error
    )
    app = desktop(str(tmp_path / "x.sqlite"), lang="sv")
    error = StoreError("store.locked")

    app.handle_exception(StoreError, error, None)

    assert shown == ["Databasen är upptagen av ett annat program. Försök igen om en stund."]


def test_app_large_text_enlarges_the_application_font(desktop, tmp_path, settings) -> None:
    app = desktop(str(tmp_path / "x.sqlite"))
    before = QApplication.font().pointSizeF()

    app.window.menus.large_text_action.trigger()

    assert QApplication.font().pointSizeF() == pytest.approx(before * 1.4)
    assert settings.large_text


def test_app_actions_keep_their_object_names_in_every_language(desktop, tmp_path) -> None:
    names = {}
    for lang in ("sv", "en"):
        app = desktop(str(tmp_path / "x.sqlite"), lang=lang)
        names[lang] = {a.objectName() for a in app.window.findChildren(QAction)} - {""}

    assert names["sv"] == names["en"]
    assert {
        "newPlanAction",
        "openPlanAction",
        "largeTextAction",
        "language_en",
        "worklistAction",
        "recordFollowUpAction",
        "caseloadAction",
        "remindersAction",
        "printPlanAction",
        "signPlanAction",
        "savePdfAction",
        "exportJsonAction",
        "importJsonAction",
        "deletePlanAction",
        "loadDemoAction",
        "settingsAction",
        "undoAction",
        "redoAction",
    } <= names["sv"]


def test_app_log_file_receives_warnings(tmp_path, monkeypatch) -> None:
    import logging

    from sip_desk.logfile import install_log_file

    monkeypatch.setattr("sip_desk.paths.data_dir", lambda: tmp_path)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = install_log_file()
        logging.getLogger("sip_desk.test").warning("store could not be opened")
    finally:
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)

    assert Path(path).parent == tmp_path / "logs"
    assert "store could not be opened" in Path(path).read_text(encoding="utf-8")


def test_app_exception_hook_shows_one_message_at_a_time(desktop, tmp_path, monkeypatch) -> None:
    app = desktop(str(tmp_path / "x.sqlite"))
    shown: list[str] = []

    def warn(parent, title, text, details="") -> None:
        shown.append(text)
        # A second error while the first message is open is only logged.
        app.handle_exception(RuntimeError, RuntimeError("again"), None)

    monkeypatch.setattr(prompts, "warn", warn)

    app.handle_exception(RuntimeError, RuntimeError("boom"), None)

    assert len(shown) == 1


def test_app_reminds_at_start_up_in_the_window_without_a_tray(qtbot, desktop, tmp_path) -> None:
    from tests.builders import PlanBuilder
    from tests.services.follow_up_builders import FollowUpPlans

    app = desktop(str(tmp_path / "remind.sqlite"))
    app.store = str(tmp_path / "remind.sqlite")
    app.open_store()
    plans = FollowUpPlans(app.services, PlanBuilder(app.services))
    plans.action(plans.active(first_name="Alva"), -2, "Ansöka om boende")

    app.start_reminders(use_tray=False)

    banner = app.window.banner
    assert banner.isVisibleTo(app.window)
    assert banner.text.text() == "ℹ Follow-up: 1 overdue."
    assert app.reminders.timer.isActive()  # and again once a day
    banner.show_worklist.click()
    assert app.window.tabs.currentWidget() is app.window.worklist
    assert not banner.isVisibleTo(app.window)
    app.window.worklist.panel.model.wait_until_idle(5000)


def test_app_check_reminders_now_says_when_nothing_is_due(qtbot, desktop, tmp_path) -> None:
    app = desktop(str(tmp_path / "quiet.sqlite"))
    app.store = str(tmp_path / "quiet.sqlite")
    app.open_store()
    app.start_reminders(use_tray=False)

    app.window.menus.reminders_action.trigger()

    assert not app.window.banner.isVisibleTo(app.window)
    assert app.window.statusBar().currentMessage() == (
        "Nothing is due or overdue in the coming week."
    )
