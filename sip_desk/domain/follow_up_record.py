"""Rules of a follow-up meeting record: what it must evaluate, when it may be completed.

Also when the next follow-up is suggested.

Nothing is recorded that nobody decided: every goal and every open action starts *not yet
evaluated*, and the record cannot be completed while any is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sip_desk.domain.action import ActionDto
from sip_desk.domain.enums import (
    ActionStatus,
    FollowUpDecision,
)
from sip_desk.domain.errors import DomainError, ValidationError
from sip_desk.domain.follow_up import FollowUpDraftDto, FollowUpRecord, MeetingDto
from sip_desk.domain.goal import GoalDto
from sip_desk.domain.local_time import LOCAL_TZ, local_text
from sip_desk.domain.messages import render
from sip_desk.domain.plan import PlanDetail

OPEN_ACTION_STATUSES = (ActionStatus.PLANNED, ActionStatus.ONGOING)
"""Actions still to be followed up; done, not done and cancelled ones are settled."""

WEEK_CHOICES = (2, 4, 6, 8, 12)
"""The intervals offered for the next follow-up, in weeks."""

TEXT_MAX = 20_000


class UnevaluatedError(ValidationError):
    """Goals or actions that nobody has evaluated yet; the message names each of them."""

    def __init__(self, goals: Sequence[str], actions: Sequence[str]) -> None:
        self.goals, self.actions = tuple(goals), tuple(actions)
        super().__init__("record.evaluations", "follow_up.unevaluated", count=self.count)

    @property
    def count(self) -> int:
        """How many are not yet evaluated."""
        return len(self.goals) + len(self.actions)

    def message(self, lang: str = "sv") -> str:
        """E.g. "Inte bedömt än (2): målet ”Eget boende”, insatsen ”Boendestöd”. …"."""
        names = [render("follow_up.unevaluated_goal", lang, {"name": g}) for g in self.goals]
        names += [render("follow_up.unevaluated_action", lang, {"name": a}) for a in self.actions]
        return render(
            "follow_up.unevaluated", lang, {"count": self.count, "items": ", ".join(names)}
        )


def open_actions(plan: PlanDetail) -> tuple[ActionDto, ...]:
    """The actions a follow-up marks: those planned or ongoing."""
    return tuple(a for a in plan.actions if a.status in OPEN_ACTION_STATUSES)


def record_of(plan: PlanDetail) -> FollowUpRecord:
    """What the plan's follow-up draft holds so far (empty when none is being written)."""
    draft = plan.follow_up_draft
    return draft.record if draft is not None else FollowUpRecord()


def unevaluated(plan: PlanDetail) -> tuple[tuple[GoalDto, ...], tuple[ActionDto, ...]]:
    """The goals and open actions without an evaluation in the plan's follow-up draft."""
    record = record_of(plan)
    goals = tuple(g for g in plan.goals if record.goal(g.id).outcome is None)
    actions = tuple(a for a in open_actions(plan) if record.action(a.id).status is None)
    return goals, actions


def draft_meeting(plan: PlanDetail) -> MeetingDto | None:
    """The booked meeting whose record is being written, if any."""
    draft = plan.follow_up_draft
    if draft is None:
        return None
    return next((m for m in plan.meetings if m.id == draft.meeting_id), None)


def meeting_to_record(plan: PlanDetail) -> MeetingDto | None:
    """The meeting a new follow-up record is for: the earliest booked follow-up, held or due."""
    return next(iter(plan.booked_follow_ups()), None)


def later_booking(plan: PlanDetail, meeting_id: int) -> MeetingDto | None:
    """A follow-up already booked after meeting ``meeting_id`` (then none needs booking)."""
    current = next((m for m in plan.meetings if m.id == meeting_id), None)
    if current is None:
        return None
    booked = plan.booked_follow_ups()
    return next((m for m in booked if m.starts_at > current.starts_at), None)


def suggest_next(held_at: datetime, weeks: int, now: datetime, tz: ZoneInfo = LOCAL_TZ) -> datetime:
    """The next follow-up ``weeks`` after the meeting held at ``held_at``, never in the past.

    Counted in local calendar days from the meeting's own date, at the meeting's local
    wall-clock time (08:00 stays 08:00 across a daylight-saving change). When the record is
    written so late that this is already past, it is counted from today instead. UTC-aware.
    """
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    local = held_at.astimezone(tz)
    wall = local.time().replace(second=0, microsecond=0)
    candidate = _at(local.date() + timedelta(weeks=weeks), wall, tz)
    if candidate <= now:
        today = now.astimezone(tz).date()
        candidate = _at(today + timedelta(weeks=weeks), wall, tz)
    return candidate


def _at(day: date, wall: time, tz: ZoneInfo) -> datetime:
    # Through UTC and back: a wall time skipped by the spring change becomes a real moment.
    return datetime.combine(day, wall, tzinfo=tz).astimezone(UTC)


def save_errors(record: FollowUpRecord) -> list[ValidationError]:
    """What a draft cannot hold: texts over the length limit (anything else may wait)."""
    texts = {
        "record.new_needs": record.new_needs,
        "record.notes": record.notes,
        "record.decision_reason": record.decision_reason,
        "record.next_place": record.next_place,
        "record.next_video_link": record.next_video_link,
    }
    texts |= {f"record.action.{r.action_id}.comment": r.comment for r in record.action_reviews}
    texts |= {f"record.goal.{r.goal_id}.person_view": r.person_view for r in record.goal_reviews}
    return [
        ValidationError(key, "validation.too_long", max=TEXT_MAX)
        for key, text in texts.items()
        if len(text) > TEXT_MAX
    ]


def completion_errors(plan: PlanDetail, now: datetime) -> list[ValidationError]:
    """Why the plan's follow-up draft cannot be completed yet, in form order (empty: it can).

    Raises:
        DomainError: no follow-up record is being written for the plan.
    """
    draft = _draft(plan)
    record = draft.record
    errors = save_errors(record)
    goals, actions = unevaluated(plan)
    if goals or actions:
        errors.append(UnevaluatedError([g.text for g in goals], [a.description for a in actions]))
    if record.decision is None:
        errors.append(ValidationError("record.decision", "validation.required"))
    if record.decision in (FollowUpDecision.CLOSE, FollowUpDecision.REVISE) and not (
        record.decision_reason.strip()
    ):
        errors.append(ValidationError("record.decision_reason", "validation.required"))
    if needs_next_booking(plan):
        if record.next_starts_at is None:
            errors.append(ValidationError("record.next_starts_at", "validation.required"))
        elif record.next_starts_at <= now:
            errors.append(
                ValidationError(
                    "record.next_starts_at",
                    "validation.follow_up_in_past",
                    value=local_text(record.next_starts_at),
                )
            )
    return errors


def needs_next_booking(plan: PlanDetail) -> bool:
    """True when completing the draft books the next follow-up (not on close, not if booked)."""
    draft = plan.follow_up_draft
    if draft is None or draft.record.decision is FollowUpDecision.CLOSE:
        return False
    return later_booking(plan, draft.meeting_id) is None


def _draft(plan: PlanDetail) -> FollowUpDraftDto:
    if plan.follow_up_draft is None:
        raise DomainError("follow_up.no_draft")
    return plan.follow_up_draft
