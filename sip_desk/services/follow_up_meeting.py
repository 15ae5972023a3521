"""Recording a follow-up meeting: reviews, decision, next booking, and the next plan version."""

from __future__ import annotations

from pathlib import Path

from sip_desk.db.models import ActionReview, GoalReview, Meeting, Need, Plan
from sip_desk.db.repositories import load_plan
from sip_desk.domain.enums import (
    ActionStatus,
    AuditAction,
    FollowUpDecision,
    MeetingKind,
    MeetingStatus,
    PlanStatus,
    ReviewStatus,
    VersionState,
)
from sip_desk.domain.errors import DomainError, NotFoundError, ValidationError, ValidationErrors
from sip_desk.domain.follow_up import MeetingData, MeetingDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.validation import validate_meeting
from sip_desk.domain.worklist import (
    FollowUpDocument,
    FollowUpRecord,
    FollowUpResult,
    InvitationDocument,
)
from sip_desk.services.audit_log import AuditLog
from sip_desk.services.context import ServiceContext
from sip_desk.services.mappers import plan_detail
from sip_desk.services.unit_of_work import PlanEdit, plan_edit

_ACTION_STATUS = {
    ReviewStatus.DONE: ActionStatus.DONE,
    ReviewStatus.NOT_DONE: ActionStatus.NOT_DONE,
    ReviewStatus.ONGOING: ActionStatus.ONGOING,
}
OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.ONGOING)


def validate_record(record: FollowUpRecord, ctx: ServiceContext) -> None:
    """Check the record: a decision, a reason for revise/close, a future next follow-up.

    Raises:
        ValidationErrors: what must be corrected, in form order.
    """
    errors: list[ValidationError] = []
    if record.decision is None:
        errors.append(ValidationError("meeting.decision", "validation.required"))
    elif record.decision is not FollowUpDecision.CLOSE and record.next_follow_up is None:
        errors.append(ValidationError("meeting.next_follow_up", "validation.required"))
    if record.decision in (FollowUpDecision.CLOSE, FollowUpDecision.REVISE) and not (
        record.decision_reason.strip()
    ):
        errors.append(ValidationError("meeting.decision_reason", "validation.required"))
    if record.next_follow_up is not None and record.decision is not FollowUpDecision.CLOSE:
        try:
            validate_meeting(record.next_follow_up, ctx.clock.now(), time_changed=True)
        except ValidationErrors as bad:
            errors += bad.errors
    if errors:
        raise ValidationErrors(errors)


def _check_reviews(plan: Plan, record: FollowUpRecord) -> None:
    actions = {a.id: a for a in plan.actions}
    goals = {g.id for g in plan.goals}
    errors: list[ValidationError] = []
    if any(r.action_id not in actions for r in record.action_reviews):
        errors.append(ValidationError("meeting.action_reviews", "validation.unknown_reference"))
    if any(r.goal_id not in goals for r in record.goal_reviews):
        errors.append(ValidationError("meeting.goal_reviews", "validation.unknown_reference"))
    if errors:
        raise ValidationErrors(errors)
    reviewed = {r.action_id for r in record.action_reviews}
    missing = [a for a in plan.actions if a.status in OPEN_STATUSES and a.id not in reviewed]
    if missing:
        raise DomainError("follow_up.unreviewed_actions", count=len(missing))


def _booked_meeting(plan: Plan, meeting_id: int) -> Meeting:
    meeting = next((m for m in plan.meetings if m.id == meeting_id), None)
    if meeting is None:
        raise NotFoundError("meeting", meeting_id)
    if meeting.status is not MeetingStatus.BOOKED:
        raise DomainError("follow_up.not_booked")
    return meeting


def _next_meeting(data: MeetingData) -> Meeting:
    return Meeting(
        kind=MeetingKind.FOLLOW_UP,
        starts_at=data.starts_at,
        duration_minutes=data.duration_minutes,
        place=data.place,
        video_link=data.video_link,
        convenor_participant_id=data.convenor_participant_id,
        status=MeetingStatus.BOOKED,
    )


