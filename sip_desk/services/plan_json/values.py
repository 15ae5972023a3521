"""Field values between domain dataclasses and JSON: enums, dates and moments as text.

The export format uses the DTO field names, so one generic mapping covers every dataclass;
reference fields (database ids) are renamed and handled by the callers.
"""

from __future__ import annotations

import dataclasses
import types
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from sip_desk.domain.errors import ImportFormatError

T = TypeVar("T")


def encode(value: object) -> object:
    """A field value as JSON: enums by value, dates ``YYYY-MM-DD``, moments ISO 8601 in UTC."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def record(obj: object, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The fields of dataclass ``obj`` as a JSON object, in declaration order, minus ``skip``."""
    return {
        f.name: encode(getattr(obj, f.name))
        for f in dataclasses.fields(obj)  # type: ignore[arg-type]
        if f.name not in skip
    }


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def decode(cls: type[T], raw: dict[str, Any], where: str, **extra: Any) -> T:
    """Build dataclass ``cls`` from a schema-checked JSON object.

    Keys of ``raw`` that are not fields of ``cls`` are ignored; ``extra`` gives (or overrides)
    fields, e.g. resolved references and nested lists.

    Raises:
        ImportFormatError: a date or moment that matches the pattern but does not exist, or a
            moment outside the years 1 to 9999 once turned into UTC.
    """
    hints = _hints(cls)
    values = {
        f.name: decode_value(hints[f.name], raw[f.name], f"{where}.{f.name}")
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in raw and f.name not in extra
    }
    values.update(extra)
    return cls(**values)


def decode_value(hint: Any, value: Any, where: str) -> Any:
    """Convert one JSON value to the Python type ``hint`` (dates, moments, enums)."""
    if value is None:
        return None
    if get_origin(hint) in (Union, types.UnionType):
        hint = next(a for a in get_args(hint) if a is not type(None))
    if hint is datetime:
        return _moment(value, where)
    if hint is date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ImportFormatError(where, f"{value!r} is not a valid date") from None
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    return value


def _moment(value: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ImportFormatError(where, f"{value!r} is not a valid date and time") from None
    if moment.tzinfo is None:  # the schema requires an offset; kept for hand-made callers
        raise ImportFormatError(where, f"{value!r} has no UTC offset")
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:59:59-14:00 is in the year 10000 in UTC
        raise ImportFormatError(where, f"{value!r} is outside the years 1 to 9999 in UTC") from None
