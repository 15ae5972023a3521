"""Query helpers that take a Session. They never commit."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sip_desk.db.identity_guard import MESSAGE as IDENTITY_GUARD_MESSAGE
from sip_desk.db.models import (
    Action,
    FollowUpDraft,
    Meeting,
    Organisation,
    Participant,
    Person,
    Plan,
    PlanVersion,
    Unit,
)
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.errors import NotFoundError, StaleEditError

T = TypeVar("T")


def load_plan(session: Session, plan_id: int, expected_version: int | None = None) -> Plan:
    """The plan with every list loaded in a few queries (no lazy loads later).

    Raises:
        NotFoundError: no such plan.
        StaleEditError: ``expected_version`` is given and the stored version differs.
    """
    stmt = (
        select(Plan)
        .where(Plan.id == plan_id)
        .options(
            selectinload(Plan.person).selectinload(Person.representatives),
            selectinload(Plan.lead_organisation),
            selectinload(Plan.participants).selectinload(Participant.organisation),
            selectinload(Plan.participants).selectinload(Participant.unit),
            selectinload(Plan.consents),
            selectinload(Plan.goals),
            selectinload(Plan.needs),
            selectinload(Plan.actions).selectinload(Action.goals),
            selectinload(Plan.actions).selectinload(Action.organisation),
            selectinload(Plan.actions).selectinload(Action.unit),
            selectinload(Plan.meetings).selectinload(Meeting.action_reviews),
            selectinload(Plan.meetings).selectinload(Meeting.goal_reviews),
            selectinload(Plan.versions),
            selectinload(Plan.follow_up_draft).selectinload(FollowUpDraft.action_reviews),
            selectinload(Plan.follow_up_draft).selectinload(FollowUpDraft.goal_reviews),
        )
    )
    if expected_version is not None:
        # An edit locks the plan row first (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds
        # the store): edits of one plan queue here instead of colliding half-way.
        stmt = stmt.with_for_update()
    plan = session.scalars(stmt).one_or_none()
    if plan is None:
        raise NotFoundError("plan", plan_id)
    if expected_version is not None and plan.version != expected_version:
        raise StaleEditError(plan_id, expected_version, plan.version)
    return plan


def _get_or_create(session: Session, cls: type[T], **values: Any) -> T:
    found = session.scalars(select(cls).filter_by(**values)).first()
    if found is None:
        found = cls(**values)
        session.add(found)
        session.flush()
    return found


def organisation(session: Session, name: str, principal: PrincipalType) -> Organisation | None:
    """Get or create the organisation ``name`` with ``principal``; ``None`` for a blank name."""
    name = name.strip()
    if not name:
        return None
    return _get_or_create(session, Organisation, name=name, principal_type=principal)


def unit(session: Session, org: Organisation | None, name: str) -> Unit | None:
    """Get or create the unit ``name`` in ``org``; ``None`` for a blank name or no organisation."""
    name = name.strip()
    if org is None or not name:
        return None
    return _get_or_create(session, Unit, organisation_id=org.id, name=name)


def person_by_identity(session: Session, identity_number: str) -> Person | None:
    """The person with this (normalised) identity number."""
    return session.scalars(
        select(Person)
        .where(Person.identity_number == identity_number)
        .options(selectinload(Person.representatives))
    ).first()


def identity_number_taken(error: BaseException) -> bool:
    """True when a write failed because a stored person has the identity number.

    On PostgreSQL that person may be one the user cannot see (row-level security): the caller
    must not say so (see ``PlanTransferService.import_with_report``); the server then refuses
    the number itself, after a pause (``db.identity_guard``), before the unique index would.
    """
    message = str(getattr(error, "orig", error))
    taken = ("uq_persons_identity_number", "persons.identity_number", IDENTITY_GUARD_MESSAGE)
    return any(sign in message for sign in taken)


def plan_with_signed_version(session: Session, content_hashes: set[str]) -> int | None:
    """The id of a stored plan with a signed version of one of ``content_hashes``, if any.

    A signed version's hash covers its snapshot and the chain before it, so two plans share
    one only when one was imported from an export of the other.
    """
    if not content_hashes:
        return None
    found = session.scalars(
        select(PlanVersion.plan_id)
        .where(PlanVersion.content_hash.in_(sorted(content_hashes)))
        .order_by(PlanVersion.plan_id)
        .limit(1)
    ).first()
    return found
