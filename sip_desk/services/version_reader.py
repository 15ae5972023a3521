"""Reading plan versions: a signed one from its frozen snapshot, checked with the store's keys."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session, selectinload

from sip_desk.db.models import Plan, PlanVersion
from sip_desk.db.plan_read import read_plan
from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import NotFoundError
from sip_desk.domain.snapshot import (
    SnapshotError,
    VersionDetail,
    parse_snapshot,
    snapshot_address,
)
from sip_desk.domain.verification import DamagedVersionError
from sip_desk.services.key_ring import KeyTable
from sip_desk.services.version_seal import check_row, signature_dto


def version_detail(plan: Plan, row: PlanVersion, keys: KeyTable | None = None) -> VersionDetail:
    """A version row as a :class:`VersionDetail`; a signed one is read from its snapshot.

    With ``keys``, a signed version is checked too (``VersionDetail.check``), and one whose
    snapshot cannot be read raises :class:`DamagedVersionError`.
    """
    ordered = sorted(row.signatures, key=lambda s: (not s.is_person, s.position, s.id))
    signed = row.state is VersionState.SIGNED
    check = check_row(row, keys) if signed and keys is not None else None
    if signed:
        try:
            snapshot = row.snapshot or ""
            detail = parse_snapshot(snapshot, version=plan.version, updated_at=row.signed_at)
        except SnapshotError:
            if check is None:
                raise
            raise DamagedVersionError(check) from None
        # The plan id inside an imported snapshot is the other store's: print this store's.
        detail = dataclasses.replace(detail, id=plan.id)
    else:
        session = object_session(plan)
        assert session is not None
        detail = read_plan(session, plan.id)
    protected = plan.person.protected_identity or detail.person.protected_identity
    hidden = {plan.person.address, snapshot_address(row.snapshot)} if protected else set()
    return VersionDetail(
        plan=detail,
        number=row.number,
        signed=signed,
        content_hash=row.content_hash,
        previous_hash=row.previous_hash,
        signed_at=row.signed_at,
        signatures=tuple(signature_dto(s) for s in ordered),
        check=check,
        protected=protected,
        hidden_addresses=tuple(sorted(a for a in hidden if a.strip())),
    )


def find_version(plan: Plan, number: int | None) -> PlanVersion:
    """Version ``number`` of ``plan`` (the latest when ``None``); NotFoundError if none."""
    if number is None and plan.versions:
        return plan.versions[-1]
    row = next((v for v in plan.versions if v.number == number), None)
    if row is None:
        raise NotFoundError("version", f"{plan.id}/{number}")
    return row


def load_plan_with_signatures(session: Session, plan_id: int) -> Plan:
    """The plan row with its person and its versions with their signatures.

    The plan's content is not loaded here: :func:`version_detail` reads it with
    :func:`read_plan` when a version is not signed (a signed one comes from its snapshot).
    """
    plan = session.scalars(
        select(Plan)
        .where(Plan.id == plan_id)
        .options(
            selectinload(Plan.person),
            selectinload(Plan.versions).selectinload(PlanVersion.signatures),
        )
    ).first()
    if plan is None:
        raise NotFoundError("plan", plan_id)
    return plan
