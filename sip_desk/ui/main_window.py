"""The main window: composes the plan list, the worklist, the plan tabs, menus and the status bar.

Dialogs are imported when first used."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from sip_desk.domain.errors import NotFoundError, StoreError
from sip_desk.ui.background_progress import thousands
from sip_desk.ui.events import AppEvents
from sip_desk.ui.follow_up.record_command import RecordCommand
from sip_desk.ui.icons import Icon, icon
from sip_desk.ui.menus import MainMenus
from sip_desk.ui.plan_commands import PlanCommands
from sip_desk.ui.recent_menu import fill_recent_menu
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import place_on_screen, set_large_text
from sip_desk.ui.welcome_command import WelcomeCommand
from sip_desk.ui.wheel_guard import guard_wheel
from sip_desk.ui.widgets.backup_banner import BackupBanner
from sip_desk.ui.widgets.plan_list_panel import PlanListPanel
from sip_desk.ui.widgets.plan_tabs import PlanTabs, open_plan_widget
from sip_desk.ui.widgets.reminder_banner import ReminderBanner
from sip_desk.ui.widgets.worklist_tab import WorklistTab

if TYPE_CHECKING:
    from sip_desk.services.registry import Services

log = logging.getLogger(__name__)
STATUS_MS = 10_000


class MainWindow(QMainWindow):
    """Shown before the store is open; :meth:`attach_services` makes it live."""

    first_painted = Signal()  # the app then opens the store
    reminders_requested = Signal()

    def __init__(
        self, events: AppEvents, settings: AppSettings, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("SIP Desk – coordinated individual plans"))
        self.events, self.settings, self.lang = events, settings, lang
        set_large_text(settings.large_text)  # before any widget measures its text
        guard_wheel()  # the wheel scrolls the page, never a value it passes over
        self.services: Services | None = None
        self.store = ""
        self._painted = False
        self._plan_count = ""  # the status bar's text while the plan list is shown
        self._worklist_counted = False  # the worklist's counts update the status bar
        self.plan_list = PlanListPanel(events, lang, self)
        self.tabs = PlanTabs(self.plan_list, self.tr("Plans"), self)
        self.worklist = WorklistTab(events, lang, self, settings.store)
        self.tabs.add_fixed(self.worklist, self.tr("Follow-ups"))
        self.banner = ReminderBanner(self)
        self.backup_banner = BackupBanner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.backup_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.counts = QLabel(self.tr("Opening the database…"), self)
        self.counts.setObjectName("planCounts")
        self.store_label = QLabel(self)
        self.store_label.setObjectName("storeLabel")
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.store_label)
        self.menus = MainMenus(self, lang, settings.large_text)
        self.commands = PlanCommands(
            self, events, self.tabs, self.plan_list, lang, self.show_status
        )
        self.recorder = RecordCommand(
            self.tabs, self.worklist, self.commands.target_plan_id, self.open_plan, self.show_status
        )
        self.welcome = WelcomeCommand(self, self.commands, lang, self.show_status)
        self._connect_signals()
        self._set_live(False)
        self._restore_geometry()

    def _restore_geometry(self) -> None:
        """The saved place and size at this scale, on the screen as it is now (never larger)."""
        saved, rect = self.settings.geometry, self.settings.window_rect
        if saved is not None:
            self.restoreGeometry(saved)
        maximised = self.windowState() & Qt.WindowState.WindowMaximized
        if not maximised:
            default = self.geometry() if saved is not None else QRect(0, 0, 1100, 700)
            place_on_screen(self, rect or default)
        self._placed_size = self.size()  # placed again once shown, unless resized meanwhile

    def _connect_signals(self) -> None:
        m, c = self.menus, self.commands
        m.new_plan_action.triggered.connect(self._on_new_plan_triggered)
        m.open_plan_action.triggered.connect(self.plan_list.open_current)
        m.close_tab_action.triggered.connect(self.tabs.close_current)
        m.save_pdf_action.triggered.connect(c.save_pdf)
        m.export_json_action.triggered.connect(c.export_json)
        m.import_json_action.triggered.connect(c.import_json)
        c.plan_imported.connect(lambda plan_id: self.open_plan(plan_id, log_access=False))
        m.delete_plan_action.triggered.connect(c.delete_plan)
        m.retention_action.triggered.connect(c.show_retention)
        m.demo_action.triggered.connect(c.load_demo)
        m.generate_demo_action.triggered.connect(c.generate_demo)
        m.quit_action.triggered.connect(self.close)
        m.settings_action.triggered.connect(self._on_settings_triggered)
        m.find_action.triggered.connect(self._on_find_triggered)
        m.list_action.triggered.connect(self.show_plan_list)
        m.worklist_action.triggered.connect(self.show_worklist)
        m.record_action.triggered.connect(self.recorder.record_current)
        self.events.follow_up_record_requested.connect(self.recorder.record)
        m.caseload_action.triggered.connect(self._on_caseload_triggered)
        m.log_review_action.triggered.connect(self._on_log_review_triggered)
        m.welcome_action.triggered.connect(self.welcome.show)
        m.reminders_action.triggered.connect(self.reminders_requested)
        m.large_text_action.toggled.connect(self._on_large_text_toggled)
        m.language_group.triggered.connect(self._on_language_triggered)
        m.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.tabs.currentChanged.connect(self._on_current_tab_changed)
        self.banner.worklist_requested.connect(self.show_worklist)
        self.plan_list.plan_activated.connect(self.open_plan)
        self.plan_list.new_plan_requested.connect(self._on_new_plan_triggered)
        self.plan_list.demo_requested.connect(c.load_demo)
        self.plan_list.counts_changed.connect(self._on_counts_changed)
        self.events.open_plan_requested.connect(self.open_plan)

    def _set_live(self, live: bool) -> None:
        self.menus.set_live(live)
        self.plan_list.view.new_plan.setEnabled(live)

    def attach_services(self, services: Services, store: str) -> None:
        """The store is open: load the list and enable the plan actions."""
        self.services, self.store = services, store
        self.store_label.setText(_display_store(store))
        self.store_label.setToolTip(_display_store(store))
        self._set_live(True)
        self.commands.attach(services)
        self.welcome.attach(services)
        self.worklist.attach(services)
        self.plan_list.set_source(services.plan_list)

    def open_plan(self, plan_id: int, log_access: bool = True) -> None:
        """Open a plan in a tab (or switch to it); opening logs the user's access."""
        if self.services is None or self.tabs.show_plan(plan_id):
            return
        try:
            widget, plan = open_plan_widget(
                self.services, self.events, plan_id, self.tabs, log_access
            )
        except NotFoundError as error:
            self.settings.forget_recent_plan(plan_id)
            self.statusBar().showMessage(error.message(self.lang), 8000)
            return
        except StoreError as error:  # e.g. another program holds the store: say so, offer a retry
            from sip_desk.ui.dialogs.store_error_dialog import StoreErrorDialog

            log.warning("plan %s cannot be opened: %s", plan_id, error.code)
            if StoreErrorDialog.show_error(self, error, self.store, self.lang):
                self.open_plan(plan_id, log_access)
            return
        self.tabs.add_plan(plan.id, widget, plan.person.full_name)
        self.settings.add_recent_plan(plan.id)
        self.events.plan_opened.emit(plan_id)

    def open_plan_ids(self) -> list[int]:
        return self.tabs.open_ids()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def show_plan_list(self) -> None:
        self.tabs.setCurrentWidget(self.plan_list)
        self.plan_list.view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_worklist(self) -> None:
        self.tabs.setCurrentWidget(self.worklist)
        panel = self.worklist.ensure_panel()
        if panel is not None:
            panel.view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_new_plan_triggered(self) -> None:
        if self.services is None:
            return
        from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog

        created = NewPlanDialog.ask(self, self.services.plans, self.lang)
        if created is not None:
            self.events.plans_changed.emit()
            self.open_plan(created.id, log_access=False)

    def _on_settings_triggered(self) -> None:
        if self.services is None:
            return
        from sip_desk.ui.dialogs.settings_dialog import SettingsDialog

        chosen = SettingsDialog.edit(self, self.services, self.lang, self.settings)
        if chosen is not None:
            self.events.plans_changed.emit()  # the worklist's warnings depend on the settings
            self.show_status(self.tr("Settings saved."))
            if chosen != self.lang:
                self.events.language_changed.emit(chosen)  # rebuilds the window at once

    def _on_caseload_triggered(self) -> None:
        if self.services is None:
            return
        from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog

        CaseloadDialog.show_for(self, self.services.follow_ups)

    def _on_log_review_triggered(self) -> None:
        if self.services is not None:
            from sip_desk.ui.dialogs.log_review_dialog import LogReviewDialog

            LogReviewDialog.show_for(self, self.services.audit, self.services.clock.today())

    def _on_large_text_toggled(self, on: bool) -> None:
        """Scale all text (text_scale.py) and keep the choice for the next start."""
        self.settings.large_text = on
        set_large_text(on)

    def _on_current_tab_changed(self, _index: int) -> None:
        self.menus.show_editor_actions(getattr(self.tabs.currentWidget(), "editor_actions", None))
        self._show_tab_count()

    def _show_tab_count(self) -> None:
        """The status bar counts what the current tab lists; a plan's tab lists nothing."""
        if self.services is None:
            return  # "Opening the database…" (or why it cannot be opened) stays
        current = self.tabs.currentWidget()
        text = ""
        if current is self.plan_list:
            text = self._plan_count
        elif current is self.worklist and (panel := self.worklist.ensure_panel()) is not None:
            if not self._worklist_counted:
                self._worklist_counted = True
                panel.model.counts_loaded.connect(self._show_tab_count)
            text = panel.count_text()
        self.counts.setText(text)

    def _on_find_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.plan_list)
        self.plan_list.focus_search()

    def _on_language_triggered(self, action: QAction) -> None:
        code = str(action.data())
        if code != self.lang:
            self.events.language_changed.emit(code)

    def keep_language(self) -> None:
        """A language switch did not happen: mark this window's language in the menu again."""
        for action in self.menus.language_group.actions():
            action.setChecked(str(action.data()) == self.lang)

    def _on_counts_changed(self, shown: int, total: int) -> None:
        self._plan_count = (
            self.tr("Plans shown: %1 of %2")
            .replace("%1", thousands(shown))
            .replace("%2", thousands(total))
        )
        self._show_tab_count()

    def _fill_recent_menu(self) -> None:
        menu = self.menus.recent_menu
        menu.clear()
        if self.services is not None:
            fill_recent_menu(menu, self.services, self.settings, self.open_plan)
        if menu.isEmpty():
            menu.addAction(self.tr("(none)")).setEnabled(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            maximised = self.windowState() & Qt.WindowState.WindowMaximized
            if not maximised and self.size() == self._placed_size:
                place_on_screen(self, self.normalGeometry())  # the frame is known once shown
            self.first_painted.emit()
            QTimer.singleShot(0, self._apply_icons)

    def _apply_icons(self) -> None:
        self.menus.new_plan_action.setIcon(icon(Icon.PLAN_CREATE))
        self.menus.open_plan_action.setIcon(icon(Icon.PLAN_OPEN))
        self.plan_list.view.apply_icons()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.tabs.can_close_all():  # a text waits for the user's choice
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_rect = self.normalGeometry()
        self.settings.sync()
        from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow

        for meeting in self.findChildren(MeetingModeWindow):  # the shared screen goes dark too
            meeting.close()
        super().closeEvent(event)


def _display_store(store: str) -> str:
    """The store for the status bar: a file path, or a URL without the password."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1@", store)
