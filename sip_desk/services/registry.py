"""All services, built from one context (the composition roots build this).

The services every screen needs are made at once; the others (PDF, signing, calendar, JSON,
demo data) are made on first use, so their imports (reportlab, pyHanko, icalendar, jsonschema)
stay off the start-up path.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sip_desk.services.audit_service import AuditService
from sip_desk.services.context import ServiceContext
from sip_desk.services.meeting_service import MeetingService
from sip_desk.services.plan_items_service import PlanItemsService
from sip_desk.services.plan_service import PlanService

if TYPE_CHECKING:
    from sip_desk.services.calendar_export import CalendarService
    from sip_desk.services.demo_service import DemoService
    from sip_desk.services.export_service import ExportService
    from sip_desk.services.follow_up_service import FollowUpService
    from sip_desk.services.plan_json import PlanTransferService
    from sip_desk.services.signing_service import SigningService


class Services:
    """The service objects the UI and CLI use."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.plans = PlanService(ctx)
        self.items = PlanItemsService(ctx)
        self.meetings = MeetingService(ctx)
        self.audit = AuditService(ctx)

    @classmethod
    def build(cls, ctx: ServiceContext) -> Services:
        """Create the services on ``ctx``."""
        return cls(ctx)

    @cached_property
    def transfer(self) -> PlanTransferService:
        """JSON export and import of whole plans."""
        from sip_desk.services.plan_json import PlanTransferService

        return PlanTransferService(self.ctx)

    @cached_property
    def follow_ups(self) -> FollowUpService:
        """The coordinator's worklist, caseload and follow-up meetings."""
        from sip_desk.services.follow_up_service import FollowUpService

        return FollowUpService(self.ctx)

    @cached_property
    def calendar(self) -> CalendarService:
        """Calendar (iCalendar) export of meetings."""
        from sip_desk.services.calendar_export import CalendarService

        return CalendarService(self.ctx, self.follow_ups)

    @cached_property
    def demo(self) -> DemoService:
        """Demo cases and generated fictional plans."""
        from sip_desk.services.demo_service import DemoService

        return DemoService(self.ctx)

    @cached_property
    def signing(self) -> SigningService:
        """Signed versions and signatures."""
        from sip_desk.services.signing_service import SigningService

        return SigningService(self.ctx)

    @cached_property
    def documents(self) -> ExportService:
        """PDF export, seal and verification."""
        from sip_desk.services.export_service import ExportService

        return ExportService(self.ctx, self.signing)
