"""The plan versions of an import file, with their signatures and the signed-content check.

A signed version is an immutable snapshot whose SHA-256 chains it to the signed version before
it. A file of schema version 2 also carries each signed version's seal (the exporting store's
key signature over the hash, the signatures and the address-free snapshot) and that store's
public key; every key signature must check, or nothing is imported. A version changed after
signing, or a forged one, is refused. Files of schema version 1 have no seals: their signed
versions are checked against the hash chain only and stay unsealed (they cannot be proven and
are not printed as signed).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import DomainError, ImportFormatError, ValidationError
from sip_desk.domain.seal_check import check_record
from sip_desk.domain.snapshot import chain_hash, parse_snapshot
from sip_desk.domain.verification import KeyVerdict
from sip_desk.services.plan_json.model import (
    LocatedError,
    SealImport,
    SignatureImport,
    VersionImport,
    decode,
)
from sip_desk.services.store_key import key_id_of, public_from_text, verify_signature
from sip_desk.services.version_seal import sealed_record

_CHANGED = frozenset({"seal.snapshot_changed", "seal.chain_broken", "seal.unreadable"})
_MISSING = frozenset({"seal.not_sealed", "seal.key_unknown", "seal.key_file_missing"})


def read_keys(raw: list[dict[str, Any]], errors: list[ValidationError]) -> dict[str, str]:
    """The ``signing_keys`` of a file: key id → public key (base64); bad entries are errors."""
    keys: dict[str, str] = {}
    for i, item in enumerate(raw):
        public = public_from_text(item["public_key"])
        if public is None or key_id_of(public) != item["key_id"]:
            _add(errors, f"$.signing_keys[{i}]", "import.key_conflict", item["key_id"])
            continue
        keys[item["key_id"]] = item["public_key"]
    return keys


def convert_versions(
    raw: list[dict[str, Any]],
    errors: list[ValidationError],
    keys: dict[str, str] | None = None,
    identity_number: str | None = None,
) -> tuple[VersionImport, ...]:
    """Read the ``versions`` list; problems are appended to ``errors`` with their paths.

    ``keys`` are the file's public keys (``None`` for a version 1 file); every signed version
    must be about the person with ``identity_number``.
    """
    versions: list[VersionImport] = []
    for i, item in enumerate(raw):
        where = f"$.plan.versions[{i}]"
        signatures = tuple(
            decode(
                SignatureImport,
                s,
                f"{where}.signatures[{j}]",
                image_png=_image(s["image_png"], f"{where}.signatures[{j}].image_png"),
            )
            for j, s in enumerate(item["signatures"])
        )
        seal = item.get("seal")
        sealed = decode(SealImport, seal, f"{where}.seal") if seal else None
        versions.append(decode(VersionImport, item, where, signatures=signatures, seal=sealed))
    numbers: set[int] = set()
    for i, version in enumerate(versions):
        if version.number in numbers:
            _add(errors, f"$.plan.versions[{i}].number", "import.duplicate_version", version.number)
        numbers.add(version.number)
    if keys is None:
        _check_chain(versions, errors)
    else:
        _check_seals(versions, keys, errors)
    _check_person(versions, identity_number, errors)
    return tuple(versions)


def _check_person(
    versions: list[VersionImport], identity_number: str | None, errors: list[ValidationError]
) -> None:
    """Each signed version must be about the file's person (its identity number)."""
    for i, v in _signed_in_order(versions):
        try:
            signed_for = parse_snapshot(v.snapshot or "").person.identity_number
        except DomainError:
            continue  # reported by the chain or seal check
        if signed_for != identity_number:
            _add(errors, f"$.plan.versions[{i}].snapshot", "import.signed_other_person", v.number)


def _signed_in_order(versions: list[VersionImport]) -> list[tuple[int, VersionImport]]:
    return [
        (i, v)
        for i, v in sorted(enumerate(versions), key=lambda iv: iv[1].number)
        if v.state is VersionState.SIGNED
    ]


def _check_chain(versions: list[VersionImport], errors: list[ValidationError]) -> None:
    """Each signed version must match its hash and chain to the signed version before it."""
    previous: str | None = None
    for i, v in _signed_in_order(versions):
        where = f"$.plan.versions[{i}]"
        if v.snapshot is None or v.content_hash != chain_hash(v.snapshot, v.previous_hash):
            _add(errors, f"{where}.content_hash", "import.signed_changed", v.number)
        elif v.previous_hash != previous:
            _add(errors, f"{where}.previous_hash", "import.signed_changed", v.number)
        else:
            try:
                parse_snapshot(v.snapshot)
            except DomainError:
                _add(errors, f"{where}.snapshot", "import.signed_changed", v.number)
        previous = v.content_hash


def _check_seals(
    versions: list[VersionImport], keys: dict[str, str], errors: list[ValidationError]
) -> None:
    """Every signed version must check out completely, key signatures included."""

    def verify(key_id: str, message: bytes, signature: str) -> KeyVerdict:
        public = public_from_text(keys[key_id]) if key_id in keys else None
        if public is None:
            return KeyVerdict.UNKNOWN
        ok = verify_signature(public, message, signature)
        return KeyVerdict.VALID if ok else KeyVerdict.INVALID

    previous: str | None = None
    for i, v in _signed_in_order(versions):
        result = check_record(sealed_record(v, previous, v.signatures), verify)
        codes = {p.code for p in result.problems}
        where = f"$.plan.versions[{i}]"
        if codes & _CHANGED:
            _add(errors, f"{where}.content_hash", "import.signed_changed", v.number)
        elif codes & _MISSING:
            _add(errors, f"{where}.seal", "import.key_missing", v.number)
        elif codes - {"seal.no_signatures"}:
            _add(errors, f"{where}.seal", "import.key_signature_bad", v.number)
        previous = v.content_hash


def _add(errors: list[ValidationError], where: str, code: str, value: object) -> None:
    errors.append(LocatedError(where, ValidationError("import.version", code, value=value)))


def _image(value: str | None, where: str) -> bytes | None:
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ImportFormatError(where, "base64") from None
