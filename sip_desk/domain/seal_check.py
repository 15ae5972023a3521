"""Checking one signed version: its hash, its place in the chain, its signatures and its seal.

The rules are plain; the Ed25519 check itself is passed in (``verify``), so this module stays
free of any crypto library. Used for versions in the store and for versions in an import file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.errors import DomainError
from sip_desk.domain.seal import late_message, public_digest, seal_message, signature_chain
from sip_desk.domain.snapshot import chain_hash, parse_snapshot, public_snapshot
from sip_desk.domain.verification import KeyVerdict, Problem

Verifier = Callable[[str, bytes, str], KeyVerdict]
"""``verify(key_id, message, signature_base64)``: what the key says about the signature."""


@dataclass(frozen=True, kw_only=True)
class SealData:
    """A version's seal: the signatures chain at signing and the key's signature over it."""

    signatures_hash: str
    key_id: str
    key_signature: str
    on_upgrade: bool = False


@dataclass(frozen=True, kw_only=True)
class SignedSignature:
    """A signature and, when it was added after sealing, the key's signature over it."""

    signature: SignatureDto
    key_id: str | None = None
    key_signature: str | None = None


@dataclass(frozen=True, kw_only=True)
class SealedRecord:
    """Everything needed to check one signed version, as stored.

    ``expected_previous`` is the hash the signed version before actually has (``None`` for the
    first); ``signatures`` are in stored (position) order.
    """

    number: int
    snapshot: str | None
    content_hash: str | None
    previous_hash: str | None
    expected_previous: str | None
    signatures: tuple[SignedSignature, ...]
    seal: SealData | None


@dataclass(frozen=True, kw_only=True)
class RecordCheck:
    """The outcome for one record.

    Attributes:
        redacted: the snapshot is the address-free form of the signed one; its hash is attested
            by the key signature instead of recomputed.
        accepted_chain: the signature-chain hashes of every state the key covers (as sealed,
            then after each late signature); a printed file must carry one of them.
        origin_plan_id: the plan id written in the snapshot (the id in the store that signed
            it); ``None`` when the snapshot cannot be read.
    """

    problems: tuple[Problem, ...]
    redacted: bool = False
    accepted_chain: tuple[str, ...] = ()
    origin_plan_id: int | None = None
    identity_number: str | None = None


def check_record(record: SealedRecord, verify: Verifier) -> RecordCheck:
    """Check ``record``; every problem found is listed, not only the first."""
    n = record.number
    snapshot, content_hash = record.snapshot, record.content_hash
    if snapshot is None or content_hash is None:
        return RecordCheck(problems=(Problem("seal.snapshot_changed", number=n),))
    problems: list[Problem] = []
    origin: int | None = None
    identity: str | None = None
    try:
        detail = parse_snapshot(snapshot)
        origin, identity = detail.id, detail.person.identity_number
    except DomainError as error:
        problems.append(Problem("seal.unreadable", number=n, detail=error.message("en")))
    if record.previous_hash != record.expected_previous:
        problems.append(Problem("seal.chain_broken", number=n))
    intact = chain_hash(snapshot, record.previous_hash) == content_hash
    if not record.signatures:
        problems.append(Problem("seal.no_signatures", number=n))
    seal = record.seal
    if seal is None:
        if not intact:
            problems.append(Problem("seal.snapshot_changed", number=n))
        problems.append(Problem("seal.not_sealed", number=n))
        return RecordCheck(problems=tuple(problems))
    chain = signature_chain(content_hash, [s.signature for s in record.signatures])
    sealed_at = chain.index(seal.signatures_hash) if seal.signatures_hash in chain else None
    if sealed_at is None:
        problems.append(Problem("seal.signatures_changed", number=n))
    place = (origin, n) if origin is not None else None
    redacted = _check_key(record, seal, intact, place, verify, problems)
    accepted: tuple[str, ...] = ()
    if sealed_at is not None:
        covered = _check_late(record, chain, sealed_at, verify, problems)
        accepted = tuple(chain[sealed_at : sealed_at + 1 + covered])
    return RecordCheck(
        problems=tuple(problems),
        redacted=redacted,
        accepted_chain=accepted,
        origin_plan_id=origin,
        identity_number=identity,
    )


def _check_late(
    record: SealedRecord,
    chain: list[str],
    sealed_at: int,
    verify: Verifier,
    problems: list[Problem],
) -> int:
    """Check each signature after the sealed ones (the key must sign the chain up to it).

    Returns how many late signatures in a row (from the first) the key covers.
    """
    assert record.content_hash is not None
    covered, gap = 0, False
    later = zip(record.signatures[sealed_at + 1 :], chain[sealed_at + 1 :], strict=True)
    for sig, link in later:
        message = late_message(sig.key_id or "", record.content_hash, link)
        verdict = (
            verify(sig.key_id, message, sig.key_signature)
            if sig.key_id and sig.key_signature
            else KeyVerdict.INVALID
        )
        if verdict is KeyVerdict.INVALID:
            problems.append(
                Problem("seal.late_unsealed", number=record.number, name=sig.signature.signer_name)
            )
        else:
            _key_problem(verdict, record.number, sig.key_id or "", problems)
        if verdict is not KeyVerdict.VALID:
            gap = True
        elif not gap:
            covered += 1
    return covered


def _check_key(
    record: SealedRecord,
    seal: SealData,
    intact: bool,
    place: tuple[int, int] | None,
    verify: Verifier,
    problems: list[Problem],
) -> bool:
    """Check the seal's key signature; returns True when the snapshot is a redacted form.

    A seal signs the version's place (snapshot plan id and number); a seal made before places
    were signed is accepted by the older message (the caller checks its place separately).
    """
    assert record.snapshot is not None and record.content_hash is not None
    n, key = record.number, seal.key_id

    def verdict(snapshot: str) -> KeyVerdict:
        digest = public_digest(snapshot)
        content, chain = str(record.content_hash), seal.signatures_hash
        if place is not None:
            message = seal_message(key, content, chain, digest, place)
            placed = verify(key, message, seal.key_signature)
            if placed is not KeyVerdict.INVALID:
                return placed
        return verify(key, seal_message(key, content, chain, digest), seal.key_signature)

    result = verdict(record.snapshot)
    redacted = False
    if not intact:
        # Only an address-free snapshot whose digest the key signed may stand in for the signed
        # one; anything else is changed content.
        redacted = (
            public_snapshot(record.snapshot) == record.snapshot and result is KeyVerdict.VALID
        )
        if not redacted:
            problems.append(Problem("seal.snapshot_changed", number=n))
    if result is KeyVerdict.INVALID:
        problems.append(Problem("seal.key_signature_bad", number=n, key=key))
    else:
        _key_problem(result, n, key, problems)
    return redacted


_KEY_PROBLEMS = {
    KeyVerdict.UNKNOWN: "seal.key_unknown",
    KeyVerdict.FILE_MISSING: "seal.key_file_missing",
    KeyVerdict.MISMATCH: "seal.key_file_other",
}


def _key_problem(verdict: KeyVerdict, number: int, key: str, problems: list[Problem]) -> None:
    """Why a key could not check a signature (once per key and reason)."""
    code = _KEY_PROBLEMS.get(verdict)
    if code is None:
        return
    problem = Problem(code, number=number, key=key)
    if all((p.code, p.params) != (code, problem.params) for p in problems):
        problems.append(problem)
