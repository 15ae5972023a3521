"""The frozen form of a signed plan: canonical JSON, its chained SHA-256, and reading it back.

The snapshot holds everything in a :class:`PlanDetail` except what changes without the plan's
content changing (the edit counter ``version``, ``updated_at`` and the version list) and the
follow-up record still being written (``follow_up_draft``), which nobody has decided yet.
Keys are sorted, lists are in a stable order, dates are ISO 8601 and datetimes UTC, so the same
content always gives the same text and the same hash on every machine and backend.

The hash of a signed version covers its snapshot and the hash of the previous signed version,
so the versions form a chain: changing or removing an older signed version breaks every later
hash.

Schema 2 leaves the person's postal address out: it is contact data kept in the person record,
not plan content, and a snapshot can never be changed later, so an address frozen into it would
leave the store with every print and export even after the person gets a protected identity.
Schema 1 snapshots (written before) may hold an address; they are kept verbatim so their printed
hashes stay true, and every reader drops the address (:func:`parse_snapshot`,
:func:`public_snapshot`). See SECURITY.md.

Translations made at the meeting (``domain.translation``) are plan content and part of the
snapshot under ``translations``; the key is left out when a plan has none, so a plan without
translations gives the same text (and hash) as before they existed, and an older snapshot reads
back with none. The reasons why a principal has no effort (``no_effort_reasons``,
``domain.principals``) are kept the same way.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sip_desk.domain.codec import DecodeError, decode, encode
from sip_desk.domain.document import SignatureDto
from sip_desk.domain.errors import DomainError
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.verification import VersionCheck

SNAPSHOT_SCHEMA = 2
READABLE_SCHEMAS = frozenset({1, 2})
HASH_PREFIX = b"sip-desk/plan-version/1\n"
# A follow-up record still being written is nobody's decision yet: it is never signed.
VOLATILE_FIELDS = frozenset({"version", "updated_at", "versions", "follow_up_draft"})

_ORDER: dict[str, Callable[[Any], Any]] = {
    "participants": lambda x: (x.position, x.id),
    "consents": lambda x: x.id,
    "goals": lambda x: (x.position, x.id),
    "needs": lambda x: (x.position, x.id),
    "actions": lambda x: (x.position, x.id),
    "meetings": lambda x: (x.starts_at, x.id),
    "translations": lambda x: x.key,
    "no_effort_reasons": lambda x: x.key,
}
# Lists added after schema 2 was first written: left out when empty, so a plan without them
# gives the same text (and hash) as before they existed, and an older snapshot reads back.
_LATER_LISTS = ("translations", "no_effort_reasons")


class SnapshotError(DomainError):
    """A stored snapshot cannot be read back (damaged, or written by an unknown format)."""

    def __init__(self, detail: str) -> None:
        super().__init__("snapshot.invalid", detail=detail)


@dataclass(frozen=True, kw_only=True)
class VersionDetail:
    """A plan version read back from the store, ready to print or compare.

    Attributes:
        plan: the plan as signed (parsed from the snapshot) or the live draft.
        content_hash: SHA-256 of the snapshot chained to ``previous_hash`` (signed only).
        signatures: the person or guardian first.
        check: for a signed version read with the store's keys, the outcome of its check.
        protected: the person has a protected identity now, or had one when this was signed.
        hidden_addresses: for a protected person, the addresses no print may show (the person
            record's, and one an older snapshot holds); see ``domain.redaction``.
    """

    plan: PlanDetail
    number: int
    signed: bool
    content_hash: str | None = None
    previous_hash: str | None = None
    signed_at: datetime | None = None
    signatures: tuple[SignatureDto, ...] = ()
    check: VersionCheck | None = None
    protected: bool = False
    hidden_addresses: tuple[str, ...] = ()


def snapshot_dict(plan: PlanDetail) -> dict[str, Any]:
    """The plan as plain JSON values, volatile fields left out and lists in stable order."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(plan):
        if f.name in VOLATILE_FIELDS:
            continue
        value = getattr(plan, f.name)
        if f.name in _ORDER:
            value = sorted(value, key=_ORDER[f.name])
        out[f.name] = encode(value)
    for action in out["actions"]:
        action["goal_ids"] = sorted(action["goal_ids"])
    out["person"].pop("address", None)  # contact data, not plan content (schema 2)
    for name in _LATER_LISTS:
        if not out[name]:
            del out[name]
    return out


def canonical_snapshot(plan: PlanDetail) -> str:
    """The canonical JSON text of ``plan``: sorted keys, no whitespace, UTF-8 characters kept."""
    return _dumps({"schema": SNAPSHOT_SCHEMA, "plan": snapshot_dict(plan)})


def _dumps(body: Any) -> str:
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def public_snapshot(text: str, hidden: Iterable[str] = ()) -> str:
    """``text`` without the person's postal address: what may leave the store.

    A schema 2 snapshot, or a schema 1 snapshot whose address is empty, is returned unchanged
    (so its hash can still be recomputed); otherwise the address is removed and the rest written
    in canonical form again. With ``hidden`` (the addresses of a person with protected identity)
    a meeting place that names one of them is emptied too, as in every print
    (``domain.redaction``). Text that is not a snapshot is returned unchanged.
    """
    try:
        body = json.loads(text)
        person = body["plan"]["person"]
        meetings = body["plan"]["meetings"]
    except (ValueError, KeyError, TypeError):
        return text
    if not isinstance(person, dict) or not isinstance(meetings, list):
        return text
    changed = bool(person.pop("address", ""))
    names = [a.strip().casefold() for a in hidden if a.strip()]
    for meeting in meetings:
        place = meeting.get("place") if isinstance(meeting, dict) else None
        if isinstance(place, str) and any(a in place.casefold() for a in names):
            meeting["place"] = ""
            changed = True
    return _dumps(body) if changed else text


def snapshot_address(text: str | None) -> str:
    """The postal address an older (schema 1) snapshot holds, or ""."""
    try:
        address = json.loads(text or "")["plan"]["person"]["address"]
    except (ValueError, KeyError, TypeError):
        return ""
    return address if isinstance(address, str) else ""


def chain_hash(snapshot: str, previous_hash: str | None) -> str:
    """SHA-256 (hex) over a fixed prefix, the previous signed version's hash and the snapshot."""
    digest = hashlib.sha256(HASH_PREFIX)
    digest.update((previous_hash or "").encode("ascii"))
    digest.update(b"\n")
    digest.update(snapshot.encode("utf-8"))
    return digest.hexdigest()


def parse_snapshot(
    text: str, *, version: int = 0, updated_at: datetime | None = None
) -> PlanDetail:
    """Read a snapshot of any readable schema back into a :class:`PlanDetail`.

    The person's address is always left empty (see the module notes). A field that a newer
    schema requires but an older snapshot lacks gets its empty value ("", False, 0, None, ()).

    Args:
        text: the canonical JSON written by :func:`canonical_snapshot`.
        version: the edit counter to put in the result (not part of the snapshot).
        updated_at: the time to put in ``updated_at``; defaults to ``created_at``.

    Raises:
        SnapshotError: the text is not a snapshot of a known schema.
    """
    try:
        body = json.loads(text)
    except ValueError as error:
        raise SnapshotError(str(error)) from error
    if not isinstance(body, dict) or body.get("schema") not in READABLE_SCHEMAS:
        raise SnapshotError("unknown snapshot schema")
    data = body.get("plan")
    if not isinstance(data, dict):
        raise SnapshotError("no plan in snapshot")
    if isinstance(data.get("person"), dict):
        data["person"].pop("address", None)
    data.update(version=version, versions=[], updated_at=data.get("created_at"))
    try:
        plan: PlanDetail = decode(PlanDetail, data, "$.plan")
    except DecodeError as error:
        raise SnapshotError(str(error)) from error
    return dataclasses.replace(plan, updated_at=updated_at) if updated_at else plan