class FollowUpMeetingService:
    """Write side of the follow-up meeting, plus the documents printed from it."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def record(
        self, plan_id: int, expected_version: int, meeting_id: int, record: FollowUpRecord
    ) -> FollowUpResult:
        """Record a held follow-up meeting in one transaction.

        Marks the meeting held with its reviews and decision, sets each reviewed action's
        status, adds new needs to the plan, books the next follow-up, closes the plan on a
        "close" decision, and leaves a new draft version of the plan for signing.

        Raises:
            ValidationErrors: the record is incomplete or refers to unknown actions/goals.
            DomainError: the meeting is not a booked one, or open actions were not marked.
            StaleEditError: the plan changed since ``expected_version``.
        """
        validate_record(record, self._ctx)
        with plan_edit(self._ctx, plan_id, expected_version) as edit:
            meeting = _booked_meeting(edit.plan, meeting_id)
            _check_reviews(edit.plan, record)
            self._hold(edit, meeting, record)
            self._update_actions(edit, record)
            next_id = self._book_next(edit, record)
            if record.decision is FollowUpDecision.CLOSE:
                self._close(edit, record.decision_reason)
            edit.changed = True
            edit.item_id = next_id
        plan = edit.saved().plan
        return FollowUpResult(
            plan=plan,
            meeting_id=meeting_id,
            next_meeting_id=next_id,
            version_number=max(v.number for v in plan.versions),
        )

    @staticmethod
    def _hold(edit: PlanEdit, meeting: Meeting, record: FollowUpRecord) -> None:
        meeting.status = MeetingStatus.HELD
        meeting.new_needs = record.new_needs.strip()
        meeting.notes = record.notes.strip()
        meeting.decision = record.decision
        meeting.decision_reason = record.decision_reason.strip()
        meeting.action_reviews = [
            ActionReview(action_id=r.action_id, status=r.status, comment=r.comment.strip())
            for r in record.action_reviews
        ]
        meeting.goal_reviews = [
            GoalReview(goal_id=r.goal_id, outcome=r.outcome, person_view=r.person_view.strip())
            for r in record.goal_reviews
        ]
        edit.log.record(
            AuditAction.UPDATE, "meeting", meeting.id, "follow_up", None, record.decision
        )
        if meeting.new_needs and record.decision is not FollowUpDecision.CLOSE:
            need = Need(description=meeting.new_needs, position=len(edit.plan.needs))
            edit.plan.needs.append(need)
            edit.session.flush()
            edit.log.record(AuditAction.CREATE, "need", need.id, new=need.description)

    @staticmethod
    def _update_actions(edit: PlanEdit, record: FollowUpRecord) -> None:
        actions = {a.id: a for a in edit.plan.actions}
        for review in record.action_reviews:
            edit.apply(
                actions[review.action_id], "action", {"status": _ACTION_STATUS[review.status]}
            )

    @staticmethod
    def _book_next(edit: PlanEdit, record: FollowUpRecord) -> int | None:
        if record.next_follow_up is None or record.decision is FollowUpDecision.CLOSE:
            return None
        meeting = _next_meeting(record.next_follow_up)
        edit.plan.meetings.append(meeting)
        edit.session.flush()
        edit.log.record(AuditAction.CREATE, "meeting", meeting.id, new=meeting.starts_at)
        return meeting.id

    def _close(self, edit: PlanEdit, reason: str) -> None:
        edit.apply(
            edit.plan,
            "plan",
            {
                "status": PlanStatus.CLOSED,
                "closed_reason": reason.strip(),
                "closed_on": self._ctx.clock.today(),
            },
        )

    def invitation_document(
        self, plan: PlanDetail, meeting_id: int, language: str = "sv", sender: str = ""
    ) -> InvitationDocument:
        """The summons for ``meeting_id`` of ``plan``, ready for the PDF letter."""
        return InvitationDocument(
            plan=plan,
            meeting=_meeting(plan, meeting_id),
            language=language,
            printed_on=self._ctx.clock.today(),
            sender=sender or self._ctx.user.unit,
        )

    def follow_up_document(
        self, plan: PlanDetail, meeting_id: int, language: str = "sv"
    ) -> FollowUpDocument:
        """The record of held follow-up ``meeting_id``, ready for the PDF appendix."""
        meeting = _meeting(plan, meeting_id)
        later = [
            m
            for m in plan.meetings
            if m.status is MeetingStatus.BOOKED and m.starts_at > meeting.starts_at
        ]
        drafts = [v.number for v in plan.versions if v.state is VersionState.DRAFT]
        return FollowUpDocument(
            plan=plan,
            meeting=meeting,
            language=language,
            printed_on=self._ctx.clock.today(),
            next_meeting=min(later, key=lambda m: m.starts_at, default=None),
            version_number=max(drafts, default=None),
        )

    def write_invitation(
        self, plan_id: int, meeting_id: int, path: Path, language: str = "sv"
    ) -> tuple[Path, Path]:
        """Save the summons as a PDF letter at ``path`` and as an .ics event beside it.

        Returns:
            The PDF and the .ics paths written.

        Raises:
            DomainError: the plan or meeting does not exist, or the files cannot be written.
        """
        from sip_desk.pdf.render_invitation import render_invitation
        from sip_desk.services.calendar_export import CalendarService, write_atomically

        plan = self._printed(plan_id, "invitation", meeting_id)
        doc = self.invitation_document(plan, meeting_id, language)
        pdf = Path(path).expanduser()
        write_atomically(pdf, render_invitation(doc))
        ics = pdf.with_suffix(".ics")
        calendar = CalendarService(self._ctx)
        write_atomically(ics, calendar.invitation_calendar(plan_id, meeting_id, language))
        return pdf, ics

    def write_follow_up_pdf(
        self, plan_id: int, meeting_id: int, path: Path, language: str = "sv"
    ) -> Path:
        """Save the record of a held follow-up meeting as a PDF appendix at ``path``."""
        from sip_desk.pdf.render_follow_up import render_follow_up
        from sip_desk.services.calendar_export import write_atomically

        plan = self._printed(plan_id, "follow_up", meeting_id)
        target = Path(path).expanduser()
        write_atomically(
            target, render_follow_up(self.follow_up_document(plan, meeting_id, language))
        )
        return target

    def _printed(self, plan_id: int, entity: str, meeting_id: int) -> PlanDetail:
        """Load the plan and log the print (one transaction)."""
        ctx = self._ctx
        with ctx.db.write() as s:
            row = load_plan(s, plan_id)
            AuditLog(s, ctx.user, ctx.clock.now(), row.id, row.person_id).record(
                AuditAction.PRINT, entity, meeting_id
            )
            return plan_detail(row)


def _meeting(plan: PlanDetail, meeting_id: int) -> MeetingDto:
    found = next((m for m in plan.meetings if m.id == meeting_id), None)
    if found is None:
        raise NotFoundError("meeting", meeting_id)
    return found
