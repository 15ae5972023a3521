"""The plan versions of an import file, with their signatures and the signed-content check.

A signed version is an immutable snapshot whose SHA-256 chains it to the signed version before
it. The file carries the snapshot verbatim; a signed version whose snapshot no longer matches
its hash, or whose chain is broken, has been changed after signing and is refused.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import DomainError, ImportFormatError, ValidationError
from sip_desk.domain.snapshot import chain_hash, parse_snapshot
from sip_desk.services.plan_json_model import LocatedError, SignatureImport, VersionImport
from sip_desk.services.plan_json_values import decode


def convert_versions(
    raw: list[dict[str, Any]], errors: list[ValidationError]
) -> tuple[VersionImport, ...]:
    """Read the ``versions`` list; problems are appended to ``errors`` with their paths.

    Raises:
        ImportFormatError: a date that does not exist or bad base64 in a signature image.
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
        versions.append(decode(VersionImport, item, where, signatures=signatures))
    numbers: set[int] = set()
    for i, version in enumerate(versions):
        if version.number in numbers:
            _add(errors, f"$.plan.versions[{i}].number", "import.duplicate_version", version.number)
        numbers.add(version.number)
    _check_chain(versions, errors)
    return tuple(versions)


def _check_chain(versions: list[VersionImport], errors: list[ValidationError]) -> None:
    """Each signed version must match its hash and chain to the signed version before it."""
    previous: str | None = None
    for i, v in sorted(enumerate(versions), key=lambda iv: iv[1].number):
        if v.state is not VersionState.SIGNED:
            continue
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


def _add(errors: list[ValidationError], where: str, code: str, value: object) -> None:
    errors.append(LocatedError(where, ValidationError("import.version", code, value=value)))


def _image(value: str | None, where: str) -> bytes | None:
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ImportFormatError(where, "not valid base64") from None
