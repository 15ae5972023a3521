"""A follow-up meeting record being written: stored as typed, completed later.

Kept apart from the meeting and its reviews on purpose: a held meeting's reviews always hold a
decided value (NOT NULL), while a draft's evaluations start empty (``NULL``: not yet evaluated).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from sip_desk.db.base import Base, enum_column, owned, owner_id
from sip_desk.domain.enums import FollowUpDecision, GoalOutcome, ReviewStatus


class FollowUpDraft(Base):
    """The follow-up record of one booked meeting, while it is written (one per plan)."""

    __tablename__ = "follow_up_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), unique=True)
    meeting_id: Mapped[int] = owner_id("meetings")
    started_at: Mapped[datetime]
    new_needs: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(default="")
    decision: Mapped[FollowUpDecision | None] = mapped_column(enum_column(FollowUpDecision))
    decision_reason: Mapped[str] = mapped_column(default="")
    next_starts_at: Mapped[datetime | None]
    next_place: Mapped[str] = mapped_column(default="")
    next_video_link: Mapped[str] = mapped_column(default="")

    action_reviews: Mapped[list[DraftActionReview]] = owned("DraftActionReview.id")
    goal_reviews: Mapped[list[DraftGoalReview]] = owned("DraftGoalReview.id")


class DraftActionReview(Base):
    """An action as marked so far; ``status`` ``NULL`` until someone evaluates it."""

    __tablename__ = "draft_action_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = owner_id("follow_up_drafts")
    action_id: Mapped[int] = owner_id("actions")
    status: Mapped[ReviewStatus | None] = mapped_column(enum_column(ReviewStatus))
    comment: Mapped[str] = mapped_column(default="")


class DraftGoalReview(Base):
    """A goal as evaluated so far, with the person's own view; ``outcome`` ``NULL`` until chosen."""

    __tablename__ = "draft_goal_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = owner_id("follow_up_drafts")
    goal_id: Mapped[int] = owner_id("goals")
    outcome: Mapped[GoalOutcome | None] = mapped_column(enum_column(GoalOutcome))
    person_view: Mapped[str] = mapped_column(default="")
