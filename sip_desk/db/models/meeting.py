"""Meetings (first and follow-up) and the per-action and per-goal review at a follow-up."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sip_desk.db.base import Base, enum_column, owned, owner_id
from sip_desk.domain.enums import (
    FollowUpDecision,
    GoalOutcome,
    MeetingKind,
    MeetingStatus,
    ReviewStatus,
)

if TYPE_CHECKING:
    from sip_desk.db.models.plan import Plan
    from sip_desk.db.models.plan_items import Participant


class Meeting(Base):
    """A SIP meeting, booked or held."""

    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_status_starts_at", "status", "starts_at"),
        # Covers the worklist's "no booked follow-up" and "no first meeting" anti-joins.
        Index("ix_meetings_plan_kind_status", "plan_id", "kind", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = owner_id("plans")
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind))
    starts_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(default=60)
    place: Mapped[str] = mapped_column(default="")
    video_link: Mapped[str] = mapped_column(default="")
    convenor_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL")
    )
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), default=MeetingStatus.BOOKED
    )
    notes: Mapped[str] = mapped_column(default="")
    new_needs: Mapped[str] = mapped_column(default="")
    decision: Mapped[FollowUpDecision | None] = mapped_column(enum_column(FollowUpDecision))
    decision_reason: Mapped[str] = mapped_column(default="")

    plan: Mapped[Plan] = relationship(back_populates="meetings")
    convenor: Mapped[Participant | None] = relationship()
    action_reviews: Mapped[list[ActionReview]] = owned("ActionReview.id", "meeting")
    goal_reviews: Mapped[list[GoalReview]] = owned("GoalReview.id", "meeting")


class ActionReview(Base):
    """An action marked done / not done / ongoing at a follow-up."""

    __tablename__ = "action_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = owner_id("meetings")
    action_id: Mapped[int] = owner_id("actions")
    status: Mapped[ReviewStatus] = mapped_column(enum_column(ReviewStatus))
    comment: Mapped[str] = mapped_column(default="")

    meeting: Mapped[Meeting] = relationship(back_populates="action_reviews")


class GoalReview(Base):
    """A goal evaluated at a follow-up, with the person's own view."""

    __tablename__ = "goal_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = owner_id("meetings")
    goal_id: Mapped[int] = owner_id("goals")
    outcome: Mapped[GoalOutcome] = mapped_column(enum_column(GoalOutcome))
    person_view: Mapped[str] = mapped_column(default="")

    meeting: Mapped[Meeting] = relationship(back_populates="goal_reviews")
