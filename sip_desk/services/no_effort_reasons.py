"""Recording why a principal taking part has no effort in the plan (``domain.principals``)."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from sip_desk.db import repositories as repo
from sip_desk.db.no_effort_write import write_no_effort_reason
from sip_desk.domain.enums import AuditAction, PrincipalType
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import OBLIGED, NoEffortReasonDto, principal_key, reason_anchor
from sip_desk.domain.validation import TEXT_MAX
from sip_desk.services.audit import AuditLog
from sip_desk.services.context import ServiceContext
from sip_desk.services.unit_of_work import Saved, touched


def stored_reason(plan: PlanDetail, principal: PrincipalType, organisation: str) -> str:
    """The reason ``plan`` holds for the principal, or ""."""
    key = principal_key(principal, organisation)
    return next((r.reason for r in plan.no_effort_reasons if r.key == key), "")


def _stored_name(plan: PlanDetail, principal: PrincipalType, organisation: str) -> str:
    """The organisation's name as ``plan`` stores it (its reason's, else its participants')."""
    key = principal_key(principal, organisation)
    named = (
        *(r.organisation for r in plan.no_effort_reasons if r.key == key),
        *(
            p.organisation
            for p in plan.participants
            if principal_key(p.principal, p.organisation) == key
        ),
    )
    return next(iter(named), organisation)


class NoEffortReasonService:
    """Reasons why a principal has no effort. Every method is one transaction."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def save(
        self, plan: PlanDetail, principal: PrincipalType, organisation: str, reason: str
    ) -> Saved:
        """Record ``reason`` for the principal in ``plan`` as the caller holds it.

        An empty (or blank) reason removes it. The plan's version is checked; the result is the
        caller's plan brought up to date, without reading the plan again.

        Raises:
            ValidationErrors: not a kommun or region, no organisation, or a reason too long.
            StaleEditError, DomainError: as any edit of the plan.
        """
        reason = reason.strip()
        organisation = organisation.strip()
        field = reason_anchor(principal, organisation)
        if principal not in OBLIGED or not organisation:
            raise ValidationErrors([ValidationError(field, "validation.unknown_reference")])
        if len(reason) > TEXT_MAX:
            raise ValidationErrors([ValidationError(field, "validation.too_long", max=TEXT_MAX)])
        organisation = _stored_name(plan, principal, organisation)
        old = stored_reason(plan, principal, organisation)
        if old == reason:
            return Saved(plan)
        ctx = self._ctx

        def work(session: Session) -> Saved:
            now = ctx.clock.now()
            org = repo.organisation(session, organisation, principal)
            assert org is not None  # the name is not blank
            log = AuditLog(session, ctx.user, now, plan.id, plan.person.id)
            row = log.row(AuditAction.UPDATE, "no_effort_reason", org.id, org.name, old, reason)
            written = write_no_effort_reason(
                session.connection(),
                plan_id=plan.id,
                expected_version=plan.version,
                now=now,
                organisation_id=org.id,
                reason=reason,
                recorded_by=ctx.user.user,
                audit_row=row,
            )
            key = principal_key(principal, organisation)
            kept = tuple(r for r in plan.no_effort_reasons if r.key != key)
            new = NoEffortReasonDto(
                organisation=org.name,
                principal=principal,
                reason=reason,
                recorded_at=now,
                recorded_by=ctx.user.user,
            )
            stored = tuple(sorted((*kept, new) if reason else kept, key=lambda r: r.key))
            changed = dataclasses.replace(plan, no_effort_reasons=stored)
            return Saved(touched(changed, written))

        return ctx.db.transaction(work)
