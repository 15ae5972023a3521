"""The seal of a signed version: what covers the signatures, and what the store key signs.

The version hash (:func:`~sip_desk.domain.snapshot.chain_hash`) covers the plan content. A
second hash, chained to it, covers the signatures: each signature's record (who, organisation,
role, person or not, how, when, and the SHA-256 of a drawn signature) is hashed together with
the hash before it, starting from the version hash. The store key signs the version's place (the
plan id in its snapshot and its number), the version hash, the
chain over the signatures given at signing, and the digest of the address-free snapshot; a
signature added later (on paper) is signed by the key on its own, over the chain up to it.

Everything here is plain hashing and message building; the Ed25519 keys are in
``services.store_key``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.snapshot import public_snapshot

SIGNATURES_PREFIX = b"sip-desk/signatures/1\n"
SEAL_MESSAGE = "sip-desk/version-seal/1"
SEAL_MESSAGE_PLACED = "sip-desk/version-seal/2"
LATE_MESSAGE = "sip-desk/late-signature/1"


def signature_record(sig: SignatureDto) -> str:
    """The canonical JSON of one signature: every fact the printed signature page shows."""
    image = hashlib.sha256(sig.image_png).hexdigest() if sig.image_png is not None else None
    record = {
        "signer_name": sig.signer_name,
        "organisation": sig.organisation,
        "role": sig.role,
        "is_person": sig.is_person,
        "method": sig.method.value,
        "signed_on": sig.signed_on.isoformat(),
        "image_sha256": image,
    }
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def signature_chain(content_hash: str, signatures: Sequence[SignatureDto]) -> list[str]:
    """The chain hash after each signature, in the given (stored position) order.

    One hash per signature; the last one covers them all.
    """
    chain: list[str] = []
    previous = content_hash
    for sig in signatures:
        digest = hashlib.sha256(SIGNATURES_PREFIX)
        digest.update(previous.encode("ascii") + b"\n")
        digest.update(signature_record(sig).encode("utf-8"))
        previous = digest.hexdigest()
        chain.append(previous)
    return chain


def public_digest(snapshot: str) -> str:
    """SHA-256 (hex) of the address-free form of a snapshot (what an export carries)."""
    return hashlib.sha256(public_snapshot(snapshot).encode("utf-8")).hexdigest()


def seal_message(
    key_id: str,
    content_hash: str,
    signatures_hash: str,
    digest: str,
    place: tuple[int, int] | None = None,
) -> bytes:
    """The bytes the store key signs to seal a version.

    ``signatures_hash`` is the signature chain at signing, ``digest`` the :func:`public_digest`
    of the snapshot, ``place`` the plan id written in the snapshot and the version number. Seals
    made since version 2 of the message carry the place, so a sealed version copied into another
    plan or to another number no longer matches its key signature. ``None`` gives the older
    message (seals made before), still accepted together with the binding checks in
    ``services.version_seal``.
    """
    parts: list[str] = [SEAL_MESSAGE, key_id]
    if place is not None:
        plan_id, number = place
        parts = [SEAL_MESSAGE_PLACED, key_id, str(plan_id), str(number)]
    parts += [content_hash, signatures_hash, digest]
    return "\n".join(parts).encode("ascii")


def late_message(key_id: str, content_hash: str, chain_hash: str) -> bytes:
    """The bytes the store key signs for a signature added after the version was sealed."""
    return "\n".join((LATE_MESSAGE, key_id, content_hash, chain_hash)).encode("ascii")
