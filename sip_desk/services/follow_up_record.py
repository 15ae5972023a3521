"""Writing a follow-up meeting record: a draft saved as it is typed, completed when decided.

The draft is beside the plan's content: saving it raises the plan's edit counter (so two
writers never overwrite each other unseen) but starts no new plan version, and signing never
includes it. Completing it is one transaction that marks the meeting held with its reviews,
sets the actions' status, adds new needs, books the next follow-up, closes the plan on a
"close" decision, and leaves a new draft version of the plan for signing.
"""

from __future__ import annotations

from sip_desk.db.models import (
    ActionReview,
    DraftActionReview,
    DraftGoalReview,
    FollowUpDraft,
    GoalReview,
    Meeting,
    Need,
    Plan,
)
from sip_desk.db.plan_read import read_plan
from sip_desk.domain.enums import (
    ActionStatus,
    AuditAction,
    FollowUpDecision,
    MeetingKind,
    MeetingStatus,
)
from sip_desk.domain.errors import DomainError, NotFoundError, ValidationErrors
from sip_desk.domain.follow_up import FollowUpRecord
from sip_desk.domain.follow_up_record import (
    OPEN_ACTION_STATUSES,
    completion_errors,
    needs_next_booking,
    save_errors,
)
from sip_desk.domain.worklist import FollowUpResult
from sip_desk.services.context import ServiceContext
from sip_desk.services.unit_of_work import PlanEdit, Saved, edit_plan


class FollowUpRecordService:
    """Start, save, complete or discard the follow-up record of a plan (one per plan).

    Every method is one write transaction and takes the plan's version as last seen.
    """

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def start(self, plan_id: int, expected_version: int, meeting_id: int | None = None) -> Saved:
        """Start the record of a booked follow-up, or reopen the one being written.

        ``meeting_id`` is the booked meeting (``None``: the earliest booked follow-up), ignored
        when a record is being written. The result's ``item_id`` is the record's meeting.
        """

        def change(edit: PlanEdit) -> None:
            edit.content = False
            draft = edit.plan.follow_up_draft or self._new_draft(edit, meeting_id)
            edit.item_id = draft.meeting_id

        return edit_plan(self._ctx, plan_id, expected_version, change)

    def save(
        self, plan_id: int, expected_version: int, meeting_id: int, record: FollowUpRecord
    ) -> Saved:
        """Store the record as typed. Nothing is required yet; evaluations may be empty.

        Evaluations of actions or goals removed from the plan meanwhile are dropped.
        """
        errors = save_errors(record)
        if errors:
            raise ValidationErrors(errors)

        def change(edit: PlanEdit) -> None:
            edit.content = False
            _store(edit, _draft(edit.plan, meeting_id), record)
            edit.item_id = meeting_id

        return edit_plan(self._ctx, plan_id, expected_version, change)

    def discard(self, plan_id: int, expected_version: int, meeting_id: int) -> Saved:
        """Throw the record being written away; the meeting stays booked (not held)."""

        def change(edit: PlanEdit) -> None:
            edit.content = False
            draft = _draft(edit.plan, meeting_id)
            edit.log.record(AuditAction.DELETE, "follow_up_draft", draft.id, old=meeting_id)
            edit.plan.follow_up_draft = None
            edit.changed = True

        return edit_plan(self._ctx, plan_id, expected_version, change)

    def complete(self, plan_id: int, expected_version: int) -> FollowUpResult:
        """Complete the record being written: the meeting is held, as the record says.

        ``ValidationErrors`` name what is still missing (the goals and actions not yet evaluated
        by name, a decision, its reason, the next follow-up); then nothing is stored.
        """
        held: list[int] = []

        def change(edit: PlanEdit) -> None:
            held[:] = [self._complete(edit)]

        return _result(edit_plan(self._ctx, plan_id, expected_version, change), held[0])

    # Steps inside one transaction -------------------------------------------------------------
    def _new_draft(self, edit: PlanEdit, meeting_id: int | None) -> FollowUpDraft:
        meeting = _booked_follow_up(edit.plan, meeting_id)
        draft = FollowUpDraft(meeting_id=meeting.id, started_at=self._ctx.clock.now())
        edit.plan.follow_up_draft = draft
        edit.session.flush()
        edit.log.record(AuditAction.CREATE, "follow_up_draft", draft.id, new=meeting.id)
        edit.changed = True
        return draft

    def _complete(self, edit: PlanEdit) -> int:
        """Complete the record; the held meeting's id (``item_id``: the next one booked)."""
        plan = edit.plan
        detail = read_plan(edit.session, plan.id)
        errors = completion_errors(detail, self._ctx.clock.now())
        if errors:
            raise ValidationErrors(errors)
        draft = _draft(plan, None)
        meeting = _booked_follow_up(plan, draft.meeting_id)
        book = needs_next_booking(detail)
        _hold(edit, meeting, draft)
        next_id = _book_next(edit, meeting, draft) if book else None
        if draft.decision is FollowUpDecision.CLOSE:
            edit.close(draft.decision_reason, self._ctx.clock.today())
        plan.follow_up_draft = None
        edit.changed = True
        edit.item_id = next_id
        return meeting.id


