"""All services, built from one context (the composition roots build this)."""

from __future__ import annotations

from dataclasses import dataclass

from sip_desk.services.audit_service import AuditService
from sip_desk.services.context import ServiceContext
from sip_desk.services.meeting_service import MeetingService
from sip_desk.services.plan_items_service import PlanItemsService
from sip_desk.services.plan_service import PlanService


@dataclass(frozen=True)
class Services:
    """The service objects the UI and CLI use."""

    ctx: ServiceContext
    plans: PlanService
    items: PlanItemsService
    meetings: MeetingService
    audit: AuditService

    @classmethod
    def build(cls, ctx: ServiceContext) -> Services:
        """Create every service on ``ctx``."""
        return cls(
            ctx=ctx,
            plans=PlanService(ctx),
            items=PlanItemsService(ctx),
            meetings=MeetingService(ctx),
            audit=AuditService(ctx),
        )
