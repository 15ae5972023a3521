"""Hypothesis strategies that damage a real plan export the ways files get damaged.

Each drawn case is a file's bytes plus a list of what was done to it (shown when a case fails):
values of the wrong type, strings of every length, deep nesting, impossible and edge dates,
dangling and duplicate references, identity numbers (valid, invalid, already stored), unusual
unicode (lone surrogates, NUL, bidi controls), huge numbers, NaN and infinity, missing and extra
keys, moved subtrees, and damage to the bytes themselves (cut short, BOM, invalid UTF-8).
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import strategies as st

from sip_desk.domain.identity import make_identity
from tests.cli.edge_values import DATES, DEPTHS, LENGTHS, MOMENTS, NUMBERS, ODD_TEXT

Path = tuple[str | int, ...]
Draw = Callable[[st.SearchStrategy[Any]], Any]

_DATE_KEYS = ("_at", "_on", "_date", "valid_from", "valid_until")


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, small, with a bias to the awkward ones."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.sampled_from(NUMBERS),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=30),
        st.sampled_from(ODD_TEXT + DATES + MOMENTS),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=6,
    )


def paths(value: Any, where: Path = ()) -> list[Path]:
    """Every place below ``value``: object members and list items, depth first."""
    found: list[Path] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*where, key))
            found += paths(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*where, index))
            found += paths(item, (*where, index))
    return found


def _parent(doc: Any, where: Path) -> Any:
    for part in where[:-1]:
        doc = doc[part]
    return doc


def _get(doc: Any, where: Path) -> Any:
    return _parent(doc, where)[where[-1]]


def _set(doc: Any, where: Path, value: Any) -> None:
    _parent(doc, where)[where[-1]] = value


def _pick(draw: Draw, doc: Any, keep: Callable[[Path, Any], bool] | None = None) -> Path | None:
    places = [p for p in paths(doc) if keep is None or keep(p, _get(doc, p))]
    return draw(st.sampled_from(places)) if places else None


class Case:
    """What was done to one file, and the deeply nested parts written into its text later."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.deep: dict[str, str] = {}

    def nest(self, value: Any, depth: int, as_list: bool) -> Any:
        """``value`` inside ``depth`` lists or objects; deep ones as a placeholder string."""
        if depth <= 50:
            for _ in range(depth):
                value = [value] if as_list else {"x": value}
            return value
        token = f"@@deep{len(self.deep)}@@"
        opening, closing = ("[", "]") if as_list else ('{"x":', "}")
        self.deep[json.dumps(token)] = opening * depth + json.dumps(value) + closing * depth
        return token


def _key(where: Path) -> str:
    return next((str(p) for p in reversed(where) if isinstance(p, str)), "")


def _identity(draw: Draw, stored: list[str]) -> str:
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    serial = draw(st.integers(min_value=0, max_value=999))
    valid = make_identity(born, serial, coordination=draw(st.booleans()))
    choices = [valid, valid[:-1] + str((int(valid[-1]) + 1) % 10), valid.replace("-", "+")]
    choices += [valid[2:], valid.replace("-", ""), "19840314-238", "abcdefgh-ijkl", ""]
    return str(draw(st.sampled_from(choices + stored)))


def _refs(doc: Any) -> list[str]:
    return [str(v) for p in paths(doc) if _key(p) == "ref" and isinstance(v := _get(doc, p), str)]


Choice = tuple[Path | None, Any]  # where to put a value (None: nowhere fits), and the value


def _date(draw: Draw, doc: Any, _stored: list[str], _case: Case) -> Choice:
    where = _pick(draw, doc, lambda p, _v: _key(p).endswith(_DATE_KEYS))
    moment = where is not None and _key(where).endswith("_at")
    usual, other = (MOMENTS, DATES) if moment else (DATES, MOMENTS)
    return where, draw(
        st.sampled_from(usual) if draw(st.integers(0, 4)) else st.sampled_from(other)
    )


def _reference(draw: Draw, doc: Any, _stored: list[str], _case: Case) -> Choice:
    where = _pick(draw, doc, lambda p, _v: _key(p).endswith(("ref", "refs")))
    return where, draw(st.sampled_from([*_refs(doc), "", "goal-999", "participant-0", None]))


def _identity_number(draw: Draw, doc: Any, stored: list[str], _case: Case) -> Choice:
    return _pick(draw, doc, lambda p, _v: _key(p) == "identity_number"), _identity(draw, stored)


def _unicode(draw: Draw, doc: Any, _stored: list[str], _case: Case) -> Choice:
    where = _pick(draw, doc, lambda _p, v: isinstance(v, str))
    return where, draw(st.sampled_from(ODD_TEXT) | st.text(min_size=1, max_size=40))


