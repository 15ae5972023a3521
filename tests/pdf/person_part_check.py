"""Reading the parts of a printed plan back: the outline, a part's pages, text sizes, cut words."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from io import BytesIO
from typing import Any

from pypdf import PageObject, PdfReader

from sip_desk.pdf.styles import PAGE_HEIGHT, PERSON_MARGIN_BOTTOM, PERSON_MARGIN_TOP
from tests.domain.catalogues import entries

LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]+(?:-[A-Za-zÀ-ɏ]+)*")


def outline(pdf: bytes) -> list[tuple[str, int]]:
    """``(title, first page index)`` of each top-level outline entry, in order."""
    reader = PdfReader(BytesIO(pdf))
    found = []
    for item in reader.outline:
        if not isinstance(item, list):
            page = reader.get_destination_page_number(item)
            assert page is not None, item.title
            found.append((str(item.title), page))
    return found


def part_pages(pdf: bytes) -> dict[str, range]:
    """Page indexes of each part, by outline title: from its entry to the next (or the end)."""
    entries_ = outline(pdf)
    total = len(PdfReader(BytesIO(pdf)).pages)
    starts = [page for _, page in entries_] + [total]
    return {title: range(starts[i], starts[i + 1]) for i, (title, _) in enumerate(entries_)}


def body_sizes(page: PageObject) -> list[tuple[float, str]]:
    """``(size in pt, text)`` of each text run between the header and footer rules."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and PERSON_MARGIN_BOTTOM <= y <= PAGE_HEIGHT - PERSON_MARGIN_TOP:
            runs.append((round(size * tm[3] * cm[3], 2), text.strip()))

    page.extract_text(visitor_text=visit)
    return runs


def strings(value: Any) -> Iterator[str]:
    """Every string inside a DTO (dataclasses, tuples, lists), depth first."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from strings(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from strings(item)


def vocabulary(language: str, *values: Any) -> set[str]:
    """Every Latin word that may be printed: from ``values`` and the text catalogue."""
    texts = [*(s for v in values for s in strings(v)), *entries(language).values()]
    texts += list(entries("sv").values())  # Swedish is the fallback of every language
    return {w for t in texts for w in LATIN_WORD.findall(unicodedata.normalize("NFC", t))}


def cut_words(text: str, known: set[str]) -> list[str]:
    """Words of ``text`` that are a piece of a known word without being one (a cut word).

    A word hyphenated at a line's end is joined again first (``Familjebe-`` ``handlare``).
    """
    joined = re.sub(r"([A-Za-zÀ-ɏ])-\s+([A-Za-zÀ-ɏ])", r"\1\2", text)
    joined = re.sub(r"([@/.])\s+(?=[A-Za-z])", r"\1", joined)
    # a printed hash or verification code ("cdcb237c8dba") is no word: its letters between the
    # digits are pieces of the full hash, which the plan's values hold
    joined = re.sub(r"\b[0-9a-f]*[0-9][0-9a-f]*\b", " ", joined)
    parts = {part for k in known for part in k.split("-")}
    pieces = {k[:i] for k in known for i in range(1, len(k))}
    pieces |= {k[i:] for k in known for i in range(1, len(k))}
    return [
        word
        for word in LATIN_WORD.findall(joined)
        if word not in known and word not in parts and word in pieces
    ]
