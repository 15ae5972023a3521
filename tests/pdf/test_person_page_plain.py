"""All the fixed text of the person's page reads easily in Swedish (LIX 25 or less).

The keys are found in the source of the modules that build the page, so a label added there is
measured too; the date words (weekday, month) and every ``pdf.easy.*`` key are included.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import sip_desk.pdf.person_fit
import sip_desk.pdf.person_head
import sip_desk.pdf.person_page
import sip_desk.pdf.person_parts
from sip_desk.domain.plain_language import reading
from sip_desk.domain.readability import lix
from tests.domain.catalogues import entries

PAGE_MODULES = (
    sip_desk.pdf.person_page,
    sip_desk.pdf.person_parts,
    sip_desk.pdf.person_fit,
    sip_desk.pdf.person_head,
)
DATE_KEYS = ("pdf.weekdays", "pdf.months", "pdf.date_long")
"""Printed through ``Labels.date`` (dates in words on the person's page)."""


def printed_keys(texts: dict[str, str]) -> set[str]:
    """The catalogue keys the person's page can print, read from its modules' source."""
    keys = {k for k in texts if k.startswith("pdf.easy.")} | set(DATE_KEYS)
    for module in PAGE_MODULES:
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if f"pdf.{node.value}" in texts:
                    keys.add(f"pdf.{node.value}")
            elif isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                head = f"pdf.{node.values[0].value!s}"  # f"easy.state.{...}": all its keys
                keys |= {k for k in texts if k.startswith(head) and head.endswith(".")}
    return keys


def fixed(texts: dict[str, str], key: str) -> str:
    return re.sub(r"\{\w+\}", "", texts[key])


def test_every_label_the_persons_page_prints_is_measured() -> None:
    keys = printed_keys(entries("sv"))

    # the labels outside pdf.easy.* the page prints: contacts' role and the next meeting
    assert {"pdf.f.coordinator", "pdf.f.place", "pdf.f.video", "pdf.f.convenor"} <= keys
    assert {"pdf.easy.state.planned", "pdf.easy.state.done"} <= keys  # from an f-string


def test_the_fixed_text_of_the_persons_page_reads_easily_as_a_whole_and_one_by_one() -> None:
    texts = entries("sv")
    keys = sorted(printed_keys(texts))
    whole = "\n".join(fixed(texts, k) for k in keys)

    assert lix(whole) <= 25
    # no single text of it would be flagged by the editor's own rule (the month names are a
    # list of words, not a text: "september" is as easy as a month can be)
    prose = [k for k in keys if k not in DATE_KEYS]
    assert [k for k in prose if reading(fixed(texts, k)).hard] == []
