"""A removed row of a plan and everything its removal took with it, so undo can put it back.

Removing a goal or an action also deletes its translations, its links (an action's goals) and
its reviews at follow-ups, and clears the references to it (a sub-goal's parent, an action's
need or responsible participant). A :class:`Removal` keeps all of that as it was stored, so that
undoing the removal restores the row under the same id with the same links and translations:
compared with a signed version, nothing then looks changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StoredRow:
    """One row as it was stored: its table and its columns' values."""

    table: str
    values: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Unlinked:
    """A row whose ``column`` pointed at a removed row (``target_table``, ``target_id``).

    The store set that column empty when the target was removed; undo points it back.
    """

    table: str
    row_id: int
    column: str
    target_table: str
    target_id: int


@dataclass(frozen=True)
class Removal:
    """The row ``item_id`` of ``kind`` removed from plan ``plan_id``, with what went with it.

    ``rows`` starts with the removed row itself; the rows deleted with it follow, each after
    the row it belongs to.
    """

    kind: str
    plan_id: int
    item_id: int
    rows: tuple[StoredRow, ...]
    unlinked: tuple[Unlinked, ...] = ()
