"""How far the worklist looks: 7, 30 or 90 days ahead, everything, or a range of dates; kept
in the user's settings between runs."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSettings

from sip_desk.domain.worklist import Urgency, WorklistFilter

_KEY = "worklist/range"


class RangeChoice(StrEnum):
    """An entry of the range selector."""

    DAYS_7 = "7"
    DAYS_30 = "30"
    DAYS_90 = "90"
    ALL = "all"
    DATES = "dates"

    def label(self) -> str:
        """The entry's text."""
        texts = {
            RangeChoice.DAYS_7: QCoreApplication.translate("WorklistRange", "Next 7 days"),
            RangeChoice.DAYS_30: QCoreApplication.translate("WorklistRange", "Next 30 days"),
            RangeChoice.DAYS_90: QCoreApplication.translate("WorklistRange", "Next 90 days"),
            RangeChoice.ALL: QCoreApplication.translate("WorklistRange", "Everything"),
            RangeChoice.DATES: QCoreApplication.translate("WorklistRange", "Dates…"),
        }
        return texts[self]


@dataclass(frozen=True)
class WorklistRange:
    """The chosen range; ``first``/``last`` count only for :attr:`RangeChoice.DATES`."""

    choice: RangeChoice = RangeChoice.DAYS_30
    first: date | None = None
    last: date | None = None

    @property
    def backwards(self) -> bool:
        """A range of dates that ends before it starts (the user is told, not second-guessed)."""
        first, last = self.first, self.last
        return (
            self.choice is RangeChoice.DATES
            and first is not None
            and last is not None
            and (last < first)
        )

    def apply(self, f: WorklistFilter) -> WorklistFilter:
        """``f`` limited to this range (overdue rows stay, except for a range of dates)."""
        if self.choice is RangeChoice.DATES:
            return dataclasses.replace(
                f, due_within_days=None, first_day=self.first, last_day=self.last
            )
        days = None if self.choice is RangeChoice.ALL else int(self.choice.value)
        return dataclasses.replace(f, due_within_days=days)


def narrow_to(f: WorklistFilter, bucket: Urgency | None, today: date) -> WorklistFilter:
    """``f`` limited to the rows of one count chip (``None``: all of them)."""
    if bucket is None:
        return f
    if bucket is Urgency.OVERDUE:
        return dataclasses.replace(f, overdue_only=True)
    first, last = {
        Urgency.TODAY: (today, today),
        Urgency.THIS_WEEK: (today + timedelta(days=1), today + timedelta(days=7)),
    }.get(bucket, (today + timedelta(days=8), None))
    if f.first_day is not None:
        first = max(first, f.first_day)
    if f.last_day is not None:
        last = f.last_day if last is None else min(last, f.last_day)
    return dataclasses.replace(f, first_day=first, last_day=last)


def load_range(store: QSettings) -> WorklistRange:
    """The range saved last time (30 days when none, or when it cannot be read)."""
    try:
        choice = RangeChoice(str(store.value(_KEY, RangeChoice.DAYS_30.value)))
        first = store.value(f"{_KEY}_first")
        last = store.value(f"{_KEY}_last")
        return WorklistRange(
            choice,
            date.fromisoformat(str(first)) if first else None,
            date.fromisoformat(str(last)) if last else None,
        )
    except ValueError:
        return WorklistRange()


def save_range(store: QSettings, chosen: WorklistRange) -> None:
    """Keep the range for the next run."""
    store.setValue(_KEY, chosen.choice.value)
    store.setValue(f"{_KEY}_first", chosen.first.isoformat() if chosen.first else "")
    store.setValue(f"{_KEY}_last", chosen.last.isoformat() if chosen.last else "")
