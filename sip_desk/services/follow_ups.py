"""The worklist, its counts, the caseload and reminders; the documents of follow-up meetings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sip_desk.db.models import Setting
from sip_desk.db.plan_read import read_plan
from sip_desk.db.queries import worklist as worklist_queries
from sip_desk.db.queries import worklist_counts
from sip_desk.db.repositories import load_plan
from sip_desk.domain.access import AccessKind, AccessRead
from sip_desk.domain.enums import (
    AuditAction,
    MeetingStatus,
    VersionState,
)
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.worklist import (
    COUNT_CAP,
    FIRST_MEETING_SETTING,
    MAX_FIRST_MEETING_DAYS,
    CaseloadRow,
    FollowUpDocument,
    InvitationDocument,
    WorklistCounts,
    WorklistFilter,
    WorklistItem,
)
from sip_desk.services.audit import AuditLog, log_read, log_reads
from sip_desk.services.context import ServiceContext
from sip_desk.services.follow_up_record import FollowUpRecordService
from sip_desk.services.unit_of_work import find_row

# --- The documents printed for follow-up meetings: the summons and the appendix of a held one.


class FollowUpMeetingService:
    """The documents of a follow-up meeting: the summons (kallelse) and the record's appendix."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def invitation_document(
        self, plan: PlanDetail, meeting_id: int, language: str = "sv", sender: str = ""
    ) -> InvitationDocument:
        """The summons for ``meeting_id`` of ``plan``, ready for the PDF letter."""
        return InvitationDocument(
            plan=plan,
            meeting=_meeting(plan, meeting_id),
            language=language,
            printed_on=self._ctx.clock.today(),
            sender=sender or self._ctx.user.unit,
        )

    def follow_up_document(
        self, plan: PlanDetail, meeting_id: int, language: str = "sv"
    ) -> FollowUpDocument:
        """The record of held follow-up ``meeting_id``, ready for the PDF appendix."""
        meeting = _meeting(plan, meeting_id)
        later = [
            m
            for m in plan.meetings
            if m.status is MeetingStatus.BOOKED and m.starts_at > meeting.starts_at
        ]
        drafts = [v.number for v in plan.versions if v.state is VersionState.DRAFT]
        return FollowUpDocument(
            plan=plan,
            meeting=meeting,
            language=language,
            printed_on=self._ctx.clock.today(),
            next_meeting=min(later, key=lambda m: m.starts_at, default=None),
            version_number=max(drafts, default=None),
        )

    def write_invitation(
        self, plan_id: int, meeting_id: int, path: Path, language: str = "sv"
    ) -> tuple[Path, Path]:
        """Save the summons as a PDF letter at ``path`` and as an .ics event beside it."""
        from sip_desk.files import write_atomically
        from sip_desk.pdf.render_invitation import render_invitation
        from sip_desk.services.calendar_export import CalendarService

        plan = self._printed(plan_id, "invitation", meeting_id)
        doc = self.invitation_document(plan, meeting_id, language)
        pdf = Path(path).expanduser()
        write_atomically(pdf, render_invitation(doc))
        ics = pdf.with_suffix(".ics")
        calendar = CalendarService(self._ctx)
        write_atomically(
            ics,
            calendar.invitation_calendar(plan_id, meeting_id, language),
            error="calendar.write_failed",
        )
        return pdf, ics

    def write_follow_up_pdf(
        self, plan_id: int, meeting_id: int, path: Path, language: str = "sv"
    ) -> Path:
        """Save the record of held meeting ``meeting_id`` as the plan's PDF appendix at ``path``."""
        from sip_desk.files import write_atomically
        from sip_desk.pdf.render_follow_up import render_follow_up

        plan = self._printed(plan_id, "follow_up", meeting_id)
        target = Path(path).expanduser()
        write_atomically(
            target, render_follow_up(self.follow_up_document(plan, meeting_id, language))
        )
        return target

    def _printed(self, plan_id: int, entity: str, meeting_id: int) -> PlanDetail:
        """Load the plan and log the print (one transaction)."""
        ctx = self._ctx
        with ctx.db.write() as s:
            row = load_plan(s, plan_id)
            AuditLog(s, ctx.user, ctx.clock.now(), row.id, row.person_id).record(
                AuditAction.PRINT, entity, meeting_id
            )
            log_read(ctx, AccessKind.PRINT, row.id, row.person_id, entity, s.connection())
            return read_plan(s, row.id)


def _meeting(plan: PlanDetail, meeting_id: int) -> MeetingDto:
    return find_row(plan.meetings, "meeting", meeting_id)


# --- The coordinator's worklist, its counts, the caseload and the reminder summary.

REMINDER_DAYS = 7
"""A reminder mentions what is overdue or due within this many days."""


class FollowUpService:
    """The worklist side of follow-up work; one (read) transaction per method unless noted.

    ``records`` writes the record of a follow-up meeting, ``meetings`` prints its documents.
    """

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self.meetings = FollowUpMeetingService(ctx)
        self.records = FollowUpRecordService(ctx)

    def today(self) -> date:
        """The day the worklist counts from (the service clock's, in Swedish local time)."""
        return self._ctx.clock.today()

    def worklist(self, query: WorklistFilter | None = None) -> list[WorklistItem]:
        """One page of the worklist, most urgent first (overdue, today, this week, 30 days)."""
        query = query or WorklistFilter()
        with self._ctx.db.read() as s:
            days = worklist_queries.first_meeting_days(s)
            items = worklist_queries.list_items(s, query, self._ctx.clock.today(), days)
        shown = dict.fromkeys(i.plan_id for i in items)
        log_reads(
            self._ctx,
            [AccessRead(kind=AccessKind.WORKLIST, plan_id=p, person_id=None) for p in shown],
        )
        return items

    def counts(self, query: WorklistFilter | None = None, cap: int | None = None) -> WorklistCounts:
        """How many rows of the (filtered, not paged) worklist fall in each urgency bucket.

        ``cap`` stops counting a source's bucket at that many rows (cheap at any store size;
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
        """Change the limit for the first meeting, 1 to 365 days (a write transaction)."""
        if not 1 <= days <= MAX_FIRST_MEETING_DAYS:
            limits = {"low": 1, "high": MAX_FIRST_MEETING_DAYS, "value": days}
            error = ValidationError(
                "settings.first_meeting_days", "validation.out_of_range", **limits
            )
            raise ValidationErrors([error])
        with self._ctx.db.write() as s:
            s.merge(Setting(key=FIRST_MEETING_SETTING, value=str(days)))
