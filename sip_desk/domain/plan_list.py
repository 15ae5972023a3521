"""The plan list's order and keyset pages: sort by a column, page on from a row's key.

A page is asked for by the key of the row before it (``after``), never by an offset, so the
store seeks straight to it: the 250th page costs what the first does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.plan import PlanSummary


class PlanSort(StrEnum):
    """A column the plan list can be sorted by (``UPDATED``: most recently changed)."""

    UPDATED = "updated"
    PERSON = "person"
    IDENTITY = "identity"
    STATUS = "status"
    LEAD = "lead"
    COORDINATOR = "coordinator"
    NEXT_FOLLOW_UP = "next_follow_up"


@dataclass(frozen=True)
class PlanCursor:
    """Where a row stands in the order: its phase, its sort key (as stored) and its plan id.

    Phase 0 holds the rows that have a value in the sort column, phase 1 those that have none
    (they come last in either direction, ordered by id).
    """

    phase: int
    keys: tuple[Any, ...]
    plan_id: int


@dataclass(frozen=True, kw_only=True)
class PlanPageQuery:
    """One page of the plan list.

    Attributes:
        after: the row the page follows (``None``: from the start; with ``backwards``, from the
            end).
        backwards: read toward the start, the page ending just before ``after``; the rows still
            come in display order.
    """

    text: str = ""
    status: PlanStatus | None = None
    sort: PlanSort = PlanSort.UPDATED
    descending: bool = True
    after: PlanCursor | None = None
    backwards: bool = False
    limit: int = 200


@dataclass(frozen=True)
class PlanPage:
    """Rows in display order, with the cursor of each row (same length)."""

    rows: list[PlanSummary]
    cursors: list[PlanCursor]
