"""Reading a plan export file: JSON syntax, format and version, then the JSON Schema.

Every problem is reported as :class:`ImportFormatError` with a JSON path such as
``$.plan.goals[2].text``, so the user can find the place in the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.exceptions import best_match

from sip_desk.domain.errors import DomainError, ImportFormatError
from sip_desk.domain.text import text

FORMAT = "sip-desk-plan"
SCHEMA_VERSION = 2  # what export writes; import reads every version in SCHEMA_FILES
SCHEMA_FILES = {1: "plan-v1.schema.json", 2: "plan-v2.schema.json"}
MAX_TEXT = 100_000_000  # characters; a plan with signature images is a few megabytes
_SHOWN = 60  # characters of a bad value quoted in a message


class ImportSyntaxError(ImportFormatError):
    """The file is not JSON; ``line`` and ``column`` (1-based) say where it breaks."""

    def __init__(self, line: int, column: int, detail: str) -> None:
        self.where = f"line {line}, column {column}"
        self.line, self.column, self.detail = line, column, detail
        DomainError.__init__(self, "import.syntax", line=line, column=column, detail=detail)

    def message(self, lang: str = "sv") -> str:
        """The position, and what the JSON parser found there in ``lang`` (not its English)."""
        kind = next((k for start, k in _JSON_PROBLEMS if self.detail.startswith(start)), "other")
        what = text(lang, f"import.json.{kind}", detail=self.detail)
        return text(lang, "import.syntax", line=self.line, column=self.column, detail=what)


# The messages of Python's JSON parser (json.decoder, json.scanner), by how they begin.
_JSON_PROBLEMS = (
    ("Expecting value", "expecting_value"),
    ("Expecting ',' delimiter", "delimiter"),
    ("Expecting ':' delimiter", "delimiter"),
    ("Expecting property name", "property_name"),
    ("Unterminated string", "unterminated"),
    ("Invalid control character", "control_character"),
    ("Invalid \\escape", "escape"),
    ("Invalid \\uXXXX escape", "escape"),
    ("Extra data", "extra_data"),
    ("Illegal trailing comma", "trailing_comma"),
)


@cache
def plan_schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The JSON Schema of a format version (shipped in ``sip_desk/services/schemas``)."""
    source = resources.files("sip_desk.services").joinpath("schemas", SCHEMA_FILES[version])
    schema: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return schema


@cache
def _validator(version: int) -> Draft202012Validator:
    return Draft202012Validator(plan_schema(version))


def json_path(parts: Iterable[str | int]) -> str:
    """A JSON path such as ``$.plan.goals[2].text`` from path parts."""
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def read_document(text: str) -> dict[str, Any]:
    """Parse and check an export file's text; the document, valid against the schema.

    Besides syntax and schema, a NUL character or half of a surrogate pair is refused: valid
    JSON as an escape, but no character that can be stored.
    """
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_TEXT:
        raise ImportFormatError("$", "too_large", limit=MAX_TEXT)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportSyntaxError(error.lineno, error.colno, error.msg) from None
    except RecursionError:
        raise ImportFormatError("$", "too_deep") from None
    if not isinstance(doc, dict):
        raise DomainError("import.unknown_format", format=type(doc).__name__)
    _check_format(doc)
    problem = best_match(_validator(doc.get("schema_version", SCHEMA_VERSION)).iter_errors(doc))
    if problem is not None:
        kind, values = _describe(problem)
        raise ImportFormatError(json_path(problem.absolute_path), kind, **values)
    for where, char in _unstorable_characters(doc, ()):
        if char == "\x00":
            raise ImportFormatError(json_path(where), "nul")
        raise ImportFormatError(json_path(where), "surrogate", code=f"{ord(char):04x}")
    return doc


def _check_format(doc: dict[str, Any]) -> None:
    if doc.get("format") != FORMAT:
        raise DomainError("import.unknown_format", format=short_value(doc.get("format")))
    if "schema_version" not in doc:
        return  # the schema check reports the missing key with its place
    version = doc["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int) or version not in SCHEMA_FILES:
        raise DomainError("import.unknown_version", version=short_value(version))


def _describe(error: SchemaError) -> tuple[str, dict[str, object]]:
    """What the schema found wrong, as a catalogue problem and its values (never its English)."""
    kind, value = error.validator, error.instance
    limit: Any = error.validator_value
    schema: Any = error.schema
    if kind == "required" and isinstance(value, dict):
        return "missing", {"name": next(name for name in limit if name not in value)}
    if kind == "additionalProperties" and isinstance(value, dict):
        known = set(schema.get("properties", {}))
        return "unknown_key", {"name": ", ".join(sorted(set(value) - known))}
    if kind == "type":
        expected = " | ".join(limit) if isinstance(limit, list) else str(limit)
        return "wrong_type", {"value": short_value(value), "expected": expected}
    if kind == "maxLength" and isinstance(value, str):
        return "too_long", {"length": len(value), "limit": limit}
    if kind == "minLength":
        return "too_short", {"value": short_value(value), "limit": limit}
    if kind in {"enum", "const"}:
        allowed = ", ".join(map(repr, limit)) if kind == "enum" else repr(limit)
        return "not_allowed", {"value": short_value(value), "allowed": allowed}
    if kind in {"pattern", "format"}:
        return "bad_form", {"value": short_value(value)}
    if kind in {"minItems", "maxItems", "minimum", "maximum", "uniqueItems"}:
        return "out_of_range", {"value": short_value(value)}
    return "invalid", {"value": short_value(value)}


def short_value(value: object) -> str:
    """``value`` as JSON-ish text, cut after a few dozen characters."""
    text = repr(value)
    if isinstance(value, str) and len(value) > _SHOWN:
        return f"{value[:_SHOWN]!r}…"
    if len(text) > _SHOWN:
        return text[:_SHOWN] + "…"
    return text


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _unstorable_characters(
    value: object, where: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Places of strings that cannot be stored, with the first such character.

    NUL cannot be stored by PostgreSQL; half of a surrogate pair cannot be encoded at all.
    """
    if isinstance(value, str):
        if found := _UNSTORABLE.search(value):
            yield where, found.group()
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _unstorable_characters(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unstorable_characters(item, (*where, index))