def _length(draw: Draw, doc: Any, _stored: list[str], _case: Case) -> Choice:
    where = _pick(draw, doc, lambda _p, v: isinstance(v, str))
    return where, draw(st.sampled_from("aÅ€🙂")) * draw(st.sampled_from(LENGTHS))


def _number(draw: Draw, doc: Any, _stored: list[str], _case: Case) -> Choice:
    where = _pick(draw, doc, lambda _p, v: isinstance(v, int | float) or v is None)
    return where, draw(st.sampled_from(NUMBERS))


def _nesting(draw: Draw, doc: Any, _stored: list[str], case: Case) -> Choice:
    where = _pick(draw, doc) if draw(st.booleans()) else ()
    inner = doc if where == () else _get(doc, where) if where else None
    return where, case.nest(inner, draw(st.sampled_from(DEPTHS)), draw(st.booleans()))


def _move(draw: Draw, doc: Any, _stored: list[str], _case: Case) -> Choice:
    source = _pick(draw, doc)
    return _pick(draw, doc), copy.deepcopy(_get(doc, source)) if source is not None else None


def _type(draw: Draw, doc: Any, _stored: list[str], _case: Case) -> Choice:
    return _pick(draw, doc) if draw(st.integers(0, 19)) else (), draw(json_values())


REPLACEMENTS = {
    "date": _date,
    "reference": _reference,
    "identity": _identity_number,
    "unicode": _unicode,
    "length": _length,
    "number": _number,
    "nesting": _nesting,
    "move": _move,
    "type": _type,
}


def _delete(draw: Draw, doc: Any, case: Case) -> None:
    where = _pick(draw, doc)
    if where is not None:
        del _parent(doc, where)[where[-1]]
        case.done.append(f"delete {where}")


def _add(draw: Draw, doc: Any, case: Case) -> None:
    where = _pick(draw, doc, lambda _p, v: isinstance(v, dict | list))
    if where is None:
        return
    target = _get(doc, where)
    if isinstance(target, list):
        # a copy of the first item repeats its refs
        target.append(copy.deepcopy(target[0]) if target else draw(json_values()))
    else:
        target[draw(st.text(max_size=10))] = draw(json_values())
    case.done.append(f"add to {where}")


def mutate(draw: Draw, doc: Any, stored: list[str], case: Case) -> Any:
    """Apply one drawn mutation to ``doc`` (changed in place when possible); returns the doc."""
    kind = draw(st.sampled_from([*REPLACEMENTS, "delete", "add"]))
    if kind == "delete":
        _delete(draw, doc, case)
        return doc
    if kind == "add":
        _add(draw, doc, case)
        return doc
    where, value = REPLACEMENTS[kind](draw, doc, stored, case)
    if where is None:
        return doc
    case.done.append(f"{kind} {where} = {_show(value)}")
    if where == ():
        return value
    _set(doc, where, value)
    return doc


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:80]}… ({len(text):,} characters)"


def to_bytes(draw: Draw, doc: Any, case: Case) -> bytes:
    """The document as a file: any JSON spelling, sometimes with the bytes damaged."""
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), allow_nan=True)
    for token, nested in case.deep.items():
        text = text.replace(token, nested)
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8
    damage = draw(st.sampled_from([*["none"] * 17, "cut", "bom", "byte"]))  # bytes: about 1 in 7
    if damage == "cut":
        cut = draw(st.integers(0, max(0, len(data) - 1)))
        case.done.append(f"cut at byte {cut}")
        data = data[:cut]
    elif damage == "bom":
        case.done.append("byte order mark")
        data = b"\xef\xbb\xbf" + data
    elif damage == "byte" and data:
        at = draw(st.integers(0, len(data) - 1))
        byte = draw(st.integers(0, 255))
        case.done.append(f"byte {at} = {byte:#x}")
        data = data[:at] + bytes([byte]) + data[at + 1 :]
    return data


@dataclasses.dataclass(frozen=True)
class DamagedFile:
    """A drawn case: the file's bytes (left out of the repr) and what was done to the export."""

    data: bytes = dataclasses.field(repr=False)
    done: tuple[str, ...]


@st.composite
def damaged_exports(draw: Draw, bases: list[dict[str, Any]], stored: list[str]) -> DamagedFile:
    """A real export (one of ``bases``) with one to three mutations, as file bytes.

    Args:
        bases: exported plans.
        stored: identity numbers of persons already in the target store.
    """
    index = draw(st.integers(0, len(bases) - 1))
    doc: Any = copy.deepcopy(bases[index])
    case = Case()
    case.done.append(f"export #{index}")
    for _ in range(draw(st.integers(1, 3))):
        doc = mutate(draw, doc, stored, case)
    return DamagedFile(to_bytes(draw, doc, case), tuple(case.done))
