"""The text catalogues (domain messages, PDF, CLI, calendar) are complete and compiled.

English is the source: Swedish has every English key, every other print language every key of
what it prints (the plan PDF and its list of changes), each with the same placeholders and never an
empty text. Each catalogue says how far it has been checked (its review state).
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from sip_desk.domain.languages import PRINT_LANGUAGES, REVIEW_STATES
from sip_desk.domain.text import LANGUAGES, SOURCE_LANGUAGE, text
from tests.domain.catalogues import LOCALE, entries, po_path

# What each language must cover: every key, or only keys with these prefixes.
PRINTED = ("pdf.", "change.")
SCOPE: dict[str, tuple[str, ...] | None] = {
    lang: None if lang in ("sv", "en") else PRINTED for lang in PRINT_LANGUAGES
}
REVIEW_STATE = re.compile(r'^"X-Review-State: (.*)\\n"$', re.MULTILINE)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _required(lang: str) -> set[str]:
    prefixes = SCOPE[lang]
    source = entries(SOURCE_LANGUAGE)
    return {key for key in source if prefixes is None or key.startswith(prefixes)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_every_key_it_must_have_and_no_key_english_lacks(lang: str) -> None:
    keys = set(entries(lang))

    assert sorted(_required(lang) - keys) == []
    assert sorted(keys - set(entries(SOURCE_LANGUAGE))) == []


def test_every_print_language_has_a_catalogue() -> None:
    assert set(LANGUAGES) == set(PRINT_LANGUAGES)
    assert sorted(path.parts[-3] for path in LOCALE.glob("*/LC_MESSAGES/*.po")) == sorted(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalogue_records_a_known_review_state(lang: str) -> None:
    states = REVIEW_STATE.findall(po_path(lang).read_text("utf-8"))

    assert len(states) == 1, "one X-Review-State header field"
    assert states[0] in REVIEW_STATES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_is_filled_in_with_the_english_placeholders(lang: str) -> None:
    source = entries(SOURCE_LANGUAGE)
    for key, translated in entries(lang).items():
        assert translated.strip(), key
        assert _placeholders(translated) == _placeholders(source[key]), key


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE])
def test_a_translation_differs_from_english_where_the_language_needs_it(lang: str) -> None:
    source = entries(SOURCE_LANGUAGE)
    same = [key for key, value in entries(lang).items() if value == source[key]]

    # Names and symbols read the same in every language; everything else is translated.
    assert len(same) < len(entries(lang)) // 10, same


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_committed_mo_file_is_compiled_from_the_current_po(lang: str) -> None:
    with po_path(lang).open("rb") as fp:
        source = {str(m.id): str(m.string) for m in read_po(fp) if m.id and not m.fuzzy}
    with po_path(lang).with_suffix(".mo").open("rb") as fp:
        compiled = {str(m.id): str(m.string) for m in read_mo(fp) if m.id}

    assert compiled == source, "run: python packaging/text_catalogues.py compile"


def test_a_lookup_fills_placeholders_and_falls_back_to_swedish_then_to_the_key() -> None:
    assert text("en", "error.signed_immutable", number=3) == (
        "Version 3 of the plan is signed and cannot be changed."
    )
    assert text("sv", "error.signed_immutable", number=3) == (
        "Version 3 av planen är undertecknad och kan inte ändras."
    )
    # Arabic prints only the plan: anything else comes in Swedish, as before the catalogue.
    assert text("ar", "letter.inv.title") == "Kallelse till SIP-möte"
    assert text("ar", "pdf.sec.goals") == "الأهداف"
    assert text("de", "pdf.sec.goals") == "Mål"
    assert text("en", "no.such.key") == "no.such.key"


ROOT = Path(__file__).resolve().parents[2] / "sip_desk"

# (where, pattern of a literal key in a lookup, prefix the lookup adds)
LOOKUPS = [
    ("pdf", r'\b(?:labels|kit\.labels|self)\(\s*"([a-z_.]+)"', "pdf."),
    ("pdf", r'\blabel\(\s*[\w.]+,\s*"([a-z_.]+)"', "letter."),
    ("cli", r'\bt\(\s*"([a-z_]+)"', "cli.verify."),
    ("", r'\b(?:text|catalogue_text|fill)\(\s*[\w.]+,\s*"([a-z_.]+)"', ""),
    ("", r'\brender\(\s*"([a-z_.]+)"', ""),
]


@pytest.mark.parametrize(("where", "pattern", "prefix"), LOOKUPS)
def test_every_key_the_code_looks_up_by_name_is_in_the_english_catalogue(
    where: str, pattern: str, prefix: str
) -> None:
    source = entries(SOURCE_LANGUAGE)
    found = {
        prefix + key
        for path in (ROOT / where).rglob("*.py")
        for key in re.findall(pattern, path.read_text("utf-8"))
    }

    assert found, pattern  # the pattern still matches the code
    assert sorted(found - source.keys()) == []


def test_no_text_outside_qt_is_picked_by_language_in_python() -> None:
    # Language names are written in their own language, the same whatever the reader's.
    allowed = {ROOT / "domain" / "languages.py"}
    codes = "|".join(PRINT_LANGUAGES)
    pattern = re.compile(rf'\blang\w* == "(?:{codes})"|^\s*"(?:{codes})"\s*:', re.MULTILINE)
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in ROOT.rglob("*.py")
        if "ui" not in path.relative_to(ROOT).parts and path not in allowed
        for match in pattern.finditer(path.read_text("utf-8"))
    ]

    assert offenders == []
