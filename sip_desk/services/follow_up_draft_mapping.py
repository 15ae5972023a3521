"""The follow-up draft as a DTO, from the rows of the plan reader (no ORM needed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sip_desk.domain.enums import FollowUpDecision, GoalOutcome, ReviewStatus
from sip_desk.domain.follow_up import (
    ActionEvaluation,
    FollowUpDraftDto,
    FollowUpRecord,
    GoalEvaluation,
)

Row = Sequence[Any]


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _opt(enum: Any, value: Any) -> Any:
    return None if value is None else enum(value)


def draft_from_rows(
    drafts: list[Row], actions: list[Row], goals: list[Row]
) -> FollowUpDraftDto | None:
    """The plan's draft from the rows of ``plan_reader_sql`` (``None`` when there is none)."""
    if not drafts:
        return None
    d = drafts[0]
    started = _moment(d[2])
    assert started is not None
    record = FollowUpRecord(
        action_reviews=tuple(
            ActionEvaluation(action_id=r[0], status=_opt(ReviewStatus, r[1]), comment=r[2])
            for r in actions
        ),
        goal_reviews=tuple(
            GoalEvaluation(goal_id=r[0], outcome=_opt(GoalOutcome, r[1]), person_view=r[2])
            for r in goals
        ),
        new_needs=d[3],
        notes=d[4],
        decision=_opt(FollowUpDecision, d[5]),
        decision_reason=d[6],
        next_starts_at=_moment(d[7]),
        next_place=d[8],
        next_video_link=d[9],
    )
    return FollowUpDraftDto(meeting_id=d[1], started_at=started, record=record)
