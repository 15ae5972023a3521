"""The audit trail: entries written in a unit of work, and the access log read for review."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sip_desk.db.models import AuditEntry
from sip_desk.domain.audit import AuditEntryDto, UserContext
from sip_desk.domain.enums import AuditAction
from sip_desk.services.context import ServiceContext

# --- Writing audit entries inside a service's unit of work.


def as_text(value: Any) -> str | None:
    """A stable text form of a field value for the log."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return ",".join(str(v) for v in value)
    return str(value)


@dataclasses.dataclass
class AuditLog:
    """Records entries for one unit of work; bound to its session and the acting user."""

    session: Session
    user: UserContext
    at: datetime
    plan_id: int | None = None
    person_id: int | None = None

    def record(
        self,
        action: AuditAction,
        entity: str,
        entity_id: int | None,
        field: str = "",
        old: Any = None,
        new: Any = None,
    ) -> None:
        """Add one entry."""
        self.session.add(AuditEntry(**self.row(action, entity, entity_id, field, old, new)))

    def row(
        self,
        action: AuditAction,
        entity: str,
        entity_id: int | None,
        field: str = "",
        old: Any = None,
        new: Any = None,
    ) -> dict[str, Any]:
        """The columns of one entry, for :meth:`record` or a Core ``INSERT``."""
        return {
            "at": self.at,
            "user": self.user.user,
            "unit": self.user.unit,
            "action": action,
            "plan_id": self.plan_id,
            "person_id": self.person_id,
            "entity": entity,
            "entity_id": entity_id,
            "field": field,
            "old": as_text(old),
            "new": as_text(new),
        }

    def apply(self, obj: Any, entity: str, changes: dict[str, Any]) -> bool:
        """Set what differs in ``changes`` on ``obj``, logging old → new; True if anything did."""
        changed = False
        for name, new in changes.items():
            old = getattr(obj, name)
            if old != new:
                setattr(obj, name, new)
                self.record(AuditAction.UPDATE, entity, getattr(obj, "id", None), name, old, new)
                changed = True
        return changed


# --- Reading the access log: for review by sampling, and for a person asking who accessed them.


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
            names = [f.name for f in dataclasses.fields(AuditEntryDto)]
            return [AuditEntryDto(**{n: getattr(e, n) for n in names}) for e in s.scalars(stmt)]
