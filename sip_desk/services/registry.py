"""All services, built from one context (the composition roots build this)."""

from __future__ import annotations

from dataclasses import dataclass

from sip_desk.services.audit_service import AuditService
from sip_desk.services.calendar_export import CalendarService
from sip_desk.services.context import ServiceContext
from sip_desk.services.demo_service import DemoService
from sip_desk.services.export_service import ExportService
from sip_desk.services.follow_up_service import FollowUpService
from sip_desk.services.meeting_service import MeetingService
from sip_desk.services.plan_items_service import PlanItemsService
from sip_desk.services.plan_json import PlanTransferService
from sip_desk.services.plan_service import PlanService
from sip_desk.services.signing_service import SigningService


@dataclass(frozen=True)
class Services:
    """The service objects the UI and CLI use."""

    ctx: ServiceContext
    plans: PlanService
    items: PlanItemsService
    meetings: MeetingService
    audit: AuditService
    transfer: PlanTransferService
    follow_ups: FollowUpService
    calendar: CalendarService
    demo: DemoService
    signing: SigningService
    documents: ExportService

    @classmethod
    def build(cls, ctx: ServiceContext) -> Services:
        """Create every service on ``ctx``."""
        follow_ups = FollowUpService(ctx)
        signing = SigningService(ctx)
        return cls(
            ctx=ctx,
            plans=PlanService(ctx),
            items=PlanItemsService(ctx),
            meetings=MeetingService(ctx),
            audit=AuditService(ctx),
            transfer=PlanTransferService(ctx),
            follow_ups=follow_ups,
            calendar=CalendarService(ctx, follow_ups),
            demo=DemoService(ctx),
            signing=signing,
            documents=ExportService(ctx, signing),
        )
