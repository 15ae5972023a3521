"""The access log / audit trail entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sip_desk.domain.enums import AuditAction


@dataclass(frozen=True, kw_only=True)
class UserContext:
    """Who uses the tool: one account per person, with their unit."""

    user: str
    unit: str = ""


@dataclass(frozen=True, kw_only=True)
class AuditEntryDto:
    """One logged action on a person's data: who, which unit, when, what, old → new."""

    id: int
    at: datetime
    user: str
    unit: str
    action: AuditAction
    plan_id: int | None
    person_id: int | None
    entity: str
    entity_id: int | None
    field: str
    old: str | None
    new: str | None
