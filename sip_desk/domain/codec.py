"""One typed codec between the domain dataclasses and JSON values, built on cattrs.

The export format (``services.plan_json``) and the signed snapshot (:mod:`.snapshot`) both use
it, so a plan field is written and read the same way everywhere:

- enums by value, dates ``YYYY-MM-DD``, moments ISO 8601 in UTC (a naive moment is refused),
  tuples as lists, dataclasses as objects with their field names;
- reading is strict: a value of the wrong JSON type is refused, not converted (``"12"`` is no
  number, ``"abc"`` no list); unknown keys are ignored; a missing key takes the field's default,
  else its empty value ("", False, 0, None, ()) — what an older snapshot lacks — else is refused;
- every refusal is a :class:`DecodeError` naming where, as a JSON path.

cattrs was chosen over pydantic's ``TypeAdapter``: it works on the plain frozen dataclasses as
they are (no model classes beside them, no second validation layer) and its converters are
ordinary functions of a type, so the one converter here serves both callers.
"""

from __future__ import annotations

import dataclasses
import types
from datetime import UTC, date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import AttributeValidationNote, BaseValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

T = TypeVar("T")


class DecodeError(ValueError):
    """A JSON value that does not fit its field.

    Attributes:
        where: the JSON path of the value, e.g. ``$.plan.goals[0].term``.
        detail: what is wrong, in English.
    """

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(f"{where}: {detail}")
        self.where, self.detail = where, detail


def _moment_out(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime in a plan")
    return value.astimezone(UTC).isoformat()


def _moment_in(value: Any, _: type) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected a date and time, got {type(value).__name__}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date and time") from None
    if moment.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset")
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:59:59-14:00 is in the year 10000 in UTC
        raise ValueError(f"{value!r} is outside the years 1 to 9999 in UTC") from None


def _date_in(value: Any, _: type) -> date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date, got {type(value).__name__}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a valid date") from None


def _exact(value: Any, tp: type) -> Any:
    if issubclass(tp, Enum):  # a StrEnum reaches here as a str
        return tp(value)
    if type(value) is not tp:
        raise TypeError(f"expected {tp.__name__}, got {type(value).__name__}")
    return value


def _is_tuple(tp: Any) -> bool:
    """``tuple[X, ...]``; a fixed tuple such as ``tuple[str, int]`` keeps cattrs' own hook."""
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(tp: Any, conv: cattrs.Converter) -> Any:
    items = homogenous_tuple_structure_factory(tp, conv)

    def structure(value: Any, cls: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected a list, got {type(value).__name__}")
        return items(value, cls)

    return structure


def _empty(tp: Any) -> Any:
    """The empty value of a field type, or MISSING where there is none to assume."""
    if get_origin(tp) in (Union, types.UnionType) and type(None) in get_args(tp):
        return None
    if get_origin(tp) is tuple:
        return ()
    if tp in (str, bool, int):
        return tp()
    return dataclasses.MISSING


def _dataclass_factory(cls: Any, conv: cattrs.Converter) -> Any:
    built = make_dict_structure_fn(cls, conv)
    fields = dataclasses.fields(cls)
    hints = _hints(cls)

    def structure(value: Any, tp: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError("expected an object")
        missing = {}
        for f in fields:
            defaulted = (f.default, f.default_factory) != (dataclasses.MISSING,) * 2
            if f.name in value or defaulted:
                continue
            empty = _empty(hints[f.name])
            if empty is dataclasses.MISSING:
                raise KeyError(f.name)
            missing[f.name] = empty
        return built({**value, **missing} if missing else value, tp)

    return structure


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return get_type_hints(cls)


def _converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(datetime, _moment_out)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(datetime, _moment_in)
    conv.register_structure_hook(date, _date_in)
    for scalar in (str, int, bool, Enum):
        conv.register_structure_hook(scalar, _exact)
    conv.register_structure_hook_factory(_is_tuple, _tuple_factory)
    conv.register_structure_hook_factory(dataclasses.is_dataclass, _dataclass_factory)
    return conv


CONVERTER = _converter()


def encode(value: object) -> Any:
    """``value`` as JSON values: dataclasses as objects, tuples as lists, see the module notes."""
    if isinstance(value, Enum):
        return value.value
    return CONVERTER.unstructure(value)


def record(obj: object, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The fields of dataclass ``obj`` as a JSON object, in declaration order, minus ``skip``."""
    return {
        f.name: encode(getattr(obj, f.name))
        for f in dataclasses.fields(obj)  # type: ignore[arg-type]
        if f.name not in skip
    }


def decode(tp: Any, value: Any, where: str = "$") -> Any:
    """``value`` (JSON values) as type ``tp``.

    Raises:
        DecodeError: the first value that does not fit, with its JSON path below ``where``.
    """
    try:
        return CONVERTER.structure(value, tp)
    except (BaseValidationError, TypeError, ValueError, KeyError) as error:
        path, leaf = _leaf(error, where)
        raise DecodeError(path, "missing" if isinstance(leaf, KeyError) else str(leaf)) from error


def decode_fields(cls: type[T], raw: dict[str, Any], where: str, **extra: Any) -> T:
    """Dataclass ``cls`` from the keys of ``raw`` that are its fields; ``extra`` given as is.

    ``extra`` gives (or overrides) fields already in Python form, e.g. resolved references.

    Raises:
        DecodeError: a value that does not fit, with its JSON path.
    """
    hints = _hints(cls)  # type: ignore[arg-type]
    values = {
        f.name: decode(hints[f.name], raw[f.name], f"{where}.{f.name}")
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in raw and f.name not in extra
    }
    return cls(**values, **extra)


def _leaf(error: BaseException, where: str) -> tuple[str, BaseException]:
    """The JSON path and the innermost error of a cattrs error tree (its first branch)."""
    while isinstance(error, BaseValidationError):
        inner = error.exceptions[0]
        for note in getattr(inner, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                where = f"{where}.{note.name}"
            elif isinstance(note, IterableValidationNote):
                where = f"{where}[{note.index}]"
        error = inner
    if isinstance(error, KeyError):
        where = f"{where}.{error.args[0]}"
    return where, error
