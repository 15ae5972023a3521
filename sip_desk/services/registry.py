"""All services, built from one context (the composition roots build this).

Only the plan list is made at once: it needs no ORM, so the window can show it while the rest
(the ORM and models, then PDF, signing, calendar, JSON, demo data with reportlab, pyHanko,
icalendar and jsonschema) is imported on first use.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from sip_desk.services.context import Clock, ServiceContext
from sip_desk.services.plan_list_service import PlanListService

if TYPE_CHECKING:
    from sip_desk.services.account_settings import AccountSettingsService
    from sip_desk.services.audit import AuditService
    from sip_desk.services.calendar_export import CalendarService
    from sip_desk.services.demo_service import DemoService
    from sip_desk.services.export_service import ExportService
    from sip_desk.services.follow_ups import FollowUpService
    from sip_desk.services.key_ring import KeyRing
    from sip_desk.services.meeting_service import MeetingService
    from sip_desk.services.no_effort_reasons import NoEffortReasonService
    from sip_desk.services.plan_items_service import PlanItemsService
    from sip_desk.services.plan_json import PlanTransferService
    from sip_desk.services.plan_service import PlanService
    from sip_desk.services.signing_service import SigningService
    from sip_desk.services.store_checks import StoreHealthService
    from sip_desk.services.translations import TranslationService


class Services:
    """The service objects the UI and CLI use."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.plan_list = PlanListService(ctx)

    @property
    def clock(self) -> Clock:
        """The clock every service reads "now" and "today" from (tests fix it)."""
        return self.ctx.clock

    @cached_property
    def plans(self) -> PlanService:
        """Plans and the person they are about."""
        from sip_desk.services.plan_service import PlanService

        return PlanService(self.ctx)

    @cached_property
    def items(self) -> PlanItemsService:
        """Participants, consents, goals, needs and actions."""
        from sip_desk.services.plan_items_service import PlanItemsService

        return PlanItemsService(self.ctx)

    @cached_property
    def translations(self) -> TranslationService:
        """The person's own texts translated at the meeting."""
        from sip_desk.services.translations import TranslationService

        return TranslationService(self.ctx)

    @cached_property
    def no_effort_reasons(self) -> NoEffortReasonService:
        """Why a principal taking part has no effort in the plan."""
        from sip_desk.services.no_effort_reasons import NoEffortReasonService

        return NoEffortReasonService(self.ctx)

    @cached_property
    def meetings(self) -> MeetingService:
        """Booking meetings."""
        from sip_desk.services.meeting_service import MeetingService

        return MeetingService(self.ctx)

    @cached_property
    def audit(self) -> AuditService:
        """The access log."""
        from sip_desk.services.audit import AuditService

        return AuditService(self.ctx)

    @cached_property
    def transfer(self) -> PlanTransferService:
        """JSON export and import of whole plans."""
        from sip_desk.services.plan_json import PlanTransferService

        return PlanTransferService(self.ctx, self.keys)

    @cached_property
    def follow_ups(self) -> FollowUpService:
        """The coordinator's worklist, caseload and follow-up meetings."""
        from sip_desk.services.follow_ups import FollowUpService

        return FollowUpService(self.ctx)

    @cached_property
    def calendar(self) -> CalendarService:
        """Calendar (iCalendar) export of meetings."""
        from sip_desk.services.calendar_export import CalendarService

        return CalendarService(self.ctx)

    @cached_property
    def accounts(self) -> AccountSettingsService:
        """The acting account's display details and first-run flag."""
        from sip_desk.services.account_settings import AccountSettingsService

        return AccountSettingsService(self.ctx)

    @cached_property
    def demo(self) -> DemoService:
        """Demo cases and generated fictional plans."""
        from sip_desk.services.demo_service import DemoService

        return DemoService(self.ctx, self)

    @cached_property
    def signing(self) -> SigningService:
        """Signed versions and signatures."""
        from sip_desk.services.signing_service import SigningService

        return SigningService(self.ctx, self.keys)

    @cached_property
    def keys(self) -> KeyRing:
        """The store's signing key and the public keys of other stores."""
        from sip_desk.services.key_ring import KeyRing

        return KeyRing(self.ctx)

    @cached_property
    def documents(self) -> ExportService:
        """PDF export, seal and verification."""
        from sip_desk.services.export_service import ExportService

        return ExportService(self.ctx, self.signing)

    @cached_property
    def store_health(self) -> StoreHealthService:
        """The whole-file damage check of an SQLite store."""
        from sip_desk.services.store_checks import StoreHealthService

        return StoreHealthService(self.ctx)
