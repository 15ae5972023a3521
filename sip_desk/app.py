"""Composition root of the GUI: QApplication, translators, main window, then the store.

Start-up order matters for how fast the window appears: the window is built and painted before
the store is opened, so SQLAlchemy, Alembic and the services are imported only after the first
paint (``open_store`` runs from a zero-delay timer). Dialogs are imported when first needed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.ui import qt_application
from sip_desk.ui.events import AppEvents
from sip_desk.ui.follow_up.reminder_steps import ReminderSteps
from sip_desk.ui.i18n import Translations
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.qt_refcounts import protect_singletons
from sip_desk.ui.settings import AppSettings

if TYPE_CHECKING:
    from sip_desk.services.registry import Services
    from sip_desk.ui.follow_up.reminders import ReminderNotifier
    from sip_desk.ui.store_check import StoreCheck

log = logging.getLogger(__name__)
REST_OF_START_MS = 200


class DesktopApp(ReminderSteps):
    """Owns the application objects; rebuilds the main window when the language changes."""

    def __init__(self, args: argparse.Namespace, settings: AppSettings | None = None) -> None:
        self.args = args
        self.qapp = qt_application.qt_application()  # a module attribute: test children wrap it
        self.settings = settings or AppSettings()
        self.settings.keep_private()  # an older build's 0644 settings and file-dialog history
        self.events = AppEvents()
        self.translations = Translations()
        self.lang = self.translations.install(getattr(args, "lang", None) or self.settings.language)
        self.services: Services | None = None
        self.store = ""
        self.log_path = ""
        self._showing_error = False
        self.reminders: ReminderNotifier | None = None
        self.store_check: StoreCheck | None = None
        self.window = self._make_window()
        self.events.language_changed.connect(self._on_language_changed)

    def _make_window(self) -> MainWindow:
        window = MainWindow(self.events, self.settings, self.lang)
        window.reminders_requested.connect(self._on_reminders_requested)
        return window

    def start(self) -> None:
        """Show the window; open the store right after its first paint."""
        self.window.show()
        self.window.first_painted.connect(self._schedule_open_store)
        self.window.first_painted.connect(self._schedule_script_fonts)
        # Should no paint ever arrive (e.g. started minimised), open the store anyway.
        QTimer.singleShot(500, self._schedule_open_store)

    def _schedule_script_fonts(self) -> None:
        from sip_desk.ui.script_fonts import register_script_fonts

        # After the first paint: a few milliseconds no one waits for.
        QTimer.singleShot(REST_OF_START_MS, register_script_fonts)

    def _schedule_open_store(self) -> None:
        if self.services is None and not self.store:
            from sip_desk.paths import default_store

            self.store = getattr(self.args, "db", None) or default_store()
            QTimer.singleShot(0, self.open_store)

    def open_store(self) -> None:
        """Open (create or upgrade) the store; on a store error explain and offer a retry."""
        from sip_desk.bootstrap import (
            check_store_place,
            current_user,
            open_services,
            store_is_encrypted,
        )
        from sip_desk.domain.audit import UserContext
        from sip_desk.ui.dialogs.store_error_dialog import StoreErrorDialog

        name = getattr(self.args, "user", None)
        user = UserContext(user=name) if name else current_user()
        key = None
        while True:
            try:
                if key is None and store_is_encrypted(self.store):
                    check_store_place(self.store)  # a store others control: before the dialog
                    key = self.ask_passphrase()
                    if key is None:  # the user chose not to open it: end calmly
                        self.window.close()
                        return
                self.services = open_services(
                    self.store, user=user, interactive=True, passphrase=key
                )
                break
            except StoreError as error:
                problem = error
            except Exception as error:  # e.g. a malformed URL or a missing database driver
                log.exception("store %s cannot be opened", self.store)
                problem = StoreError("store.unreachable", detail=str(error)[:300])
            log.warning("store %s cannot be opened: %s", self.store, problem)
            self.window.counts.setText(problem.message(self.lang))
            if not StoreErrorDialog.show_error(
                self.window, problem, self.store, self.lang, key, user
            ):
                return
        self.window.attach_services(self.services, self.store)
        self.events.store_opened.emit()
        # The list is on screen; load the rest of the services (ORM, models) and check what is
        # due in a later turn of the event loop, so the first page is painted first.
        QTimer.singleShot(REST_OF_START_MS, self.start_reminders)
        QTimer.singleShot(REST_OF_START_MS, self.start_store_check)
        QTimer.singleShot(REST_OF_START_MS, self.show_welcome_if_new)

    def show_welcome_if_new(self) -> None:
        """The welcome, at this account's first start on this store (never in scripted runs)."""
        if not self.closed:  # a step of the start still pending when the window was closed
            self.window.welcome.show_if_new(self.args)

    def ask_passphrase(self) -> str | None:
        """The passphrase of the encrypted store: known (a file, the keyring), else asked.

        ``None`` when the user quit the dialog.
        """
        from sip_desk.app_passphrase import ask_store_passphrase

        return ask_store_passphrase(self.window, self.store, self.lang)

    def start_store_check(self) -> None:
        """Check the whole store file for damage on a worker thread (opening checked only part
        of a large one); damage found is explained like a store that cannot be opened."""
        if self.services is None or self.store_check is not None or self.closed:
            return
        from sip_desk.ui.store_check import StoreCheck

        self.store_check = StoreCheck.start(self.services.store_health, self.qapp)
        self.store_check.damaged.connect(self._on_store_damaged)
        self.store_check.backup_failed.connect(self._on_backup_failed)

    def _on_backup_failed(self, problem: DomainError) -> None:
        """Tell the user why today's backup is missing (once a day); the work goes on."""
        from sip_desk.ui.widgets.backup_banner import tell_once_a_day

        if self.services is not None:
            today = self.services.ctx.clock.today()
            tell_once_a_day(
                self.window.backup_banner, self.settings.store, problem, self.lang, today
            )

    def _on_store_damaged(self, error: StoreError) -> None:
        from sip_desk.ui.dialogs.store_error_dialog import StoreErrorDialog

        self.window.counts.setText(error.message(self.lang))
        if self.services is not None:
            self.services.ctx.db.dispose()  # the dialog may restore a backup in its place
        key = self.services.ctx.db.passphrase if self.services else None
        user = self.services.ctx.user if self.services else None
        restored = StoreErrorDialog.show_error(self.window, error, self.store, self.lang, key, user)
        if restored and self.services:
            self.window.attach_services(self.services, self.store)  # restored: list it again

    def enable_log_file(self) -> None:
        from sip_desk.logfile import install_log_file

        try:
            self.log_path = install_log_file()
        except OSError:
            log.warning("no log file: the data folder is not writable")

    def _on_language_changed(self, lang: str) -> None:
        """Rebuild the window in ``lang``; editors save what is typed first."""
        from sip_desk.ui import window_place

        old = self.window
        place = window_place.capture(old)  # before a question may show another tab
        if not old.tabs.can_close_all():  # saves what is typed; False while a text waits
            old.keep_language()
            return
        old.settings.geometry = old.saveGeometry()
        self.settings.language = lang
        self.lang = self.translations.install(lang)
        self.window = self._make_window()
        if self.services is not None:
            self.window.attach_services(self.services, self.store)
            window_place.restore_tabs(self.window, place)
        reminders = self.reminders
        if not old.banner.isHidden() and reminders is not None and reminders.tray is None:
            reminders.check_now()  # the reminder not dismissed: in the new window's language
        if not old.backup_banner.isHidden() and old.backup_banner.problem is not None:
            self.window.backup_banner.show_problem(old.backup_banner.problem, lang)
        self.window.show()
        old.hide()
        old.deleteLater()
        window_place.restore_view(self.window, place)  # same place, the keyboard there

    def handle_exception(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """``sys.excepthook``: log the traceback, show a calm message, keep running.

        While one message is on screen, further errors are only logged (no chain of dialogs).
        """
        if issubclass(kind, KeyboardInterrupt):
            self.qapp.quit()
            return
        if isinstance(error, DomainError):
            log.warning("%s reached the top: %s", kind.__name__, error)
        else:
            log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if self._showing_error:
            return
        self._showing_error = True
        try:
            self._show_error(error)
        finally:
            self._showing_error = False

    def _show_error(self, error: BaseException) -> None:
        from sip_desk.ui import prompts
        from sip_desk.ui.background import error_text
        from sip_desk.ui.dialogs.store_error_dialog import StoreErrorDialog

        if isinstance(error, StoreError):
            StoreErrorDialog.show_error(self.window, error, self.store, self.lang)
            return
        title = QCoreApplication.translate("DesktopApp", "SIP Desk")
        details = f"{type(error).__name__}: {error}\n{self.log_path}".strip()
        if isinstance(error, DomainError):
            details = ""
        prompts.warn(self.window, title, error_text(error, self.lang), details=details)

    def exec(self) -> int:
        previous = sys.excepthook
        sys.excepthook = self.handle_exception
        try:
            return self.qapp.exec()
        finally:
            sys.excepthook = previous
            self.stop_reminders()
            if self.store_check is not None:
                self.store_check.stop()
            self.settings.sync()
            if self.services is not None:
                self.services.ctx.db.dispose()
            # Delete the window while QApplication still exists; left to the garbage collector
            # at interpreter exit, Qt objects can be destroyed after it (a crash on quit).
            import shiboken6

            if shiboken6.isValid(self.window):
                shiboken6.delete(self.window)


def run(args: argparse.Namespace) -> int:
    """Run the desktop application until its window closes; returns the exit code."""
    protect_singletons()
    app = DesktopApp(args)
    app.start()
    QTimer.singleShot(0, app.enable_log_file)
    return app.exec()
