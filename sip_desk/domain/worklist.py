"""The coordinator's worklist: follow-up meetings, actions and warnings across all plans.

Also the result of a follow-up meeting record and the documents printed from it (the
invitation letter and the follow-up appendix), so the PDF layer gets plain DTOs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import IntEnum, StrEnum

from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.plan import PlanDetail

DEFAULT_FIRST_MEETING_DAYS = 15
"""Days from a SIP request to the first meeting unless the setting says otherwise."""

MAX_FIRST_MEETING_DAYS = 365
"""The longest limit for the first meeting a user may set."""

FIRST_MEETING_SETTING = "follow_up.first_meeting_days"
"""Key of the :class:`Setting` that overrides :data:`DEFAULT_FIRST_MEETING_DAYS`."""

WINDOW_DAYS = 30
"""How far ahead the worklist looks by default."""

COUNT_CAP = 1000
"""The worklist's counts read at most this many rows per source and bucket (shown as "999+")."""


class WorklistKind(StrEnum):
    """What a worklist row is about."""

    FOLLOW_UP_MEETING = "follow_up_meeting"
    ACTION = "action"
    WARNING = "warning"


class WarningKind(StrEnum):
    """Why a plan needs attention even though nothing is booked."""

    CONSENT_EXPIRING = "consent_expiring"
    CONSENT_REVOKED = "consent_revoked"
    NO_FOLLOW_UP = "no_follow_up"
    NO_FIRST_MEETING = "no_first_meeting"


class Urgency(IntEnum):
    """Urgency bucket; a lower value is more urgent."""

    OVERDUE = 0
    TODAY = 1
    THIS_WEEK = 2
    WITHIN_30_DAYS = 3
    LATER = 4

    @classmethod
    def of(cls, due: date, today: date) -> Urgency:
        """The bucket of a due date: overdue, today, the next 7 days, the next 30 days, later."""
        if due < today:
            return cls.OVERDUE
        if due == today:
            return cls.TODAY
        if due <= today + timedelta(days=7):
            return cls.THIS_WEEK
        if due <= today + timedelta(days=WINDOW_DAYS):
            return cls.WITHIN_30_DAYS
        return cls.LATER


@dataclass(frozen=True, kw_only=True)
class WorklistItem:
    """One row of the worklist.

    Attributes:
        item_id: the meeting, action or consent id; ``None`` for plan-level warnings.
        due: the local date the row is due (meeting day, action end, consent end, deadline).
        starts_at: the meeting's start (UTC) for meetings, else ``None``.
        title: the action's description, the meeting place, or the consent's organisation.
        responsible: the named responsible person (actions) or the convenor (meetings).
        organisation: the acting organisation (actions, consents) or the lead organisation.
    """

    kind: WorklistKind
    plan_id: int
    item_id: int | None
    due: date
    urgency: Urgency
    person_name: str
    title: str = ""
    responsible: str = ""
    organisation: str = ""
    coordinator: str = ""
    lead_principal: PrincipalType | None = None
    plan_status: PlanStatus = PlanStatus.ACTIVE
    starts_at: datetime | None = None
    warning: WarningKind | None = None

    @property
    def key(self) -> tuple[str, int, int]:
        """A stable identity of the row (kind, plan, item)."""
        return (self.warning or self.kind).value, self.plan_id, self.item_id or 0


@dataclass(frozen=True, kw_only=True)
class WorklistFilter:
    """What the worklist shows. Empty strings and ``None`` mean "any".

    ``due_within_days`` bounds the window ahead of today (``None``: no end); overdue rows are
    always included unless ``kinds`` excludes them or ``first_day`` is later; ``overdue_only``
    keeps only rows due before today. ``first_day``/``last_day`` bound the rows by their due
    date (either may be ``None``), on top of the window. ``coordinator`` and ``responsible``
    match part of a name, ignoring case.
    ``from_due`` starts the list at rows due that day (``offset`` then counts from there): the
    next page after a row due on day D is ``from_due=D`` with ``offset`` = the rows already
    seen that are due on D, which costs the same however far down the list it is.
    """

    lead_principal: PrincipalType | None = None
    organisation: str = ""
    coordinator: str = ""
    responsible: str = ""
    plan_status: PlanStatus | None = None
    kinds: frozenset[WorklistKind] = frozenset(WorklistKind)
    due_within_days: int | None = WINDOW_DAYS
    overdue_only: bool = False
    first_day: date | None = None
    last_day: date | None = None
    offset: int = 0
    limit: int | None = 200
    from_due: date | None = None


@dataclass(frozen=True, kw_only=True)
class WorklistCounts:
    """How many rows fall in each urgency bucket (with the filter applied).

    Attributes:
        capped: buckets whose count stopped at the cap, so the number is a lower bound.
    """

    overdue: int = 0
    today: int = 0
    this_week: int = 0
    within_30_days: int = 0
    capped: frozenset[Urgency] = frozenset()

    @property
    def total(self) -> int:
        """All rows in the window."""
        return self.overdue + self.today + self.this_week + self.within_30_days

    def __add__(self, other: WorklistCounts) -> WorklistCounts:
        buckets = ("overdue", "today", "this_week", "within_30_days")
        sums = {n: getattr(self, n) + getattr(other, n) for n in buckets}
        return WorklistCounts(**sums, capped=self.capped | other.capped)

    def of(self, urgency: Urgency) -> int:
        """The count of one bucket (``LATER`` is never counted: 0)."""
        return int(getattr(self, urgency.name.lower(), 0))


@dataclass(frozen=True, kw_only=True)
class CaseloadRow:
    """One coordinator's caseload."""

    coordinator: str
    active_plans: int
    follow_ups_next_30_days: int
    overdue_actions: int


@dataclass(frozen=True, kw_only=True)
class FollowUpResult:
    """The plan after a follow-up record, with the draft version that now goes to signing."""

    plan: PlanDetail
    meeting_id: int
    next_meeting_id: int | None
    version_number: int


@dataclass(frozen=True, kw_only=True)
class InvitationDocument:
    """A summons (kallelse) to a SIP meeting, for the PDF letter.

    The person's address is never part of it; ``place`` is the meeting place only.
    """

    plan: PlanDetail
    meeting: MeetingDto
    language: str = "sv"
    printed_on: date
    sender: str = ""


@dataclass(frozen=True, kw_only=True)
class FollowUpDocument:
    """A held follow-up meeting, for the PDF appendix to the plan."""

    plan: PlanDetail
    meeting: MeetingDto
    language: str = "sv"
    printed_on: date
    next_meeting: MeetingDto | None = None
    version_number: int | None = None
    extra_lines: tuple[str, ...] = field(default_factory=tuple)
