"""Goals in the person's own words, and needs."""

from __future__ import annotations

from dataclasses import dataclass

from sip_desk.domain.enums import GoalTerm


@dataclass(frozen=True, kw_only=True)
class GoalData:
    """A goal (mål) or sub-goal (delmål), written in the person's own words."""

    text: str
    term: GoalTerm = GoalTerm.LONG
    parent_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class GoalDto(GoalData):
    """A stored goal."""

    id: int
    position: int = 0


@dataclass(frozen=True, kw_only=True)
class NeedData:
    """A need that efforts answer (behov)."""

    description: str


@dataclass(frozen=True, kw_only=True)
class NeedDto(NeedData):
    """A stored need."""

    id: int
    position: int = 0
