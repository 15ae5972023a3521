"""Meetings: the first SIP meeting and follow-ups, with the review of actions and goals."""

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
