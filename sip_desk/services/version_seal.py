"""Sealing signed versions with the store key, and checking a stored signed version."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sip_desk.db.models import PlanVersion, Signature, VersionSeal
from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import DomainError
from sip_desk.domain.seal import late_message, public_digest, seal_message, signature_chain
from sip_desk.domain.seal_check import (
    RecordCheck,
    SealData,
    SealedRecord,
    SignedSignature,
    check_record,
)
from sip_desk.domain.snapshot import chain_hash, parse_snapshot
from sip_desk.domain.verification import KeyOrigin, KeyVerdict, Problem, VersionCheck
from sip_desk.services.store_key import StoreKey

T = TypeVar("T")


class KeyView(Protocol):
    """The keys a check may use (see ``services.key_ring.KeyRing.view``)."""

    def verify(self, key_id: str, message: bytes, signature: str) -> KeyVerdict:
        """What key ``key_id`` says about ``signature`` over ``message``."""
        ...

    def origin(self, key_id: str) -> tuple[KeyOrigin, bool]:
        """Whose key ``key_id`` is, and whether it is trusted."""
        ...


def signature_dto(row: Any) -> SignatureDto:
    """A signature row as a DTO."""
    return _fields_of(SignatureDto, row)


def _fields_of(cls: type[T], row: object) -> T:
    """``cls`` made from the attributes of ``row`` named as its fields."""
    return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})  # type: ignore[arg-type]


def _in_order(row: PlanVersion) -> list[Signature]:
    return sorted(row.signatures, key=lambda s: (s.position, s.id or 0))


def seal_version(
    row: PlanVersion, key: StoreKey, now: datetime, on_upgrade: bool = False
) -> VersionSeal:
    """The seal of the signed version ``row`` over its current signatures (not yet added)."""
    assert row.snapshot is not None and row.content_hash is not None
    chain = signature_chain(row.content_hash, [signature_dto(s) for s in _in_order(row)])
    signatures_hash = chain[-1] if chain else row.content_hash
    place = (parse_snapshot(row.snapshot).id, row.number)
    message = seal_message(
        key.key_id, row.content_hash, signatures_hash, public_digest(row.snapshot), place
    )
    return VersionSeal(
        signatures_hash=signatures_hash,
        key_id=key.key_id,
        key_signature=key.sign(message),
        sealed_at=now,
        on_upgrade=on_upgrade,
    )


def sign_late(row: PlanVersion, new: Signature, key: StoreKey) -> None:
    """Give ``new`` (already appended to ``row.signatures``) the key's signature over the chain."""
    assert row.content_hash is not None
    chain = signature_chain(row.content_hash, [signature_dto(s) for s in _in_order(row)])
    new.key_id = key.key_id
    new.key_signature = key.sign(late_message(key.key_id, row.content_hash, chain[-1]))


def previous_signed(row: PlanVersion) -> PlanVersion | None:
    """The signed version of the same plan just before ``row``."""
    earlier = [
        v for v in row.plan.versions if v.state is VersionState.SIGNED and v.number < row.number
    ]
    return max(earlier, key=lambda v: v.number, default=None)


def intact(row: PlanVersion) -> bool:
    """The hash recomputes from the snapshot and chains to the signed version before."""
    if row.snapshot is None or row.content_hash is None:
        return False
    before = previous_signed(row)
    expected = before.content_hash if before else None
    return row.previous_hash == expected and (
        chain_hash(row.snapshot, row.previous_hash) == row.content_hash
    )


def sealed_record(
    row: Any, expected_previous: str | None, signatures: Iterable[Any] | None = None
) -> SealedRecord:
    """What :func:`~sip_desk.domain.seal_check.check_record` needs about a version.

    ``row``: a stored version, or one read from an import file with its ``signatures``.
    """
    return SealedRecord(
        number=row.number,
        snapshot=row.snapshot,
        content_hash=row.content_hash,
        previous_hash=row.previous_hash,
        expected_previous=expected_previous,
        signatures=tuple(
            SignedSignature(
                signature=signature_dto(s), key_id=s.key_id, key_signature=s.key_signature
            )
            for s in (_in_order(row) if signatures is None else signatures)
        ),
        seal=_fields_of(SealData, row.seal) if row.seal else None,
    )


def check_row(row: PlanVersion, keys: KeyView) -> VersionCheck:
    """Check the signed version ``row`` with the keys known to this store."""
    before = previous_signed(row)
    result = check_record(sealed_record(row, before.content_hash if before else None), keys.verify)
    seal = row.seal
    key_id = seal.key_id if seal else ""
    origin, trusted = keys.origin(key_id) if seal else (KeyOrigin.NONE, False)
    problems = result.problems + _place_problems(row, result)
    return VersionCheck(
        plan_id=row.plan_id,
        number=row.number,
        content_hash=row.content_hash or "",
        key_id=key_id,
        origin=origin,
        trusted=trusted,
        on_upgrade=bool(seal and seal.on_upgrade),
        redacted=result.redacted,
        accepted_chain=result.accepted_chain,
        problems=problems,
    )


def _origin_of(row: PlanVersion) -> int | None:
    try:
        return parse_snapshot(row.snapshot or "").id
    except DomainError:
        return None


def _place_problems(row: PlanVersion, result: RecordCheck) -> tuple[Problem, ...]:
    """A version must be where it was signed, not copied into another person's plan.

    The plan id in the snapshot is the plan it was signed in. When that is not this plan (an
    imported version, including one exported from this very store and imported back), the
    snapshot's person must have this plan's identity number, and the version must come from
    the same plan as the first such version of this plan sealed by the same key. (A copy into
    another plan of the same person is what an import does too; see SECURITY.md.)
    """
    snap_plan = result.origin_plan_id
    if snap_plan is None or snap_plan == row.plan_id:
        return ()
    n = row.number
    problems: list[Problem] = []
    if result.identity_number != row.plan.person.identity_number:
        problems.append(Problem("seal.wrong_person", number=n, plan=row.plan_id))
    # The first version from elsewhere sealed by the same key says which plan there this plan
    # continues (a plan moved on from store to store has one origin per store's key).
    key_id = row.seal.key_id if row.seal else None
    signed = sorted(
        (
            v
            for v in row.plan.versions
            if v.state is VersionState.SIGNED and (v.seal.key_id if v.seal else None) == key_id
        ),
        key=lambda v: v.number,
    )
    origins = (_origin_of(v) for v in signed)
    first = next((o for o in origins if o is not None and o != row.plan_id), snap_plan)
    if first != snap_plan:
        problems.append(Problem("seal.wrong_plan", number=n, plan=row.plan_id, origin=snap_plan))
    return tuple(problems)
