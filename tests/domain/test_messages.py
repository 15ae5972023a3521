"""Domain messages render in Swedish and English without leftover placeholders."""

from __future__ import annotations

import re
import string

import pytest

from sip_desk.domain.errors import DomainError, ValidationError
from sip_desk.domain.messages import label, render
from tests.domain.catalogues import entries

MESSAGES = {
    key: text
    for key, text in entries("en").items()
    if key.split(".")[0] not in {"field", "change", "pdf", "letter", "ics", "cli"}
}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_message_renders_fully_with_its_parameters(code: str) -> None:
    names = _placeholders(MESSAGES[code]) - {"label"}
    params: dict[str, object] = {name: f"<{name}>" for name in names}
    params["field"] = "person.identity_number"

    for lang in ("sv", "en"):
        text = render(code, lang, params)
        assert not re.search(r"\{\w+\}", text), text
        assert text != code


def test_validation_error_speaks_the_users_language() -> None:
    error = ValidationError(
        "action.end_date", "validation.end_before_start", start="2026-12-01", end="2026-11-01"
    )

    assert error.message("sv") == "Slutdatum (2026-11-01) ligger före startdatum (2026-12-01)."
    assert error.message("en") == "The end date (2026-11-01) is before the start date (2026-12-01)."


def test_a_field_label_names_the_field_and_an_unknown_field_shows_its_last_part() -> None:
    assert label("person.identity_number", "sv") == "Personnummer"
    assert label("person.identity_number", "en") == "Identity number"
    assert label("plan.no_such_field", "en") == "no_such_field"


def test_unknown_message_code_falls_back_to_the_code() -> None:
    assert DomainError("no.such.code").message("sv") == "no.such.code"


def test_every_message_code_used_in_the_code_has_a_text() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "sip_desk"
    pattern = re.compile(r'"((?:validation|error|store|import|completeness)\.[a-z_]+)"')
    used = {m for f in root.rglob("*.py") for m in pattern.findall(f.read_text("utf-8"))}

    field_keys = {key.removeprefix("field.") for key in entries("en")}
    settings_keys = {"store.uuid"}
    missing = used - set(MESSAGES) - field_keys - settings_keys
    assert not missing
