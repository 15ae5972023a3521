"""The documents printed for follow-up meetings: the summons and the appendix of a held one."""

from __future__ import annotations

from pathlib import Path

from sip_desk.db.plan_read import read_plan
from sip_desk.db.repositories import load_plan
from sip_desk.domain.enums import (
    AuditAction,
    MeetingStatus,
    VersionState,
)
from sip_desk.domain.errors import NotFoundError
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.worklist import (
    FollowUpDocument,
    InvitationDocument,
)
from sip_desk.services.audit_log import AuditLog
from sip_desk.services.context import ServiceContext


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
        """Save the summons as a PDF letter at ``path`` and as an .ics event beside it.

        Returns:
            The PDF and the .ics paths written.

        Raises:
            DomainError: the plan or meeting does not exist, or the files cannot be written.
        """
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
        """Save the record of a held follow-up meeting as a PDF appendix at ``path``."""
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
            return read_plan(s, row.id)


def _meeting(plan: PlanDetail, meeting_id: int) -> MeetingDto:
    found = next((m for m in plan.meetings if m.id == meeting_id), None)
    if found is None:
        raise NotFoundError("meeting", meeting_id)
    return found
