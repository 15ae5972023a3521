"""Two people on one plan: what an edit changes, and the choice when someone changed it too.

An edit of one field (or one table cell) knows the stored value it was based on: what the
editor last showed there. When the store holds something else by the time it is saved,
someone else changed the same field: the user chooses (keep mine, take theirs, merge by hand,
or decide later). When only other fields changed, the edit is simply saved on top.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum

from PySide6.QtCore import QCoreApplication

from sip_desk.domain.plan import PlanDetail
from sip_desk.services.unit_of_work import Saved

# An operation maps the plan as now stored to a save through the services.
Op = Callable[[PlanDetail], Saved]


class _Gone:
    """The row of a table cell is no longer in the plan."""

    def __repr__(self) -> str:
        return "GONE"


GONE = _Gone()


class Choice(Enum):
    """What the user chose when the same field had been changed by someone else."""

    MINE = "mine"
    THEIRS = "theirs"
    MERGED = "merged"
    LATER = "later"


class Outcome(Enum):
    """What became of a save."""

    SAVED = "saved"  # the store holds the user's value (or the text merged by hand)
    THEIRS = "theirs"  # the other person's value was kept; undo brings the user's back
    DEFERRED = "deferred"  # nothing saved: the user's value waits for a decision
    REFUSED = "refused"  # invalid input; the message is shown beside the field
    FAILED = "failed"  # the store said no (closed, deleted); the notice says why
    BUSY = "busy"  # another program holds the store: kept, and saved when it is free


def show_value(value: object) -> str:
    """A stored value as the conflict dialog shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("RowTableModel", "Yes")
        return QCoreApplication.translate("RowTableModel", "No")
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(show_value(v) for v in value)
    return str(value)


def _same(text: str) -> object:
    return text


@dataclass(frozen=True)
class FieldSave:
    """A field binding's request to save: the value, and the stored value it was based on.

    ``ask``: a conflict may be asked about now (on leaving the field), not while typing.
    ``text``: free text, so a merge by hand is offered (``multiline``: on lines of their own).
    """

    value: object
    base: object
    ask: bool = True
    text: bool = False
    multiline: bool = False
    show: Callable[[object], str] = show_value
    parse: Callable[[str], object] = _same


@dataclass(frozen=True)
class FieldChange:
    """The one stored value an edit changes (a plan or person field, or a table cell).

    ``old`` is the value it replaces (the base), ``new`` the value it stores; ``read`` finds the
    stored value in a plan (``GONE`` when its row is removed), ``write(value)`` stores a value.
    """

    key: str
    label: str
    read: Callable[[PlanDetail], object]
    write: Callable[[object], Op]
    old: object
    new: object
    text: bool = False
    multiline: bool = False
    show: Callable[[object], str] = show_value
    parse: Callable[[str], object] = _same

    def reversed(self) -> FieldChange:
        """The change that undoes this one."""
        return dataclasses.replace(self, old=self.new, new=self.old)

    def rebased(self, old: object, new: object) -> FieldChange:
        """The same field, now replacing ``old`` by ``new``."""
        return dataclasses.replace(self, old=old, new=new)


@dataclass(frozen=True)
class Conflict:
    """What the user is asked about: both values as text."""

    label: str
    theirs: str
    mine: str
    text: bool = False
    multiline: bool = False

    def merge_start(self) -> str:
        """The text a merge by hand starts from: the other text, then the user's."""
        if not self.theirs or self.mine.startswith(self.theirs):
            return self.mine
        if not self.mine or self.theirs.startswith(self.mine):
            return self.theirs
        return self.theirs + ("\n" if self.multiline else " ") + self.mine


@dataclass(frozen=True)
class Resolution:
    """The user's choice; ``text`` is the merged text for ``Choice.MERGED``."""

    choice: Choice
    text: str = ""


Resolver = Callable[[Conflict], Resolution]


def decide_later(_conflict: Conflict) -> Resolution:
    """The resolver without a screen: every conflict waits for the user."""
    return Resolution(Choice.LATER)
