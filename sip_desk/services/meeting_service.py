"""Booking meetings and recording what a follow-up meeting decided."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sip_desk.db.models import ActionReview, GoalReview, Meeting, Plan
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.local_time import local_text
from sip_desk.domain.validation import validate_meeting
from sip_desk.services.context import ServiceContext
from sip_desk.services.unit_of_work import PlanEdit, Saved, edit_plan, find_row


def _check_refs(plan: Plan, data: MeetingData) -> None:
    """Every participant, action and goal ``data`` names belongs to ``plan``."""
    errors: list[ValidationError] = []
    convenor = data.convenor_participant_id
    if convenor is not None and convenor not in {p.id for p in plan.participants}:
        errors.append(ValidationError("meeting.convenor", "validation.unknown_reference"))
    actions = {a.id for a in plan.actions}
    goals = {g.id for g in plan.goals}
    if any(r.action_id not in actions for r in data.action_reviews):
        errors.append(ValidationError("meeting.action_reviews", "validation.unknown_reference"))
    if any(r.goal_id not in goals for r in data.goal_reviews):
        errors.append(ValidationError("meeting.goal_reviews", "validation.unknown_reference"))
    if errors:
        raise ValidationErrors(errors)


def meeting_columns(data: MeetingData) -> dict[str, Any]:
    """The meeting's own columns (its reviews are rows of their own)."""
    names = [f.name for f in fields(MeetingData) if not f.name.endswith("_reviews")]
    return {name: getattr(data, name) for name in names}


def _reviews_key(m: Meeting | MeetingData) -> tuple[object, ...]:
    return (
        tuple((r.action_id, r.status, r.comment) for r in m.action_reviews),
        tuple((r.goal_id, r.outcome, r.person_view) for r in m.goal_reviews),
    )


class MeetingService:
    """Meetings of a plan. Each method is one transaction."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def add_meeting(self, plan_id: int, version: int, data: MeetingData) -> Saved:
        """Book a meeting (a follow-up cannot be booked in the past)."""
        validate_meeting(data, self._ctx.clock.now(), time_changed=True)

        def change(edit: PlanEdit) -> None:
            _check_refs(edit.plan, data)
            meeting = Meeting(**meeting_columns(data))
            self._set_reviews(meeting, data)
            edit.plan.meetings.append(meeting)
            edit.session.flush()
            edit.log.record(AuditAction.CREATE, "meeting", meeting.id, new=data.starts_at)
            edit.item_id, edit.changed = meeting.id, True

        return edit_plan(self._ctx, plan_id, version, change)

    def update_meeting(
        self, plan_id: int, version: int, meeting_id: int, data: MeetingData
    ) -> Saved:
        """Change a meeting, including its follow-up record (reviews, decision)."""

        def change(edit: PlanEdit) -> None:
            meeting = find_row(edit.plan.meetings, "meeting", meeting_id)
            validate_meeting(
                data, self._ctx.clock.now(), time_changed=data.starts_at != meeting.starts_at
            )
            _check_refs(edit.plan, data)
            edit.apply(meeting, "meeting", meeting_columns(data))
            old = _reviews_key(meeting)
            self._set_reviews(meeting, data)
            new = _reviews_key(meeting)
            if old != new:
                edit.log.record(AuditAction.UPDATE, "meeting", meeting_id, "reviews", old, new)
                edit.changed = True
            edit.item_id = meeting_id

        return edit_plan(self._ctx, plan_id, version, change)

    def remove_meeting(self, plan_id: int, version: int, meeting_id: int) -> Saved:
        """Remove a meeting."""

        def change(edit: PlanEdit) -> None:
            meeting = find_row(edit.plan.meetings, "meeting", meeting_id)
            draft = edit.plan.follow_up_draft
            if draft is not None and draft.meeting_id == meeting_id:
                # Removing it would throw away the record being written about it.
                raise DomainError("follow_up.draft_exists", when=local_text(meeting.starts_at))
            edit.plan.meetings.remove(meeting)
            edit.log.record(AuditAction.DELETE, "meeting", meeting_id, old=meeting.starts_at)
            edit.changed = True

        return edit_plan(self._ctx, plan_id, version, change)

    @staticmethod
    def _set_reviews(meeting: Meeting, data: MeetingData) -> None:
        if _reviews_key(meeting) == _reviews_key(data):
            return
        meeting.action_reviews = [
            ActionReview(action_id=r.action_id, status=r.status, comment=r.comment)
            for r in data.action_reviews
        ]
        meeting.goal_reviews = [
            GoalReview(goal_id=r.goal_id, outcome=r.outcome, person_view=r.person_view)
            for r in data.goal_reviews
        ]
