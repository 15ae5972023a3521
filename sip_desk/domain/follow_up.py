"""Meetings: the first SIP meeting and follow-ups, with the review of actions and goals.

A follow-up meeting is recorded in two steps. While it is being written the record is a
:class:`FollowUpDraftDto` (saved as it is typed, every goal and action *not yet evaluated* until
someone chooses); when it is completed the meeting becomes held and carries the final
:class:`ActionReviewData` and :class:`GoalReviewData`, which always hold a decided value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sip_desk.domain.enums import (
    FollowUpDecision,
    GoalOutcome,
    MeetingKind,
    MeetingStatus,
    ReviewStatus,
)


@dataclass(frozen=True, kw_only=True)
class ActionReviewData:
    """An action marked at a follow-up."""

    action_id: int
    status: ReviewStatus
    comment: str = ""


@dataclass(frozen=True, kw_only=True)
class GoalReviewData:
    """A goal evaluated at a follow-up, with the person's own view in their own words."""

    goal_id: int
    outcome: GoalOutcome
    person_view: str = ""


@dataclass(frozen=True, kw_only=True)
class MeetingData:
    """A booked or held meeting. ``starts_at`` is timezone-aware."""

    kind: MeetingKind = MeetingKind.FOLLOW_UP
    starts_at: datetime
    duration_minutes: int = 60
    place: str = ""
    video_link: str = ""
    convenor_participant_id: int | None = None
    status: MeetingStatus = MeetingStatus.BOOKED
    notes: str = ""
    new_needs: str = ""
    decision: FollowUpDecision | None = None
    decision_reason: str = ""
    action_reviews: tuple[ActionReviewData, ...] = ()
    goal_reviews: tuple[GoalReviewData, ...] = ()


@dataclass(frozen=True, kw_only=True)
class MeetingDto(MeetingData):
    """A stored meeting; ``convenor_name`` for display."""

    id: int
    convenor_name: str = ""


@dataclass(frozen=True, kw_only=True)
class ActionEvaluation:
    """An action as marked so far in a follow-up record; ``status`` ``None``: not yet evaluated."""

    action_id: int
    status: ReviewStatus | None = None
    comment: str = ""


@dataclass(frozen=True, kw_only=True)
class GoalEvaluation:
    """A goal as evaluated so far; ``outcome`` ``None``: not yet evaluated."""

    goal_id: int
    outcome: GoalOutcome | None = None
    person_view: str = ""


@dataclass(frozen=True, kw_only=True)
class FollowUpRecord:
    """What is written about a follow-up meeting, as typed (nothing in it is checked yet).

    ``next_starts_at`` (timezone-aware) with ``next_place`` and ``next_video_link`` is the next
    follow-up to book when the record is completed; it is not needed when the decision is to
    close the plan or a later follow-up is already booked.
    """

    action_reviews: tuple[ActionEvaluation, ...] = ()
    goal_reviews: tuple[GoalEvaluation, ...] = ()
    new_needs: str = ""
    notes: str = ""
    decision: FollowUpDecision | None = None
    decision_reason: str = ""
    next_starts_at: datetime | None = None
    next_place: str = ""
    next_video_link: str = ""

    def action(self, action_id: int) -> ActionEvaluation:
        """The evaluation of ``action_id`` so far (not yet evaluated when never touched)."""
        found = next((r for r in self.action_reviews if r.action_id == action_id), None)
        return found or ActionEvaluation(action_id=action_id)

    def goal(self, goal_id: int) -> GoalEvaluation:
        """The evaluation of ``goal_id`` so far (not yet evaluated when never touched)."""
        found = next((r for r in self.goal_reviews if r.goal_id == goal_id), None)
        return found or GoalEvaluation(goal_id=goal_id)


@dataclass(frozen=True, kw_only=True)
class FollowUpDraftDto:
    """The follow-up record being written for the booked meeting ``meeting_id`` of a plan.

    A plan has at most one. It is not part of the plan's content: a signed version never holds
    it, and the meeting stays booked (not held) until the record is completed.
    """

    meeting_id: int
    started_at: datetime
    record: FollowUpRecord = FollowUpRecord()
