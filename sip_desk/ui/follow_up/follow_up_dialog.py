"""The follow-up meeting: mark each action and goal, record new needs, decide, book the next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.enums import ActionStatus, FollowUpDecision, GoalOutcome, ReviewStatus
from sip_desk.domain.errors import DomainError
from sip_desk.domain.follow_up import ActionReviewData, GoalReviewData, MeetingData, MeetingDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.worklist import FollowUpRecord, FollowUpResult
from sip_desk.services.registry import Services

STOCKHOLM = QTimeZone(b"Europe/Stockholm")
STOCKHOLM_PY = ZoneInfo("Europe/Stockholm")
_OPEN = (ActionStatus.PLANNED, ActionStatus.ONGOING)


class FollowUpDialog(QDialog):
    """Records one booked follow-up meeting of ``plan`` through ``services.follow_ups``."""

    def __init__(
        self, services: Services, plan: PlanDetail, meeting: MeetingDto, lang: str = "sv",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.services, self.plan, self.meeting, self.lang = services, plan, meeting, lang
        self.result_value: FollowUpResult | None = None
        when = meeting.starts_at.astimezone(STOCKHOLM_PY).strftime("%Y-%m-%d %H:%M")
        self.setWindowTitle(
            self.tr("Follow-up %1 – %2").replace("%1", when).replace("%2", plan.person.full_name)
        )
        self.action_status: dict[int, QComboBox] = {}
        self.action_comment: dict[int, QLineEdit] = {}
        self.goal_outcome: dict[int, QComboBox] = {}
        self.goal_view: dict[int, QLineEdit] = {}
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self._actions_box())
        layout.addWidget(self._goals_box())
        layout.addWidget(self._decision_box())
        layout.addWidget(self._next_box())
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error = QLabel(self)
        self.error.setObjectName("followUpError")
        self.error.setStyleSheet("color: #a00000;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        outer.addWidget(self.buttons)
        self.resize(900, 720)
        self._on_decision_changed()

    @classmethod
    def record(
        cls, parent: QWidget | None, services: Services, plan_id: int, meeting_id: int,
        lang: str = "sv",
    ) -> FollowUpResult | None:  # fmt: skip
        """Open the dialog for a booked meeting; the stored result, or ``None`` if cancelled."""
        plan = services.plans.open_plan(plan_id)
        meeting = next((m for m in plan.meetings if m.id == meeting_id), None)
        if meeting is None:
            return None
        dialog = cls(services, plan, meeting, lang, parent)
        dialog.exec()
        return dialog.result_value

    def _actions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Actions: done, not done or ongoing?"), self)
        grid = QGridLayout(box)
        for column, text in enumerate(
            (self.tr("Action"), self.tr("Responsible"), self.tr("Status"), self.tr("Comment"))
        ):
            grid.addWidget(QLabel(f"<b>{text}</b>", box), 0, column)
        shown = [a for a in self.plan.actions if a.status in _OPEN]
        for row, action in enumerate(shown, start=1):
            label = QLabel(action.description, box)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            grid.addWidget(QLabel(action.responsible_name or action.organisation, box), row, 1)
            combo = QComboBox(box)
            for status, text in (
                (ReviewStatus.ONGOING, self.tr("Ongoing")),
                (ReviewStatus.DONE, self.tr("Done")),
                (ReviewStatus.NOT_DONE, self.tr("Not done")),
            ):
                combo.addItem(text, status)
            combo.setAccessibleName(self.tr("Status of %1").replace("%1", action.description))
            comment = QLineEdit(box)
            comment.setAccessibleName(self.tr("Comment on %1").replace("%1", action.description))
            grid.addWidget(combo, row, 2)
            grid.addWidget(comment, row, 3)
            self.action_status[action.id], self.action_comment[action.id] = combo, comment
        if not shown:
            grid.addWidget(QLabel(self.tr("No open actions."), box), 1, 0, 1, 4)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(3, 3)
        return box

    def _goals_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Goals: achieved? The person's own view, in their own words"))
        grid = QGridLayout(box)
        for row, goal in enumerate(self.plan.goals):
            label = QLabel(goal.text, box)
            label.setWordWrap(True)
            combo = QComboBox(box)
            for outcome, text in (
                (GoalOutcome.PARTLY, self.tr("Partly achieved")),
                (GoalOutcome.ACHIEVED, self.tr("Achieved")),
                (GoalOutcome.NOT_ACHIEVED, self.tr("Not achieved")),
            ):
                combo.addItem(text, outcome)
            view = QLineEdit(box)
            view.setPlaceholderText(self.tr("What does the person say?"))
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(view, row, 2)
            self.goal_outcome[goal.id], self.goal_view[goal.id] = combo, view
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        return box

    def _decision_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New needs and decision"), self)
        form = QFormLayout(box)
        self.new_needs = QPlainTextEdit(box)
        self.new_needs.setObjectName("newNeeds")
        self.new_needs.setFixedHeight(60)
        form.addRow(self.tr("New needs:"), self.new_needs)
        self.decision_group = QButtonGroup(box)
        row = QHBoxLayout()
        self.decision_buttons: dict[FollowUpDecision, QRadioButton] = {}
        for decision, text in (
            (FollowUpDecision.CONTINUE, self.tr("Continue the plan")),
            (FollowUpDecision.REVISE, self.tr("Revise the plan")),
            (FollowUpDecision.CLOSE, self.tr("Close the plan")),
        ):
            button = QRadioButton(text, box)
            self.decision_group.addButton(button)
            self.decision_buttons[decision] = button
            row.addWidget(button)
            button.toggled.connect(self._on_decision_changed)
        form.addRow(self.tr("Decision:"), row)
        self.reason = QLineEdit(box)
        self.reason.setObjectName("decisionReason")
        form.addRow(self.tr("Reason:"), self.reason)
        return box

    def _next_box(self) -> QGroupBox:
        self.next_box = QGroupBox(self.tr("Next follow-up"), self)
        form = QFormLayout(self.next_box)
        self.next_at = QDateTimeEdit(self.next_box)
        self.next_at.setObjectName("nextFollowUpAt")
        self.next_at.setCalendarPopup(True)
        self.next_at.setTimeZone(STOCKHOLM)
        self.next_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = self.meeting.starts_at + timedelta(weeks=8)
        self.next_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), STOCKHOLM))
        self.next_place = QLineEdit(self.meeting.place, self.next_box)
        self.next_video = QLineEdit(self.meeting.video_link, self.next_box)
        form.addRow(self.tr("Date and time:"), self.next_at)
        form.addRow(self.tr("Place:"), self.next_place)
        form.addRow(self.tr("Video link:"), self.next_video)
        return self.next_box

    def decision(self) -> FollowUpDecision | None:
        return next((d for d, b in self.decision_buttons.items() if b.isChecked()), None)

    def _on_decision_changed(self, *_args: object) -> None:
        self.next_box.setEnabled(self.decision() is not FollowUpDecision.CLOSE)

    def follow_up_record(self) -> FollowUpRecord:
        """What the widgets say, as the service's input."""
        decision = self.decision()
        starts = datetime.fromtimestamp(self.next_at.dateTime().toSecsSinceEpoch(), UTC)
        next_meeting = MeetingData(
            starts_at=starts,
            duration_minutes=self.meeting.duration_minutes,
            place=self.next_place.text().strip(),
            video_link=self.next_video.text().strip(),
            convenor_participant_id=self.meeting.convenor_participant_id,
        )
        return FollowUpRecord(
            action_reviews=tuple(
                ActionReviewData(
                    action_id=i, status=c.currentData(), comment=self.action_comment[i].text()
                )
                for i, c in self.action_status.items()
            ),
            goal_reviews=tuple(
                GoalReviewData(
                    goal_id=i, outcome=c.currentData(), person_view=self.goal_view[i].text()
                )
                for i, c in self.goal_outcome.items()
            ),
            new_needs=self.new_needs.toPlainText(),
            decision=decision,
            decision_reason=self.reason.text(),
            next_follow_up=None if decision is FollowUpDecision.CLOSE else next_meeting,
        )

    def _on_save(self) -> None:
        try:
            self.result_value = self.services.follow_ups.meetings.record(
                self.plan.id, self.plan.version, self.meeting.id, self.follow_up_record()
            )
        except DomainError as error:
            self.error.setText(error.message(self.lang))
            self.error.setVisible(True)
            return
        self.accept()