def _draft(plan: Plan, meeting_id: int | None) -> FollowUpDraft:
    draft = plan.follow_up_draft
    if draft is None or (meeting_id is not None and draft.meeting_id != meeting_id):
        raise DomainError("follow_up.no_draft")
    return draft


def _booked_follow_up(plan: Plan, meeting_id: int | None) -> Meeting:
    follow_ups = [m for m in plan.meetings if m.kind is MeetingKind.FOLLOW_UP]
    if meeting_id is None:
        booked = [m for m in follow_ups if m.status is MeetingStatus.BOOKED]
        if not booked:
            raise DomainError("follow_up.nothing_booked")
        return min(booked, key=lambda m: (m.starts_at, m.id))
    meeting = next((m for m in plan.meetings if m.id == meeting_id), None)
    if meeting is None:
        raise NotFoundError("meeting", meeting_id)
    if meeting not in follow_ups or meeting.status is not MeetingStatus.BOOKED:
        raise DomainError("follow_up.not_booked")
    return meeting


def _store(edit: PlanEdit, draft: FollowUpDraft, record: FollowUpRecord) -> None:
    names = "new_needs notes decision decision_reason next_starts_at next_place next_video_link"
    edit.apply(draft, "follow_up_draft", {name: getattr(record, name) for name in names.split()})
    actions = {a.id for a in edit.plan.actions}
    rows = {r.action_id: r for r in draft.action_reviews}
    for a in record.action_reviews:
        if a.action_id not in actions:
            continue  # removed from the plan meanwhile: nothing left to evaluate
        row = rows.get(a.action_id)
        if row is None:
            row = DraftActionReview(action_id=a.action_id, status=None, comment="")
            draft.action_reviews.append(row)
        edit.apply(row, "follow_up_draft.action", {"status": a.status, "comment": a.comment})
    goals = {g.id for g in edit.plan.goals}
    found = {r.goal_id: r for r in draft.goal_reviews}
    for g in record.goal_reviews:
        if g.goal_id not in goals:
            continue
        goal_row = found.get(g.goal_id)
        if goal_row is None:
            goal_row = DraftGoalReview(goal_id=g.goal_id, outcome=None, person_view="")
            draft.goal_reviews.append(goal_row)
        values = {"outcome": g.outcome, "person_view": g.person_view}
        edit.apply(goal_row, "follow_up_draft.goal", values)
    edit.session.flush()


def _hold(edit: PlanEdit, meeting: Meeting, draft: FollowUpDraft) -> None:
    meeting.status = MeetingStatus.HELD
    meeting.new_needs = draft.new_needs.strip()
    meeting.notes = draft.notes.strip()
    meeting.decision = draft.decision
    meeting.decision_reason = draft.decision_reason.strip()
    # Only decided evaluations of what the record showed become reviews: the open actions and
    # the goals (completion_errors made sure each has one). An action settled in the plan
    # meanwhile keeps the status given there.
    shown = {a.id for a in edit.plan.actions if a.status in OPEN_ACTION_STATUSES}
    meeting.action_reviews = [
        ActionReview(action_id=r.action_id, status=r.status, comment=r.comment.strip())
        for r in draft.action_reviews
        if r.status is not None and r.action_id in shown
    ]
    meeting.goal_reviews = [
        GoalReview(goal_id=r.goal_id, outcome=r.outcome, person_view=r.person_view.strip())
        for r in draft.goal_reviews
        if r.outcome is not None
    ]
    edit.log.record(AuditAction.UPDATE, "meeting", meeting.id, "follow_up", None, draft.decision)
    actions = {a.id: a for a in edit.plan.actions}
    for review in meeting.action_reviews:
        status = ActionStatus(review.status.value)  # a review's statuses are action statuses
        edit.apply(actions[review.action_id], "action", {"status": status})
    if meeting.new_needs and draft.decision is not FollowUpDecision.CLOSE:
        need = Need(description=meeting.new_needs, position=len(edit.plan.needs))
        edit.plan.needs.append(need)
        edit.session.flush()
        edit.log.record(AuditAction.CREATE, "need", need.id, new=need.description)


def _book_next(edit: PlanEdit, held: Meeting, draft: FollowUpDraft) -> int:
    assert draft.next_starts_at is not None  # checked by completion_errors
    meeting = Meeting(
        kind=MeetingKind.FOLLOW_UP,
        starts_at=draft.next_starts_at,
        duration_minutes=held.duration_minutes,
        place=draft.next_place.strip(),
        video_link=draft.next_video_link.strip(),
        convenor_participant_id=held.convenor_participant_id,
        status=MeetingStatus.BOOKED,
    )
    edit.plan.meetings.append(meeting)
    edit.session.flush()
    edit.log.record(AuditAction.CREATE, "meeting", meeting.id, new=meeting.starts_at)
    return meeting.id


def _result(saved: Saved, meeting_id: int) -> FollowUpResult:
    plan = saved.plan
    return FollowUpResult(
        plan=plan,
        meeting_id=meeting_id,
        next_meeting_id=saved.item_id,
        version_number=max(v.number for v in plan.versions),
    )
