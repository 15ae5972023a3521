"""The access log: who read which person's data, when, how and from which program."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class AccessKind(StrEnum):
    """What a logged read was."""

    OPEN = "open"  # a plan opened in the editor (or read whole by a command)
    LIST = "list"  # a person shown in the plan list
    SEARCH = "search"  # a person shown among the hits of a search
    EXPORT = "export"  # a plan written to a file (JSON, PDF)
    PRINT = "print"  # a plan, invitation or follow-up printed
    PREVIEW = "preview"  # a document shown in the print preview
    CHECK = "check"  # the completeness check of a plan
    WORKLIST = "worklist"  # a person shown in the worklist (follow-ups)
    CALENDAR = "calendar"  # a person's meetings written to a calendar file
    IMPORT = "import"  # a plan file read (preview or import)
    LOG_REVIEW = "log_review"  # the access log or audit trail reviewed
    RESTORE = "restore"  # the store replaced by a backup (detail: the replaced log's tail)
    REVEAL = "reveal"  # a protected person's identity number and address shown on screen


def access_kind(value: str) -> AccessKind | str:
    """The kind a stored row names, or its text when this program does not know it.

    A forged or newer row comes back as it is, for the review to show flagged, never to fail.
    """
    try:
        return AccessKind(value)
    except ValueError:
        return value


def shown_unknown_kind(value: str) -> str:
    """How a review shows a kind it does not know: flagged, with the stored text."""
    return f"⚠ {value}"


@dataclass(frozen=True, kw_only=True)
class AccessRead:
    """One read to log: which person and plan, what, with an optional short detail."""

    kind: AccessKind
    person_id: int | None
    plan_id: int | None = None
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class AccessEntryDto:
    """One row of the access log as reviewed."""

    id: int
    at: datetime
    user: str
    unit: str
    kind: AccessKind | str  # a kind this program does not know stays the stored text
    person_id: int | None
    plan_id: int | None
    program: str
    command: str
    detail: str
    person: str = ""  # name and identity number while the person is still in the store


@dataclass(frozen=True, kw_only=True)
class AccessQuery:
    """Filters of a log review; dates are inclusive local calendar days."""

    identity_number: str = ""  # normalised (YYYYMMDD-NNNN)
    user: str = ""
    since: date | None = None
    until: date | None = None
    limit: int | None = 10_000


@dataclass(frozen=True, kw_only=True)
class ChainBreak:
    """The first row where a hash-chained log is not as written.

    ``kind``: ``altered`` (the row's content does not give its hash), ``missing`` (the row
    does not follow the one before it: one or more rows before it were removed) or
    ``unchained`` (the row has no hash at all).
    """

    table: str
    row_id: int
    kind: str


@dataclass(frozen=True, kw_only=True)
class ChainReport:
    """The chain check of both logs: how many rows each holds and the first break, if any."""

    access_rows: int
    audit_rows: int
    breaks: tuple[ChainBreak, ...] = ()
    access_tail: tuple[int, str] = (0, "")
    """The access log's row count and newest row hash: to be written down elsewhere."""
    audit_tail: tuple[int, str] = (0, "")
    """The audit trail's row count and newest row hash."""

    @property
    def intact(self) -> bool:
        """True when neither log shows a break."""
        return not self.breaks
