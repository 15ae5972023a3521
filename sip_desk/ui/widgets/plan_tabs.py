"""The tab area: the plan list first, then one tab per open plan (the editor, or a summary)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget

from sip_desk.ui.events import AppEvents

if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanDetail
    from sip_desk.services.registry import Services

log = logging.getLogger(__name__)

EditorClass = Callable[[Any, AppEvents, int, QWidget], QWidget]


def _editor_class() -> EditorClass | None:
    # Imported when the first plan opens (the editor is heavy; start-up paints first).
    try:
        from sip_desk.ui.editor.plan_editor import PlanEditor
    except Exception:  # a missing or broken editor must not stop the plan from being seen
        log.exception("plan editor not available; showing a summary")
        return None
    return PlanEditor


def open_plan_widget(
    services: Services, events: AppEvents, plan_id: int, parent: QWidget, log_access: bool = True
) -> tuple[QWidget, PlanDetail]:
    """The plan editor for ``plan_id`` if it can be loaded, else a read-only summary.

    The editor opens (and so logs) the plan itself; for the summary this function does it.
    Raises ``DomainError`` when the plan cannot be read.
    """
    from datetime import UTC, datetime

    from sip_desk.domain.plan import PlanDetail
    from sip_desk.ui.views.plan_summary_view import PlanSummaryView

    editor_class = _editor_class()
    if editor_class is not None:
        editor = editor_class(services, events, plan_id, parent)
        plan = getattr(editor, "plan", None)
        if not isinstance(plan, PlanDetail):
            plan = services.plans.get_plan(plan_id)
        return editor, plan
    plans = services.plans
    plan = plans.open_plan(plan_id) if log_access else plans.get_plan(plan_id)
    return PlanSummaryView(plan, datetime.now(UTC), parent), plan


class PlanTabs(QTabWidget):
    """Hosts the fixed tabs (the plan list first, then e.g. the worklist) and the open plans."""

    def __init__(self, list_panel: QWidget, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTabs")
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(False)
        self._fixed = 0
        self.add_fixed(list_panel, title)
        self.tabCloseRequested.connect(self.close_tab)
        self.currentChanged.connect(self._meeting_follows_tab)
        self._plan_ids: dict[int, QWidget] = {}
        # Ctrl+Tab reaches QTabWidget from any field; Ctrl+PgDown/PgUp need their own keys.
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(partial(self._step, step))
            self.addAction(action)

    def add_fixed(self, widget: QWidget, title: str) -> None:
        """Add a tab that cannot be closed, after the other fixed tabs."""
        index = self.insertTab(self._fixed, widget, title)
        bar = self.tabBar()
        for side in (bar.ButtonPosition.RightSide, bar.ButtonPosition.LeftSide):
            bar.setTabButton(index, side, None)
        self._fixed += 1

    def _step(self, step: int, _checked: bool = False) -> None:
        """The next (``step`` 1) or previous tab, round the end, as Ctrl+Tab does."""
        if self.count() > 1:
            self.setCurrentIndex((self.currentIndex() + step) % self.count())

    def current_plan_id(self) -> int | None:
        """The plan of the current tab; ``None`` on a fixed tab."""
        current = self.currentWidget()
        return next((k for k, w in self._plan_ids.items() if w is current), None)

    def plan_widget(self, plan_id: int) -> QWidget | None:
        return self._plan_ids.get(plan_id)

    def close_plan(self, plan_id: int, ask: bool = True) -> None:
        """Close the plan's tab, saving what is typed; without ``ask`` whatever it holds."""
        widget = self._plan_ids.get(plan_id)
        if widget is None:
            return
        if not ask:
            self._flush(widget)
        elif not self.can_close(widget):
            return
        del self._plan_ids[plan_id]
        self.removeTab(self.indexOf(widget))
        widget.deleteLater()
        self._focus_current()

    def _focus_current(self) -> None:
        """The keys go to the tab now shown, where its focus last was (its shortcuts work)."""
        current = self.currentWidget()
        if current is None:
            return
        last = current.focusWidget()
        target = last if last is not None and last.isVisibleTo(current) else current
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_ids(self) -> list[int]:
        return list(self._plan_ids)

    def show_plan(self, plan_id: int) -> bool:
        """Switch to an already open plan; ``False`` if it is not open."""
        widget = self._plan_ids.get(plan_id)
        if widget is None:
            return False
        self.setCurrentWidget(widget)
        return True

    def add_plan(self, plan_id: int, widget: QWidget, title: str) -> None:
        self._plan_ids[plan_id] = widget
        meeting = _meeting(widget)
        if meeting is not None:  # an editor: its meeting mode, once shown, is the only one
            meeting.active_changed.connect(partial(self._on_meeting_shown, widget))
        index = self.addTab(widget, title.replace("&", "&&"))  # a name is no mnemonic (Alt+…)
        self.setTabToolTip(index, title)
        self.setCurrentIndex(index)

    def flush_plan(self, plan_id: int) -> None:
        """Ask the plan's editor, if open, to save what is typed."""
        widget = self._plan_ids.get(plan_id)
        if widget is not None:
            self._flush(widget)

    def close_tab(self, index: int) -> None:
        """The tab's close button: close the plan shown at ``index`` (fixed tabs stay)."""
        widget = self.widget(index)
        plan_id = next((k for k, w in self._plan_ids.items() if w is widget), None)
        if plan_id is not None:
            self.close_plan(plan_id)

    def can_close(self, widget: QWidget) -> bool:
        """Save what the editor holds; False while it keeps text the user must decide on.

        Before the editor asks, its tab is shown: the text, and the question, in sight.
        """
        can_close = getattr(widget, "can_close", None)
        if callable(can_close):
            return bool(can_close(reveal=lambda: self.setCurrentWidget(widget)))
        self._flush(widget)
        return True

    def can_close_all(self) -> bool:
        """:meth:`can_close` for the open plans, up to the first the user goes back to."""
        return all(self.can_close(w) for w in list(self._plan_ids.values()))

    @staticmethod
    def _flush(widget: QWidget) -> None:
        flush = getattr(widget, "flush", None)
        if callable(flush):
            flush()

    def close_current(self) -> None:
        self.close_tab(self.currentIndex())

    # One meeting mode: the shared screen shows the plan of the current tab -------------------
    def _on_meeting_shown(self, shown: QWidget, on: bool) -> None:
        if not on:
            return
        for widget in self._plan_ids.values():
            meeting = _meeting(widget)
            if widget is not shown and meeting is not None and meeting.active:
                meeting.close()

    def _meeting_follows_tab(self, _index: int) -> None:
        """Another plan's tab: the open meeting mode shows that plan (a fixed tab: it stays)."""
        current = self.currentWidget()
        show = getattr(current, "show_meeting_mode", None)
        if current not in self._plan_ids.values() or not callable(show):
            return
        others = (_meeting(w) for w in self._plan_ids.values() if w is not current)
        if any(m is not None and m.active for m in others):
            show()  # opens this plan's; _on_meeting_shown closes the other


def _meeting(widget: QWidget) -> Any:
    """The editor's meeting mode (``MeetingMode``); ``None`` for a summary."""
    return getattr(widget, "meeting_mode", None)
