"""The main window: composes the plan list, the plan tabs, menus and the status bar."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from sip_desk.domain.errors import DomainError, NotFoundError
from sip_desk.ui.events import AppEvents
from sip_desk.ui.i18n import LANGUAGE_NAMES
from sip_desk.ui.icons import Icon, icon
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.widgets.plan_list_panel import PlanListPanel
from sip_desk.ui.widgets.plan_tabs import PlanTabs, open_plan_widget

if TYPE_CHECKING:
    from sip_desk.services.registry import Services

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Shown before the store is open; :meth:`attach_services` makes it live."""

    first_painted = Signal()
    large_text_toggled = Signal(bool)

    def __init__(
        self, events: AppEvents, settings: AppSettings, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("SIP Desk – coordinated individual plans"))
        self.events = events
        self.settings = settings
        self.lang = lang
        self.services: Services | None = None
        self._painted = False
        self.plan_list = PlanListPanel(events, lang, self)
        self.tabs = PlanTabs(self.plan_list, self.tr("Plans"), self)
        self.setCentralWidget(self.tabs)
        self.counts = QLabel(self.tr("Opening the database…"), self)
        self.counts.setObjectName("planCounts")
        self.store_label = QLabel(self)
        self.store_label.setObjectName("storeLabel")
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.store_label)
        self._create_actions()
        self._create_menus()
        self._connect_signals()
        self._set_live(False)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        else:
            self.resize(1100, 700)

    def _action(self, name: str, text: str, keys: QKeySequence) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)  # stable in every language, for tests and accessibility tools
        action.setShortcut(keys)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence
        self.new_plan_action = self._action(
            "newPlanAction", self.tr("&New plan…"), key(key.StandardKey.New)
        )
        self.open_plan_action = self._action(
            "openPlanAction", self.tr("&Open plan"), key(key.StandardKey.Open)
        )
        self.close_tab_action = self._action(
            "closePlanAction", self.tr("&Close plan"), key(key.StandardKey.Close)
        )
        self.quit_action = self._action("quitAction", self.tr("&Quit"), key(key.StandardKey.Quit))
        self.find_action = self._action(
            "findPlanAction", self.tr("&Find plan"), key(key.StandardKey.Find)
        )
        self.list_action = self._action("planListAction", self.tr("Plan &list"), key("Ctrl+L"))
        self.large_text_action = self._action(
            "largeTextAction", self.tr("&Large text"), key("Ctrl+Shift+L")
        )
        self.large_text_action.setCheckable(True)
        self.large_text_action.setChecked(self.settings.large_text)
        self.language_group = QActionGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.setData(code)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_plan_action)
        file_menu.addAction(self.open_plan_action)
        self.recent_menu = QMenu(self.tr("&Recent plans"), self)
        self.recent_menu.setObjectName("recentPlansMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.close_tab_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.list_action)
        view_menu.addSeparator()
        view_menu.addAction(self.large_text_action)
        language_menu = bar.addMenu(self.tr("&Language"))
        language_menu.addActions(self.language_group.actions())

    def _connect_signals(self) -> None:
        self.new_plan_action.triggered.connect(self._on_new_plan_triggered)
        self.open_plan_action.triggered.connect(self._on_open_plan_triggered)
        self.close_tab_action.triggered.connect(self.tabs.close_current)
        self.quit_action.triggered.connect(self.close)
        self.find_action.triggered.connect(self._on_find_triggered)
        self.list_action.triggered.connect(lambda: self.tabs.setCurrentIndex(0))
        self.large_text_action.toggled.connect(self.large_text_toggled)
        self.language_group.triggered.connect(self._on_language_triggered)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.plan_list.plan_activated.connect(self.open_plan)
        self.plan_list.new_plan_requested.connect(self._on_new_plan_triggered)
        self.plan_list.counts_changed.connect(self._on_counts_changed)

    def _set_live(self, live: bool) -> None:
        for action in (self.new_plan_action, self.open_plan_action):
            action.setEnabled(live)
        self.plan_list.view.new_plan.setEnabled(live)
        self.recent_menu.setEnabled(live)

    # -- public -----------------------------------------------------------------------------

    def attach_services(self, services: Services, store: str) -> None:
        """The store is open: load the list and enable the plan actions."""
        self.services = services
        self.store_label.setText(_display_store(store))
        self.store_label.setToolTip(_display_store(store))
        self._set_live(True)
        self.plan_list.set_source(services.plans)

    def show_store_unavailable(self, message: str) -> None:
        self.counts.setText(message)

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
        self.tabs.add_plan(plan.id, widget, plan.person.full_name)
        self.settings.add_recent_plan(plan.id)
        self.events.plan_opened.emit(plan_id)

    def open_plan_ids(self) -> list[int]:
        return self.tabs.open_ids()

    def flush_editors(self) -> None:
        self.tabs.flush_all()

    # -- slots ------------------------------------------------------------------------------

    def _on_new_plan_triggered(self) -> None:
        if self.services is None:
            return
        from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog

        created = NewPlanDialog.ask(self, self.services.plans, self.lang)
        if created is not None:
            self.events.plans_changed.emit()
            self.open_plan(created.id, log_access=False)

    def _on_open_plan_triggered(self) -> None:
        plan = self.plan_list.current_plan()
        if plan is not None:
            self.open_plan(plan.id)

    def _on_find_triggered(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.plan_list.focus_search()

    def _on_language_triggered(self, action: QAction) -> None:
        code = str(action.data())
        if code != self.lang:
            self.events.language_changed.emit(code)

    def _on_counts_changed(self, shown: int, total: int) -> None:
        self.counts.setText(
            self.tr("Plans shown: %1 of %2")
            .replace("%1", _number(shown))
            .replace("%2", _number(total))
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        if self.services is None:
            return
        for plan_id in self.settings.recent_plans():
            try:
                person = self.services.plans.get_plan(plan_id).person
            except NotFoundError:
                self.settings.forget_recent_plan(plan_id)
                continue
            except DomainError:
                log.warning("recent plan %s could not be read", plan_id)
                continue
            text = f"{person.full_name}  {person.masked_identity}".strip()
            action = self.recent_menu.addAction(text.replace("&", "&&"))
            action.triggered.connect(lambda _=False, p=plan_id: self.open_plan(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- events -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
            QTimer.singleShot(0, self._apply_icons)

    def _apply_icons(self) -> None:
        self.new_plan_action.setIcon(icon(Icon.PLAN_CREATE))
        self.open_plan_action.setIcon(icon(Icon.PLAN_OPEN))
        self.plan_list.view.apply_icons()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_editors()
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        super().closeEvent(event)


def _display_store(store: str) -> str:
    """The store for the status bar: a file path, or a URL without the password."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1@", store)


def _number(value: int) -> str:
    """Thousands separated by a space, as in Swedish (10 000)."""
    return f"{value:,}".replace(",", "\N{NO-BREAK SPACE}")
