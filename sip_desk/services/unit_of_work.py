"""The shared shape of every plan edit: load with a version check, change, touch, return."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
    now: datetime
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


def edit_plan(
    ctx: ServiceContext,
    plan_id: int,
    expected_version: int | None,
    change: Callable[[PlanEdit], None],
    allow_closed: bool = False,
) -> Saved:
    """One write transaction on one plan, run again from the start while the store is busy.

    ``change`` makes the edit on the :class:`PlanEdit` it is given; it may run more than once
    (each time in a new transaction, after a busy error), so it must only touch the session.
    The stored version must equal ``expected_version`` (when given), else ``StaleEditError``;
    a closed plan is refused unless ``allow_closed``. After ``change`` the plan is touched (its
    version rises, a new draft version starts after a signed one) and the result reloaded.
    """

    def work(session: Session) -> Saved:
        edit = _begin_edit(ctx, session, plan_id, expected_version, allow_closed)
        change(edit)
        return _finish_edit(edit, plan_id)

    return ctx.db.transaction(work)


@contextmanager
def plan_edit(
    ctx: ServiceContext,
    plan_id: int,
    expected_version: int | None,
    allow_closed: bool = False,
) -> Iterator[PlanEdit]:
    """Like :func:`edit_plan`, as a ``with`` block.

    The body runs once, so only the begin of the transaction waits for a busy store (on SQLite
    that is where the lock is taken); prefer :func:`edit_plan`.
    """
    with ctx.db.write() as session:
        edit = _begin_edit(ctx, session, plan_id, expected_version, allow_closed)
        yield edit
        edit.result = _finish_edit(edit, plan_id)


def _begin_edit(
    ctx: ServiceContext,
    session: Session,
    plan_id: int,
    expected_version: int | None,
    allow_closed: bool,
) -> PlanEdit:
    plan = load_plan(session, plan_id, expected_version)
    if plan.status is PlanStatus.CLOSED and not allow_closed:
        raise DomainError("error.plan_closed")
    now = ctx.clock.now()
    return PlanEdit(session, plan, AuditLog(session, ctx.user, now, plan.id, plan.person_id), now)


def _finish_edit(edit: PlanEdit, plan_id: int) -> Saved:
    if edit.changed:
        plan = edit.plan
        plan.version = plan.version + 1
        plan.updated_at = edit.now
        if edit.content:
            ensure_draft_version(plan, edit.now)
        edit.session.flush()
        edit.session.expire_all()
    return Saved(read_plan(edit.session.connection(), plan_id), edit.item_id)


def ensure_draft_version(plan: Plan, now: datetime) -> None:
    """Start a new draft version when the latest one is signed (signed ones never change)."""
    latest = plan.versions[-1] if plan.versions else None
    if latest is None:
        plan.versions.append(PlanVersion(number=1, state=VersionState.DRAFT, created_at=now))
    elif latest.state is VersionState.SIGNED:
        plan.versions.append(
            PlanVersion(number=latest.number + 1, state=VersionState.DRAFT, created_at=now)
        )
