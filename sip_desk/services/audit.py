"""The audit trail (changes) and the access log (reads): writing them, and their review."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from sip_desk.db.access_log import append_reads, chain_report, read_entries, write_reads
from sip_desk.db.chain import append
from sip_desk.domain.access import (
    AccessEntryDto,
    AccessKind,
    AccessQuery,
    AccessRead,
    ChainReport,
)
from sip_desk.domain.audit import AuditEntryDto, UserContext
from sip_desk.domain.enums import AuditAction
from sip_desk.services.context import ServiceContext

if TYPE_CHECKING:  # the ORM loads on the first unit of work, not for the plan list's log
    from sqlalchemy.orm import Session

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
        """Append one entry (hash-chained, at once: the trail is written in order)."""
        append(
            self.session.connection(),
            "audit_entries",
            [self.row(action, entity, entity_id, field, old, new)],
        )

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
        from sip_desk.db.models import AuditEntry

        stmt = select(AuditEntry).order_by(AuditEntry.id).limit(limit)
        if plan_id is not None:
            stmt = stmt.where(AuditEntry.plan_id == plan_id)
        if person_id is not None:
            stmt = stmt.where(AuditEntry.person_id == person_id)
        with self._ctx.db.read() as s:
            names = [f.name for f in dataclasses.fields(AuditEntryDto)]
            return [AuditEntryDto(**{n: getattr(e, n) for n in names}) for e in s.scalars(stmt)]

    def review_access(self, query: AccessQuery) -> list[AccessEntryDto]:
        """Access-log rows matching ``query``, oldest first. The review is itself logged first."""
        filters = [
            f"person={query.identity_number}" if query.identity_number else "",
            f"user={query.user}" if query.user else "",
            f"since={query.since.isoformat()}" if query.since else "",
            f"until={query.until.isoformat()}" if query.until else "",
        ]
        detail = " ".join(f for f in filters if f)
        log_reads(
            self._ctx, [AccessRead(kind=AccessKind.LOG_REVIEW, person_id=None, detail=detail)]
        )
        with self._ctx.db.read_connection() as conn:
            return read_entries(conn, query)

    def account_names(self) -> dict[str, str]:
        """Each account that gave display details → its name, unit and organisation."""
        from sip_desk.services.account_settings import AccountSettingsService

        return AccountSettingsService(self._ctx).display_names()

    def check_chains(self) -> ChainReport:
        """Walk the access log and the audit trail: is every row as written, none missing?"""
        with self._ctx.db.read_connection() as conn:
            return chain_report(conn)


# --- Logging reads of a person's data (the access log).

SHOWN_AGAIN_AFTER = timedelta(minutes=15)
_SHOWN = frozenset({AccessKind.LIST, AccessKind.SEARCH, AccessKind.WORKLIST})


def log_reads(
    ctx: ServiceContext, reads: Iterable[AccessRead], conn: Connection | None = None
) -> None:
    """Append one access-log row per read (in ``conn``'s transaction, else in one of its own).

    A person shown in a list, a search or the worklist is logged once per
    :data:`SHOWN_AGAIN_AFTER` per kind: scrolling and re-sorting show the same rows again and
    add nothing a reviewer needs. Opening, printing, exporting and the rest are always logged.
    """
    now = ctx.clock.now()
    fresh: list[AccessRead] = []
    for read in reads:
        key = (read.kind.value, read.plan_id or 0, read.person_id or 0)
        last = ctx.shown.get(key) if read.kind in _SHOWN else None
        if last is None or now - last >= SHOWN_AGAIN_AFTER:
            fresh.append(read)
    rows = [_access_row(ctx, read, now) for read in fresh]
    if conn is None:
        write_reads(ctx.db, rows)
    else:
        append_reads(conn, rows)
    for read in fresh:
        if read.kind in _SHOWN:
            ctx.shown[read.kind.value, read.plan_id or 0, read.person_id or 0] = now


def log_read(
    ctx: ServiceContext,
    kind: AccessKind,
    plan_id: int | None,
    person_id: int | None = None,
    detail: str = "",
    conn: Connection | None = None,
) -> None:
    """Log one read (see :func:`log_reads`)."""
    read = AccessRead(kind=kind, plan_id=plan_id, person_id=person_id, detail=detail)
    log_reads(ctx, [read], conn)


def _access_row(ctx: ServiceContext, read: AccessRead, now: datetime) -> dict[str, Any]:
    return {
        "at": now,
        "user": ctx.user.user,
        "unit": ctx.user.unit,
        "kind": read.kind,
        "person_id": read.person_id,
        "plan_id": read.plan_id,
        "program": ctx.program,
        "command": ctx.command,
        "detail": read.detail[:200],
    }
