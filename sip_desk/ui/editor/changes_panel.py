"""What changed since the last signed version: always in view, each line jumps to its field."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidgetItem, QVBoxLayout, QWidget

from sip_desk.domain.changes import ChangeKind, ChangeSummary, PlanChange, summarise
from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import DomainError
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.session import ui_lang
from sip_desk.ui.editor.wrapped_list import WrappedList
from sip_desk.ui.text_scale import on_font_change

log = logging.getLogger(__name__)
_ANCHOR = Qt.ItemDataRole.UserRole
_ENTITY = Qt.ItemDataRole.UserRole + 1
MAX_LIST_HEIGHT = 220
ITEM_PADDING = 2

_TABLES = frozenset({"participant", "consent", "goal", "need", "action", "meeting"})
# change group (domain.changes) -> the editor field that holds it
_FIELD_ANCHORS = {
    "reason": "plan.reason",
    "meeting_question": "plan.meeting_question",
    "requested": "plan.requested_by",
    "lead": "plan.lead_principal",
    "coordinator": "plan.coordinator_participant_id",
    "made_with_person": "plan.made_with_person",
    "plan_consent": "plan.plan_consent_given",
    "what_matters": "plan.what_matters",
    "strengths": "plan.strengths",
    "person_own_actions": "plan.person_own_actions",
    "relatives_own_actions": "plan.relatives_own_actions",
    "crisis": "plan.crisis_warning_signs",
}
_PERSON_ANCHORS = {
    "name": "person.first_name",
    "identity": "person.identity_number",
    "contact": "person.phone",
    "language": "person.preferred_language",
}


def change_anchor(change: PlanChange) -> tuple[str, int]:
    """The editor anchor of a change and the row it concerns (-1 for none)."""
    if change.area in _TABLES:  # a table's anchor is its kind in plural
        gone = change.kind is ChangeKind.REMOVED or change.item_id is None
        return f"{change.area}s", -1 if gone else int(change.item_id or -1)
    if change.area == "no_effort":  # the reasons stand below the actions table
        return "actions", -1
    if change.area == "translation":  # section 9, which starts with the print language
        return "plan.print_language", -1
    anchors = _PERSON_ANCHORS if change.area == "person" else _FIELD_ANCHORS
    group = change.fields[0] if change.fields else ""
    return anchors.get(group, ""), -1


class ChangesPanel(QFrame):
    """Lists the changes since the last signed version; hidden when there are none.

    The changes need the person's approval, so the panel says so next to the list.
    """

    anchor_activated = Signal(str, int)  # anchor, entity id (-1 for none)

    def __init__(
        self, read_signed: Callable[[int, int], PlanDetail | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changes_panel")
        self._read_signed = read_signed  # (plan id, version number) -> that signed plan
        self._signed: tuple[int, PlanDetail | None] | None = None  # the last one read
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#changes_panel { background: #eaf2fb; border: 2px solid #1f5f99; }"
            "QFrame#changes_panel QLabel { color: #0b2e4f; }"
        )
        self.title = QLabel(self)
        self.title.setObjectName("changes_title")
        self.title.setWordWrap(True)
        self.approval = QLabel(self)
        self.approval.setObjectName("changes_approval")
        self.approval.setWordWrap(True)
        self.items = WrappedList(self, ITEM_PADDING)
        self.items.setObjectName("changes_list")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.approval)
        layout.addWidget(self.items)
        self.items.viewport().installEventFilter(self)
        on_font_change(self.items, self._fit_list)
        self.items.itemActivated.connect(self._on_item)
        self.items.itemClicked.connect(self._on_item)
        self.summary = ChangeSummary(since_version=None)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Set the fixed texts in the UI language."""
        self.items.setAccessibleName(self.tr("Changes since the last signed version"))
        self.approval.setText(
            "⚑ " + self.tr("These changes need the person's approval before the plan is signed.")
        )
        self.show_changes(self.summary)

    def show_plan(self, plan: PlanDetail) -> None:
        """Show what changed in ``plan`` since its last signed version (read once per version)."""
        signed = next(
            (v.number for v in reversed(plan.versions) if v.state is VersionState.SIGNED), None
        )
        if signed is None:
            self.show_changes(ChangeSummary(since_version=None))  # no read needed
            return
        if self._signed is None or self._signed[0] != signed:
            try:
                self._signed = (signed, self._read_signed(plan.id, signed))
            except DomainError as exc:
                log.warning("signed version not read: %s", exc.message("en"))
                return
        self.show_changes(summarise(self._signed[1], signed, plan))

    def show_changes(self, summary: ChangeSummary) -> None:
        """Show ``summary``; hide the panel when nothing was signed or nothing changed."""
        self.summary = summary
        self.items.clear()
        if summary.since_version is None or not summary.items:
            self.hide()
            return
        self.title.setText(
            "<b>✎ "
            + self.tr("Changed since signed version %1 (%2)")
            .replace("%1", str(summary.since_version))
            .replace("%2", str(len(summary.items)))
            + "</b>"
        )
        lang = ui_lang()
        for change in summary.items:
            row = QListWidgetItem("• " + change.line(lang), self.items)
            anchor, entity = change_anchor(change)
            row.setData(_ANCHOR, anchor)
            row.setData(_ENTITY, entity)
            if anchor:
                row.setToolTip(self.tr("Go to the field"))
        self.show()
        self._fit_list()

    def _fit_list(self) -> None:
        # As tall as the lines (up to a limit), so the completeness list keeps its room.
        self.items.fit_rows()
        frame = 2 * self.items.frameWidth()
        self.items.setFixedHeight(min(self.items.content_height() + frame, MAX_LIST_HEIGHT))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The list's width decides how its lines wrap, hence its height.
        if event.type() == QEvent.Type.Resize and self.items.count():
            self._fit_list()
        return False

    @property
    def lines(self) -> list[str]:
        """The lines as shown (without their bullets)."""
        return [self.items.item(i).text().removeprefix("• ") for i in range(self.items.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        anchor = item.data(_ANCHOR)
        if anchor:
            self.anchor_activated.emit(anchor, item.data(_ENTITY))
