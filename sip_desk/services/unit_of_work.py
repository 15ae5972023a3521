"""The shared shape of every plan edit: load with a version check, change, touch, return."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from sip_desk.db.models import Plan, PlanVersion
from sip_desk.db.repositories import load_plan
from sip_desk.domain.enums import PlanStatus, VersionState
from sip_desk.domain.errors import DomainError
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.audit_log import AuditLog
from sip_desk.services.context import ServiceContext
from sip_desk.services.plan_reader import read_plan


@dataclass(frozen=True)
class Saved:
    """The result of an edit: the plan as now stored, and the id of the row added, if any."""

    plan: PlanDetail
    item_id: int | None = None


@dataclass
class PlanEdit:
    """Handle given to the body of :func:`plan_edit`.

    Attributes:
        content: ``False`` for a change beside the plan's content (a follow-up record being
            written): the version counter still rises, but no new draft version is started.
    """

    session: Session
    plan: Plan
    log: AuditLog
    changed: bool = False
    item_id: int | None = None
    result: Saved | None = None
    content: bool = True

    def apply(self, obj: object, entity: str, changes: dict[str, object]) -> None:
        """Set changed attributes on ``obj`` with audit entries."""
        if self.log.apply(obj, entity, changes):
            self.changed = True

    def saved(self) -> Saved:
        """The result, after the ``with`` block."""
        assert self.result is not None
        return self.result


@contextmanager
def plan_edit(
    ctx: ServiceContext,
    plan_id: int,
    expected_version: int | None,
    allow_closed: bool = False,
) -> Iterator[PlanEdit]:
    """One write transaction on one plan.

    The stored version must equal ``expected_version`` (when given), else ``StaleEditError``;
    a closed plan is refused unless ``allow_closed``. After the body the plan is touched (its
    version rises, a new draft version starts after a signed one) and the result reloaded.
    """
    with ctx.db.write() as session:
        plan = load_plan(session, plan_id, expected_version)
        if plan.status is PlanStatus.CLOSED and not allow_closed:
            raise DomainError("error.plan_closed")
        now = ctx.clock.now()
        edit = PlanEdit(session, plan, AuditLog(session, ctx.user, now, plan.id, plan.person_id))
        yield edit
        if edit.changed:
            plan.version = plan.version + 1
            plan.updated_at = now
            if edit.content:
                ensure_draft_version(plan, now)
            session.flush()
            session.expire_all()
        edit.result = Saved(read_plan(session.connection(), plan_id), edit.item_id)


def ensure_draft_version(plan: Plan, now: datetime) -> None:
    """Start a new draft version when the latest one is signed (signed ones never change)."""
    latest = plan.versions[-1] if plan.versions else None
    if latest is None:
        plan.versions.append(PlanVersion(number=1, state=VersionState.DRAFT, created_at=now))
    elif latest.state is VersionState.SIGNED:
        plan.versions.append(
            PlanVersion(number=latest.number + 1, state=VersionState.DRAFT, created_at=now)
        )
