"""The worklist in groups: today first, then overdue, then what is coming.

A thousand overdue rows must not push today's meetings out of sight, so each group is its own
question to the store (the filter narrowed to its days), paged on its own, and the rows of a
group follow a heading row. Plain Python: runs on the worker that reads the pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from typing import Any

from sip_desk.domain.worklist import WorklistFilter, WorklistItem


class Group(IntEnum):
    """A heading of the worklist, in the order shown."""

    TODAY = 0
    OVERDUE = 1
    COMING = 2


@dataclass(frozen=True)
class GroupHeading:
    """A heading row: the rows after it, up to the next heading, are in ``group``."""

    group: Group


Row = WorklistItem | GroupHeading


def _narrow(f: WorklistFilter, first: date | None, last: date | None) -> WorklistFilter | None:
    """``f`` limited to due days ``first``..``last``; ``None`` when nothing can be in both."""
    if first is not None and f.first_day is not None:
        first = max(first, f.first_day)
    elif first is None:
        first = f.first_day
    if last is not None and f.last_day is not None:
        last = min(last, f.last_day)
    elif last is None:
        last = f.last_day
    if first is not None and last is not None and first > last:
        return None
    return dataclasses.replace(f, first_day=first, last_day=last)


def group_filters(f: WorklistFilter, today: date) -> list[tuple[Group, WorklistFilter]]:
    """The question each group asks (groups that cannot have rows are left out)."""
    yesterday = today - timedelta(days=1)
    found: list[tuple[Group, WorklistFilter | None]] = [
        (Group.TODAY, None if f.overdue_only else _narrow(f, today, today)),
        (Group.OVERDUE, _narrow(f, None, yesterday)),
        (Group.COMING, None if f.overdue_only else _narrow(f, today + timedelta(days=1), None)),
    ]
    return [(group, query) for group, query in found if query is not None]


@dataclass(frozen=True)
class Place:
    """How far the rows shown reach: the group being read and its last row's day."""

    group: int = 0
    last_due: date | None = None
    seen_that_day: int = 0
    done: bool = False


def collect(
    read: Callable[[WorklistFilter], list[WorklistItem]],
    groups: list[tuple[Group, WorklistFilter]],
    place: Place,
    want: int,
    page_size: int,
) -> tuple[list[Row], Place]:
    """At least ``want`` more rows (or all that are left) from ``place`` on, with headings.

    Pages are read by due day (``from_due`` and the rows of that day already seen), so a page
    costs the same however far down the list it is.
    """
    rows: list[Row] = []
    while not place.done and len(rows) < want:
        group, query = groups[place.group]
        started = place.last_due is not None or place.seen_that_day
        page = read(
            dataclasses.replace(
                query, limit=page_size, from_due=place.last_due, offset=place.seen_that_day
            )
        )
        if page and not started:
            rows.append(GroupHeading(group))
        rows += page
        if len(page) < page_size:
            following = place.group + 1
            place = Place(following, done=following >= len(groups))
            continue
        last = page[-1].due
        same = sum(1 for item in page if item.due == last)
        seen = place.seen_that_day + same if last == place.last_due else same
        place = Place(place.group, last, seen)
    return rows, place


def sorted_in_groups(
    rows: list[Row], key: Callable[[WorklistItem], Any], descending: bool
) -> list[Row]:
    """Each group's rows sorted by ``key``, the headings kept in place."""
    result: list[Row] = []
    run: list[WorklistItem] = []

    def flush() -> None:
        ordered = sorted(run, key=key, reverse=descending)
        result.extend(ordered)
        run.clear()

    for row in rows:
        if isinstance(row, GroupHeading):
            flush()
            result.append(row)
        else:
            run.append(row)
    flush()
    return result
