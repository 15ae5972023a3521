"""The coordinator's worklist, its counts, the caseload and the reminder summary."""

from __future__ import annotations

from sip_desk.db.models import Setting
from sip_desk.db.queries import worklist as worklist_queries
from sip_desk.db.queries import worklist_counts
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.worklist import (
    COUNT_CAP,
    FIRST_MEETING_SETTING,
    MAX_FIRST_MEETING_DAYS,
    CaseloadRow,
    WorklistCounts,
    WorklistFilter,
    WorklistItem,
)
from sip_desk.services.context import ServiceContext
from sip_desk.services.follow_up_meeting import FollowUpMeetingService
from sip_desk.services.follow_up_record import FollowUpRecordService

REMINDER_DAYS = 7
"""A reminder mentions what is overdue or due within this many days."""


class FollowUpService:
    """The worklist side of follow-up work.

    ``records`` writes the record of a follow-up meeting (a draft until it is completed);
    ``meetings`` prints the summons and the record's appendix.

    Every method is one (read) transaction unless noted.
    """

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self.meetings = FollowUpMeetingService(ctx)
        self.records = FollowUpRecordService(ctx)

    def worklist(self, query: WorklistFilter | None = None) -> list[WorklistItem]:
        """One page of the worklist, most urgent first (overdue, today, this week, 30 days)."""
        query = query or WorklistFilter()
        with self._ctx.db.read() as s:
            days = worklist_queries.first_meeting_days(s)
            return worklist_queries.list_items(s, query, self._ctx.clock.today(), days)

    def counts(self, query: WorklistFilter | None = None, cap: int | None = None) -> WorklistCounts:
        """How many rows of the (filtered) worklist fall in each urgency bucket.

        Args:
            query: the filter (paging ignored).
            cap: stop counting a source's bucket at this many rows (cheap at any store size;
                such buckets are listed in ``capped``); ``None`` counts exactly.
        """
        query = query or WorklistFilter()
        with self._ctx.db.read() as s:
            days = worklist_queries.first_meeting_days(s)
            return worklist_counts.count_items(s, query, self._ctx.clock.today(), days, cap)

    def reminder(self, coordinator: str = "") -> WorklistCounts:
        """What a start-up or daily reminder reports: overdue and due within a week.

        Counts stop at ``COUNT_CAP`` per bucket (listed in ``capped``), so the reminder costs the
        same on a store of 100,000 plans as on a small one.
        """
        query = WorklistFilter(coordinator=coordinator, due_within_days=REMINDER_DAYS, limit=0)
        return self.counts(query, cap=COUNT_CAP)

    def caseload(self) -> list[CaseloadRow]:
        """Per coordinator: active plans, follow-ups in the next 30 days and overdue actions."""
        with self._ctx.db.read() as s:
            return worklist_queries.caseload(s, self._ctx.clock.today())

    def coordinators(self) -> list[str]:
        """Names chosen as coordinator on any plan, for the filter."""
        with self._ctx.db.read() as s:
            return worklist_queries.coordinator_names(s)

    def organisations(self) -> list[str]:
        """Organisation names, for the filter."""
        with self._ctx.db.read() as s:
            return worklist_queries.organisation_names(s)

    def first_meeting_days(self) -> int:
        """Days allowed from a SIP request to the first meeting (setting, default 15)."""
        with self._ctx.db.read() as s:
            return worklist_queries.first_meeting_days(s)

    def set_first_meeting_days(self, days: int) -> None:
        """Change the limit for the first meeting (a write transaction).

        Raises:
            ValidationErrors: ``days`` is not between 1 and 365.
        """
        if not 1 <= days <= MAX_FIRST_MEETING_DAYS:
            raise ValidationErrors(
                [
                    ValidationError(
                        "settings.first_meeting_days",
                        "validation.out_of_range",
                        low=1,
                        high=MAX_FIRST_MEETING_DAYS,
                        value=days,
                    )
                ]
            )
        with self._ctx.db.write() as s:
            row = s.get(Setting, FIRST_MEETING_SETTING)
            if row is None:
                s.add(Setting(key=FIRST_MEETING_SETTING, value=str(days)))
            else:
                row.value = str(days)
