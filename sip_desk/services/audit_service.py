"""Reading the access log: for review by sampling, and for a person asking who accessed them."""

from __future__ import annotations

from sqlalchemy import select

from sip_desk.db.models import AuditEntry
from sip_desk.domain.audit import AuditEntryDto
from sip_desk.services.context import ServiceContext


class AuditService:
    """Read-only queries over the audit trail."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def entries(
        self, plan_id: int | None = None, person_id: int | None = None, limit: int = 1000
    ) -> list[AuditEntryDto]:
        """Entries for a plan and/or a person, oldest first."""
        stmt = select(AuditEntry).order_by(AuditEntry.id).limit(limit)
        if plan_id is not None:
            stmt = stmt.where(AuditEntry.plan_id == plan_id)
        if person_id is not None:
            stmt = stmt.where(AuditEntry.person_id == person_id)
        with self._ctx.db.read() as s:
            return [
                AuditEntryDto(
                    id=e.id,
                    at=e.at,
                    user=e.user,
                    unit=e.unit,
                    action=e.action,
                    plan_id=e.plan_id,
                    person_id=e.person_id,
                    entity=e.entity,
                    entity_id=e.entity_id,
                    field=e.field,
                    old=e.old,
                    new=e.new,
                )
                for e in s.scalars(stmt)
            ]

    def units_with_access(self, person_id: int) -> list[str]:
        """Which units have accessed a person's data (the person may ask)."""
        stmt = (
            select(AuditEntry.unit)
            .where(AuditEntry.person_id == person_id)
            .distinct()
            .order_by(AuditEntry.unit)
        )
        with self._ctx.db.read() as s:
            return [u for u in s.scalars(stmt) if u]
