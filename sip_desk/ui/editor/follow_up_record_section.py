"""Section 8: the record of a follow-up meeting, written as a draft that saves itself.

Every goal and open action starts *not yet evaluated*; the section lists those still open and
the record can be completed only when none is left. Reopening the plan shows the draft again.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.enums import FollowUpDecision
from sip_desk.domain.errors import ValidationError
from sip_desk.domain.follow_up_record import (
    completion_errors,
    draft_meeting,
    meeting_to_record,
    needs_next_booking,
    record_of,
    unevaluated,
)
from sip_desk.domain.local_time import local_text
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.unit_of_work import Saved
from sip_desk.ui import prompts
from sip_desk.ui.editor import record_edits
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.editor.next_follow_up_part import NextFollowUpPart
from sip_desk.ui.editor.record_edits import Path, record_key, value_at
from sip_desk.ui.editor.record_pdf import RecordPdfButton
from sip_desk.ui.editor.record_reviews import RecordReviews
from sip_desk.ui.editor.reveal import scroll_area_of
from sip_desk.ui.editor.section import Section, chain_tabs
from sip_desk.ui.editor.session import PlanSession, ui_lang
from sip_desk.ui.item_models.labels import enum_choices

ALL_DONE_STYLE = "color: #1b5e20;"
PENDING_STYLE = "color: #6b4e00; font-weight: bold;"


class FollowUpRecordSection(Section):
    """The follow-up meeting record of the plan: start it, write it, complete or discard it."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("8. Follow-up meeting"), parent)
        self.setObjectName("section_follow_up_record")
        self._writing = False
        self.state = QLabel(self)
        self.state.setObjectName("record_state")
        self.state.setWordWrap(True)
        self._layout.addWidget(self.state)
        self.start_button = QPushButton(self.tr("Record the follow-up meeting (Ctrl+R)"), self)
        self.start_button.setObjectName("record_start")
        self.start_button.clicked.connect(lambda _=False: self.start())
        self.record_pdf = RecordPdfButton(session, self)
        self._layout.addLayout(_row(self.start_button, self.record_pdf))
        self.body = QWidget(self)
        self.body.setObjectName("record_body")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.body)
        self.reviews = RecordReviews(self, self.body, body, self.change)
        self.form = self._new_body_form(body)
        self._build_fields()
        self.next = NextFollowUpPart(self)
        self.unevaluated_label = QLabel(self.body)
        self.unevaluated_label.setObjectName("record_unevaluated")
        self.unevaluated_label.setWordWrap(True)
        self.completion_error = ErrorLabel("record_completion_error", self.body)
        self.complete_button = QPushButton(self.tr("Complete the follow-up…"), self.body)
        self.complete_button.setObjectName("record_complete")
        self.complete_button.clicked.connect(self.complete)
        self.discard_button = QPushButton(self.tr("Discard the draft…"), self.body)
        self.discard_button.setObjectName("record_discard")
        self.discard_button.clicked.connect(self.discard)
        for widget in (self.unevaluated_label, self.completion_error):
            body.addWidget(widget)
        body.addLayout(_row(self.complete_button, self.discard_button))

    # Building ---------------------------------------------------------------------------------
    def _new_body_form(self, body: QVBoxLayout) -> QFormLayout:
        form = self.new_form()
        self._layout.removeItem(form)
        body.addLayout(form)
        return form

    def _build_fields(self) -> None:
        self.new_needs = self.text()
        self.record_field(self.tr("New needs"), self.new_needs, ("new_needs",))
        self.notes = self.text()
        self.record_field(self.tr("Notes"), self.notes, ("notes",))
        self.decision = self.combo(enum_choices(FollowUpDecision, self.tr("(not decided)")))
        decision_kw = self.enum_kw(FollowUpDecision)
        self.record_field(self.tr("Decision"), self.decision, ("decision",), **decision_kw)
        self.decision_reason = self.line()
        reason = self.tr("Reason for the decision")
        self.record_field(reason, self.decision_reason, ("decision_reason",))

    def record_field(self, label: str, widget: QWidget, path: Path, **kw: Any) -> None:
        """An input in the form for the value of the record at ``path``."""
        read = partial(value_at, path=path)
        self._add(record_key(path), label, widget, read, partial(self.change, label, path), **kw)

    # Saving -----------------------------------------------------------------------------------
    def change(self, label: str, path: Path, value: object) -> bool:
        """Store ``value`` at ``path`` of the record being written (an undoable edit)."""
        if self.session.plan.follow_up_draft is None:
            return False
        label = label.replace("&", "")
        return self.session.execute(record_edits.change_record(self.session, label, path, value))

    def start(self, meeting_id: int | None = None) -> bool:
        """Start the record of the booked follow-up (or reopen the one being written)."""
        if self.session.plan.follow_up_draft is None:
            edit = record_edits.start_record(self.session, meeting_id)
            if not self.session.execute(edit):
                return False
        elif meeting_id is not None and meeting_id != self.session.plan.follow_up_draft.meeting_id:
            meeting = draft_meeting(self.session.plan)
            when = local_text(meeting.starts_at) if meeting else ""
            self.session.notice.emit(
                self.tr(
                    "The follow-up of %1 is being written; complete or discard it first."
                ).replace("%1", when)
            )
        # Lay the newly shown rows out first, so scrolling to them uses their real place.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._scroll_to_top()
        first = next((w for w in self.focus_chain() if w.isVisibleTo(self)), None)
        if first is not None:
            self.focus_widget(first)
        return True

    def _scroll_to_top(self) -> None:
        """Bring the section's heading to the top of the editor's scroll area."""
        area = scroll_area_of(self)
        content = area.widget() if area is not None else None
        if area is not None and content is not None:
            area.verticalScrollBar().setValue(self.mapTo(content, QPoint(0, 0)).y())

    def complete(self) -> None:
        """Complete the record, once everything is decided (the user confirms)."""
        self.flush()
        plan = self.session.plan
        if plan.follow_up_draft is None:
            return
        errors = completion_errors(plan, self.clock.now())
        if errors:
            self.show_errors(errors)
            self._focus_error(errors[0])
            return
        if not prompts.confirm(self, self.tr("Complete the follow-up"), self._summary(plan)):
            return
        records = self.session.services.follow_ups.records

        def op(current: PlanDetail) -> Saved:
            result = records.complete(current.id, current.version)
            return Saved(result.plan, result.next_meeting_id)

        if self.session.run(op, ("record.",)):
            self.session.notice.emit(self.tr("The follow-up meeting is recorded as held."))

    def _summary(self, plan: PlanDetail) -> str:
        record = record_of(plan)
        lines = [self.tr("The meeting is recorded as held; this cannot be undone.")]
        if record.decision is FollowUpDecision.CLOSE:
            lines.append(self.tr("The plan is closed."))
        elif record.next_starts_at is not None and needs_next_booking(plan):
            lines.append(
                self.tr("Next follow-up booked: %1.").replace(
                    "%1", local_text(record.next_starts_at)
                )
            )
        lines.append(self.tr("Complete the follow-up now?"))
        return "\n".join(lines)

    def discard(self) -> None:
        """Throw the draft away after asking (it can still be undone)."""
        if self.session.plan.follow_up_draft is None:
            return
        question = self.tr("Discard everything written about this follow-up meeting?")
        if prompts.confirm(self, self.tr("Discard the draft"), question):
            self.session.execute(record_edits.discard_record(self.session))

    # Editor protocol --------------------------------------------------------------------------
    def refresh(self, plan: PlanDetail) -> None:
        draft = plan.follow_up_draft
        self.body.setVisible(draft is not None)
        self.start_button.setVisible(draft is None)
        self.record_pdf.refresh(plan)
        rows_changed = self.reviews.sync(plan)
        self.next.refresh(plan)
        super().refresh(plan)
        self._show_state(plan)
        if rows_changed or self._writing != (draft is not None):
            self._writing = draft is not None
            chain_tabs(self.focus_chain())

    def _show_state(self, plan: PlanDetail) -> None:
        meeting = draft_meeting(plan)
        if meeting is not None:
            text = self.tr("Meeting of %1: a draft, saved as you type. It can be finished later.")
            self.state.setText(text.replace("%1", local_text(meeting.starts_at)))
        else:
            due = meeting_to_record(plan)
            self.start_button.setEnabled(due is not None)
            self.state.setText(
                self.tr("No follow-up meeting is being recorded. Next to record: %1.").replace(
                    "%1", local_text(due.starts_at)
                )
                if due
                else self.tr("No follow-up meeting is booked; book it under 7. Next follow-up.")
            )
        goals, actions = unevaluated(plan)
        names = [g.text for g in goals] + [a.description for a in actions]
        self.unevaluated_label.setStyleSheet(PENDING_STYLE if names else ALL_DONE_STYLE)
        self.unevaluated_label.setText(
            self.tr("Not yet evaluated (%1): %2")
            .replace("%1", str(len(names)))
            .replace("%2", ", ".join(names))
            if names
            else self.tr("Every goal and action is evaluated.")
        )

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        rest = self.next.show_errors(errors)
        mine = [e for e in rest if e.field == "record.evaluations"]
        if mine:
            self.completion_error.show_message(" ".join(e.message(ui_lang()) for e in mine))
        rest = [e for e in rest if e.field != "record.evaluations"]
        return super().show_errors(rest)

    def clear_errors(self, keys: tuple[str, ...]) -> None:
        if any(k.startswith("record.") for k in keys):
            self.completion_error.show_message("")
        self.next.clear_errors(keys)
        super().clear_errors(keys)

    def _focus_error(self, error: ValidationError) -> None:
        """Move to where the first problem can be put right."""
        key = {
            "record.evaluations": self.reviews.first_unevaluated(self.session.plan),
            "record.next_starts_at": "record.next_date",
        }.get(error.field, error.field)
        if key in self.bindings:
            self.focus_widget(self.bindings[key].widget)

    def focus_chain(self) -> list[QWidget]:
        keys = self.reviews.keys()
        keys += [f"record.{n}" for n in ("new_needs", "notes", "decision", "decision_reason")]
        inputs = [self.bindings[k].widget for k in keys if k in self.bindings]
        chain = [*inputs, *self.next.focus_chain(), self.complete_button, self.discard_button]
        # The start button leads while nothing is written (Alt+8 goes to the first entry).
        if self.session.plan.follow_up_draft is None:
            return [self.start_button, *chain]
        return [*chain, self.start_button]


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
