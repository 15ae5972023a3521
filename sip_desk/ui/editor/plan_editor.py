"""The plan editor used live at the SIP meeting: sections in meeting order, autosave, undo."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.completeness import check_completeness
from sip_desk.domain.errors import ValidationError
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.conflict_dialog import ConflictDialog
from sip_desk.ui.editor import unsaved
from sip_desk.ui.editor.actions_section import ActionsSection
from sip_desk.ui.editor.bindings import FieldBinding
from sip_desk.ui.editor.changes_panel import ChangesPanel
from sip_desk.ui.editor.completeness_panel import CompletenessPanel
from sip_desk.ui.editor.conflict_bar import ConflictBar
from sip_desk.ui.editor.crisis_section import CrisisSection
from sip_desk.ui.editor.editor_actions import EditorActions
from sip_desk.ui.editor.editor_notice import EditorNotice
from sip_desk.ui.editor.focus_anchor import FocusAnchor
from sip_desk.ui.editor.follow_up_record_section import FollowUpRecordSection
from sip_desk.ui.editor.follow_up_section import FollowUpSection
from sip_desk.ui.editor.goals_section import GoalsSection
from sip_desk.ui.editor.held_text import HeldTextJournal
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.live_reload import LiveReload
from sip_desk.ui.editor.participants_section import ParticipantsSection
from sip_desk.ui.editor.person_section import PersonSection
from sip_desk.ui.editor.plan_refresh import refresh_sections
from sip_desk.ui.editor.recovery_bar import RecoveryBar
from sip_desk.ui.editor.responsibility_section import ResponsibilitySection
from sip_desk.ui.editor.section import Section, chain_tabs
from sip_desk.ui.editor.session import PlanSession, ui_lang
from sip_desk.ui.editor.side_splitter import SideSplitter
from sip_desk.ui.editor.signed_state import SignedStateBar
from sip_desk.ui.editor.store_busy import StoreBusyBanner
from sip_desk.ui.editor.translation_section import TranslationSection
from sip_desk.ui.events import AppEvents
from sip_desk.ui.meeting_mode.meeting_mode import MeetingMode
from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow
from sip_desk.ui.wheel_guard import guard_wheel

log = logging.getLogger(__name__)


class PlanEditor(QWidget):
    """Edits one plan; every input saves itself through the services within a second.

    Its texts are built in the UI language once: for another language the app flushes the
    editor and opens a new one for the plan (``DesktopApp``).
    """

    plan_saved = Signal(int)  # plan id; events.plan_changed is emitted too

    def __init__(
        self, services: Services, events: AppEvents, plan_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plan_editor")
        self.services, self.events = services, events
        guard_wheel()  # the wheel scrolls the page, never a value it passes over
        self.session = PlanSession(services, plan_id, self)
        self._shown: PlanDetail | None = None  # the plan the sections show
        self.meeting_mode = MeetingMode(services.ctx.clock.now, self)
        self.person_section = PersonSection(self.session)
        self.participants_section = ParticipantsSection(self.session)
        self.goals_section = GoalsSection(self.session)
        self.actions_section = ActionsSection(self.session)
        self.responsibility_section = ResponsibilitySection(self.session)
        self.crisis_section = CrisisSection(self.session)
        self.follow_up_section = FollowUpSection(self.session)
        self.follow_up_record_section = FollowUpRecordSection(self.session)
        self.translation_section = TranslationSection(self.session)
        self.sections: list[Section] = [
            self.person_section,
            self.participants_section,
            self.goals_section,
            self.actions_section,
            self.responsibility_section,
            self.crisis_section,
            self.follow_up_section,
            self.follow_up_record_section,
            self.translation_section,
        ]
        self.completeness = CompletenessPanel(self)
        # The signing service is imported when a signed version is first read, not before.
        signed_plan = lambda *version: services.signing.signed_plan(*version)  # noqa: E731, PLW0108
        self.changes = ChangesPanel(signed_plan, self)
        self.signed_state = SignedStateBar(self)
        self.notice = EditorNotice(self)
        self.conflicts = ConflictBar(self.session, self.bindings, self)
        self.busy_banner = EditorNotice(self, "editor_store_busy")
        self.store_busy = StoreBusyBanner(
            self.session, self.busy_banner, lambda: self._save_pending(ask=False), self
        )
        self.held_text = HeldTextJournal(self.session)  # held back: on disk until saved
        self.recovery = RecoveryBar(self.session, self.bindings, self.show_notice, self)
        self.session.resolver = lambda conflict: ConflictDialog.choose(self, conflict)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("editor_toolbar")
        self._build_layout()
        self.editor_actions = EditorActions(self, self.toolbar)
        self._connect_signals()
        self.live = LiveReload(self.session, self, lambda: any(b.pending for b in self.bindings()))
        self._set_tab_order()
        self._on_plan_changed(self.session.plan)
        self._show_signed_state()

    # Building ---------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        for section in self.sections:
            column.addWidget(section)
        column.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("editor_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self.focus_keeper = FocusAnchor(self.scroll_area)
        self.side = QWidget(self)
        self.side.setObjectName("editor_side")
        side_column = QVBoxLayout(self.side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.addWidget(self.signed_state)
        side_column.addWidget(self.changes)
        side_column.addWidget(self.completeness, 1)
        self.splitter = SideSplitter(self.scroll_area, self.side, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.busy_banner)
        layout.addWidget(self.conflicts)
        layout.addWidget(self.recovery)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        s = self.session
        s.plan_changed.connect(self._on_plan_changed)
        s.plan_saved.connect(self._on_plan_saved)
        s.validation_failed.connect(self._on_validation_failed)
        s.fields_ok.connect(self._on_fields_ok)
        s.notice.connect(self.show_notice)
        s.replaced_elsewhere.connect(self._on_replaced_elsewhere)
        self.completeness.anchor_activated.connect(self._on_anchor_activated)
        self.changes.anchor_activated.connect(self._on_anchor_activated)
        self.signed_state.show_changes_requested.connect(self._focus_changes)
        self.events.plan_changed.connect(self._on_event_plan_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

    def _set_tab_order(self) -> None:
        chain = [w for section in self.sections for w in section.focus_chain()]
        chain_tabs([*chain, self.signed_state.link, self.changes.items, self.completeness.items])

    # Public API -------------------------------------------------------------------------------
    @property
    def plan(self) -> PlanDetail:
        """The plan as last saved."""
        return self.session.plan

    def bindings(self) -> list[FieldBinding]:
        """Every input of every section."""
        return [b for section in self.sections for b in section.bindings.values()]

    def flush(self) -> None:
        """Save everything typed but not yet saved, now (open table cells included)."""
        self._save_pending(ask=True)

    def _save_pending(self, ask: bool) -> None:
        # ask: a change someone else made to the same field may be asked about now
        for table in self.findChildren(ItemTable):
            table.commit_open_editor()
        for section in self.sections:
            section.flush(ask)

    def can_close(self, reveal: Callable[[], None] = lambda: None) -> bool:
        """Save what is typed; False to keep the plan open (a conflict waits, or the user goes
        back to text that could not be stored; ``reveal`` first shows this plan)."""
        self.flush()
        if not self.conflicts.settle_all():
            self.show_notice(
                self.tr(
                    "The plan stays open: choose which text to keep first, or it would be lost."
                )
            )
            return False
        return unsaved.may_close(self, reveal)

    @property
    def meeting_window(self) -> MeetingModeWindow | None:
        return self.meeting_mode.window

    def show_meeting_mode(self) -> None:
        """Open the large-text window full screen on the shared screen; the keyboard stays here."""
        self.flush()
        self.meeting_mode.open(self.session.plan)

    def toggle_meeting_mode(self) -> None:
        """F11: open meeting mode, or close it when it is open."""
        if self.meeting_mode.active:
            self.meeting_mode.close()
        else:
            self.show_meeting_mode()

    def _on_replaced_elsewhere(self, key: str, when: str) -> None:
        """Another copy saved over text this copy saved: said calmly beside the field."""
        for binding in self.bindings():
            if binding.key == key:
                binding.show_note(self.tr("Changed in another copy at %1").replace("%1", when))

    def show_notice(self, text: str, brief: bool = False) -> None:
        """A calm message above the editor (hidden again after a while; soon when ``brief``)."""
        self.notice.say(text, brief)

    def record_follow_up(self, meeting_id: int | None = None) -> bool:
        """Go to the record of booked meeting ``meeting_id`` (``None``: the earliest), starting
        it or reopening the one being written; False when none could be started."""
        self.flush()
        return self.follow_up_record_section.start(meeting_id)

    def focus_anchor(self, anchor: str, entity_id: int | None = None) -> bool:
        """Move the focus to the field or table row a completeness item points at."""
        return any(section.focus_anchor(anchor, entity_id) for section in self.sections)

    # Slots ------------------------------------------------------------------------------------
    def _on_plan_changed(self, plan: PlanDetail) -> None:
        shown, self._shown = self._shown, plan
        refresh_sections(self.sections, shown, plan, self.person_section, self.translation_section)
        self.completeness.show_missing(check_completeness(plan, self.services.ctx.clock.now()))
        self.meeting_mode.follow(plan)

    def _show_signed_state(self) -> None:
        self.changes.show_plan(self.session.plan)
        self.signed_state.show_state(self.session.plan, self.changes.summary)
        self.completeness.set_signed_unchanged(self.signed_state.signed_unchanged)

    def _focus_changes(self) -> None:
        self.changes.items.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.changes.items.currentRow() < 0 and self.changes.items.count():
            self.changes.items.setCurrentRow(0)

    def _on_plan_saved(self, plan_id: int) -> None:
        self._show_signed_state()
        self.plan_saved.emit(plan_id)
        self.events.plan_changed.emit(plan_id, self)

    def _on_event_plan_changed(self, plan_id: int, initiator: object = None) -> None:
        # Another part of the app changed this plan: show it as stored (not our own echo).
        if plan_id == self.session.plan_id and initiator is not self:
            self.flush()
            self.session.reload()
            self._show_signed_state()  # e.g. just signed: "Signed version N" at once

    def _on_validation_failed(self, errors: list[ValidationError]) -> None:
        rest = errors
        for section in self.sections:
            rest = section.show_errors(rest)
        if rest:
            self.show_notice(" ".join(e.message(ui_lang()) for e in rest))

    def _on_fields_ok(self, keys: tuple[str, ...]) -> None:
        for section in self.sections:
            section.clear_errors(keys)

    def _on_anchor_activated(self, anchor: str, entity_id: int) -> None:
        self.focus_anchor(anchor, None if entity_id < 0 else entity_id)

    # Nothing lost -----------------------------------------------------------------------------
    def hideEvent(self, event: QHideEvent) -> None:
        self._save_pending(ask=False)
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        self.meeting_mode.close()
        super().closeEvent(event)
