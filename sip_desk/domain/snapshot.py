"""The frozen form of a signed plan: canonical JSON, its chained SHA-256, and reading it back.

The snapshot holds everything in a :class:`PlanDetail` except what changes without the plan's
content changing (the edit counter ``version``, ``updated_at`` and the version list) and the
follow-up record still being written (``follow_up_draft``), which nobody has decided yet.
Keys are sorted, lists are in a stable order, dates are ISO 8601 and datetimes UTC, so the same
content always gives the same text and the same hash on every machine and backend.

The hash of a signed version covers its snapshot and the hash of the previous signed version,
so the versions form a chain: changing or removing an older signed version breaks every later
hash.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.errors import DomainError
from sip_desk.domain.plan import PlanDetail

SNAPSHOT_SCHEMA = 1
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
}


class SnapshotError(DomainError):
    """A stored snapshot cannot be read back (damaged, or written by an unknown format)."""

    def __init__(self, detail: str) -> None:
        super().__init__("snapshot.invalid", detail=detail)


@dataclass(frozen=True, kw_only=True)
class VersionDetail:
    """A plan version read back from the store, ready to print or compare.

    Attributes:
        plan: the plan as signed (parsed from the snapshot) or the live draft.
        number: the version number.
        signed: True for an immutable signed version.
        content_hash: SHA-256 of the snapshot chained to ``previous_hash`` (signed only).
        previous_hash: the hash of the signed version before this one, if any.
        signed_at: when the version was frozen.
        signatures: the signatures, the person or guardian first.
    """

    plan: PlanDetail
    number: int
    signed: bool
    content_hash: str | None = None
    previous_hash: str | None = None
    signed_at: datetime | None = None
    signatures: tuple[SignatureDto, ...] = ()


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in a snapshot")
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def snapshot_dict(plan: PlanDetail) -> dict[str, Any]:
    """The plan as plain JSON values, volatile fields left out and lists in stable order."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(plan):
        if f.name in VOLATILE_FIELDS:
            continue
        value = getattr(plan, f.name)
        if f.name in _ORDER:
            value = sorted(value, key=_ORDER[f.name])
        out[f.name] = _encode(value)
    for action in out["actions"]:
        action["goal_ids"] = sorted(action["goal_ids"])
    return out


def canonical_snapshot(plan: PlanDetail) -> str:
    """The canonical JSON text of ``plan``: sorted keys, no whitespace, UTF-8 characters kept."""
    body = {"schema": SNAPSHOT_SCHEMA, "plan": snapshot_dict(plan)}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


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
    """Read a snapshot back into a :class:`PlanDetail`.

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
    if not isinstance(body, dict) or body.get("schema") != SNAPSHOT_SCHEMA:
        raise SnapshotError("unknown snapshot schema")
    data = body.get("plan")
    if not isinstance(data, dict):
        raise SnapshotError("no plan in snapshot")
    created = _decode(datetime, data.get("created_at"), "$.plan.created_at")
    extra = {"version": version, "updated_at": updated_at or created, "versions": ()}
    plan = _decode_dataclass(PlanDetail, {**data, **extra}, "$.plan", raw=set(extra))
    assert isinstance(plan, PlanDetail)
    return plan


def _decode_dataclass(cls: type[Any], data: Any, where: str, raw: set[str] | None = None) -> Any:
    if not isinstance(data, Mapping):
        raise SnapshotError(f"{where}: expected an object")
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise SnapshotError(f"{where}.{f.name}: missing")
            continue
        value = data[f.name]
        if raw and f.name in raw:
            values[f.name] = value
        else:
            values[f.name] = _decode(hints[f.name], value, f"{where}.{f.name}")
    return cls(**values)


def _decode(tp: Any, value: Any, where: str) -> Any:  # noqa: PLR0911
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _decode(inner[0], value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise SnapshotError(f"{where}: expected a list")
        item = get_args(tp)[0]
        return tuple(_decode(item, v, f"{where}[{i}]") for i, v in enumerate(value))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, where)
    try:
        return _decode_scalar(tp, value)
    except (TypeError, ValueError) as error:
        raise SnapshotError(f"{where}: {error}") from error


def _decode_scalar(tp: Any, value: Any) -> Any:
    if tp is datetime:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("naive datetime")
        return parsed.astimezone(UTC)
    if tp is date:
        return date.fromisoformat(value)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp in (int, str, bool) and type(value) is tp:
        return value
    raise TypeError(f"expected {getattr(tp, '__name__', tp)}, got {type(value).__name__}")
