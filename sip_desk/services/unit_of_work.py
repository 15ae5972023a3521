"""The shared shape of every plan edit.

Two ways to write: :func:`save_cells` for an autosaved field (one ``UPDATE`` with the version
check, the audit row, no read-back: the caller updates its :class:`PlanDetail` from the
:class:`Written` it gets), and :func:`edit_plan` for anything else (the plan loaded through
the ORM, changed, touched and read back).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from sip_desk.db.models import Plan, PlanVersion
from sip_desk.db.plan_read import read_plan
from sip_desk.db.plan_write import Written, write_cells
from sip_desk.db.repositories import load_plan
from sip_desk.domain.enums import AuditAction, PlanStatus, VersionState
from sip_desk.domain.errors import DomainError, NotFoundError
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.removal import Removal
from sip_desk.services.audit import AuditLog
from sip_desk.services.context import ServiceContext

R = TypeVar("R")


@dataclass(frozen=True)
class Saved:
    """The result of an edit: the plan as now stored, and the id of the row added, if any.

    ``removal`` is what a removal took away, for undo to put back.
    """

    plan: PlanDetail
    item_id: int | None = None
    removal: Removal | None = None


@dataclass
class PlanEdit:
    """Handle given to the body of :func:`edit_plan`.

    ``content`` is False for a change beside the plan's content (a follow-up record being
    written): the version counter still rises, but no new draft version is started.
    """

    session: Session
    plan: Plan
    log: AuditLog
    now: datetime
    changed: bool = False
    item_id: int | None = None
    content: bool = True
    removal: Removal | None = None

    def apply(self, obj: object, entity: str, changes: dict[str, Any]) -> None:
        """Set changed attributes on ``obj`` with audit entries."""
        if self.log.apply(obj, entity, changes):
            self.changed = True

    def close(self, reason: str, today: date) -> None:
        """Close the plan: on a user's request or a follow-up's decision."""
        closed = {"status": PlanStatus.CLOSED, "closed_reason": reason.strip(), "closed_on": today}
        self.apply(self.plan, "plan", closed)


def edit_plan(
    ctx: ServiceContext,
    plan_id: int,
    expected_version: int | None,
    change: Callable[[PlanEdit], None],
) -> Saved:
    """One write transaction on one plan, run again from the start while the store is busy.

    ``change`` makes the edit on the :class:`PlanEdit` it is given; it may run more than once
    (each time in a new transaction, after a busy error), so it must only touch the session.
    The stored version must equal ``expected_version`` (when given), else ``StaleEditError``;
    a closed plan is refused. After ``change`` the plan is touched (its
    version rises, a new draft version starts after a signed one) and the result reloaded.
    """

    def work(session: Session) -> Saved:
        plan = load_plan(session, plan_id, expected_version)
        if plan.status is PlanStatus.CLOSED:
            raise DomainError("error.plan_closed")
        now = ctx.clock.now()
        log = AuditLog(session, ctx.user, now, plan.id, plan.person_id)
        edit = PlanEdit(session, plan, log, now)
        change(edit)
        if edit.changed:
            plan.version += 1
            plan.updated_at = now
            if edit.content:
                ensure_draft_version(plan, now)
            session.flush()
            session.expire_all()
        return Saved(read_plan(session.connection(), plan_id), edit.item_id, edit.removal)

    return ctx.db.transaction(work)


def find_row(rows: Iterable[R], kind: str, item_id: int) -> R:
    """The row of ``rows`` with id ``item_id``; ``NotFoundError`` naming ``kind`` if none."""
    row = next((r for r in rows if getattr(r, "id", None) == item_id), None)
    if row is None:
        raise NotFoundError(kind, item_id)
    return row


def ensure_draft_version(plan: Plan, now: datetime) -> None:
    """Start a new draft version when the latest one is signed (signed ones never change)."""
    latest = plan.versions[-1] if plan.versions else None
    if latest is None:
        plan.versions.append(PlanVersion(number=1, state=VersionState.DRAFT, created_at=now))
    elif latest.state is VersionState.SIGNED:
        plan.versions.append(
            PlanVersion(number=latest.number + 1, state=VersionState.DRAFT, created_at=now)
        )


def save_cells(
    ctx: ServiceContext,
    plan: PlanDetail,
    entity: str,
    table: str,
    row_id: int,
    changes: dict[str, tuple[Any, Any]],
) -> Written:
    """Write ``changes`` (column → (old, new)) of one row of ``plan`` in one short transaction.

    ``plan`` is the plan as the caller holds it: its version is checked in the ``UPDATE``, so
    the old values it shows are the stored ones (each is logged old → new). Nothing is read
    back; :func:`touched` brings the caller's plan up to date. Unchanged cells are not written.
    """
    changed = {name: pair for name, pair in changes.items() if pair[0] != pair[1]}
    if not changed:
        return Written(plan.version, plan.updated_at, {n: new for n, (_, new) in changes.items()})

    def work(session: Session) -> Written:
        now = ctx.clock.now()
        log = AuditLog(session, ctx.user, now, plan.id, plan.person.id)
        audit = [
            log.row(AuditAction.UPDATE, entity, row_id, name, old, new)
            for name, (old, new) in changed.items()
        ]
        values = {name: new for name, (_old, new) in changed.items()}
        return write_cells(
            session.connection(),
            plan_id=plan.id,
            expected_version=plan.version,
            now=now,
            table=table,
            row_id=row_id,
            values=values,
            audit_rows=audit,
        )

    return ctx.db.transaction(work)


def touched(plan: PlanDetail, written: Written) -> PlanDetail:
    """``plan`` with the version, time and any new draft version of ``written``."""
    extra = (written.new_version,) if written.new_version is not None else ()
    return dataclasses.replace(
        plan,
        version=written.version,
        updated_at=written.updated_at,
        versions=plan.versions + extra,
    )
