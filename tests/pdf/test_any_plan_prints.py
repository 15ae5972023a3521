"""Any plan prints: random plans of every size, in every language, give a PDF showing all text.

The normal run tries a few examples; ``pytest -m soak`` runs many more.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sip_desk.domain.document import PRINT_LANGUAGES, PlanDocument
from sip_desk.pdf.render_plan import render_plan
from tests.pdf.pdf_text import needs_poppler, pdftotext, pypdf_text
from tests.pdf.random_plan import Sizes, document, words

SIZES = st.builds(
    Sizes,
    actions=st.integers(0, 200),
    participants=st.integers(0, 60),
    changes=st.integers(0, 100),
    long_text=st.integers(0, 20_000),
    seed=st.integers(0, 2**32 - 1),
    language=st.sampled_from(PRINT_LANGUAGES),
)


# a word hyphenated at a line's end (table cells), joined again
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


def _extract(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "plan.pdf"
        source.write_bytes(pdf)
        done = subprocess.run(
            ["pdftotext", str(source), "-"], check=True, capture_output=True, text=True
        )
    return _HYPHENATED.sub("", done.stdout)


def _prints_every_text(sizes: Sizes) -> None:
    doc, shown = document(sizes)

    pdf = render_plan(doc)

    assert pdf.startswith(b"%PDF")
    expected = sum((words(value) for value in shown), start=Counter[str]())
    missing = expected - words(_extract(pdf))
    assert not missing, f"{sum(missing.values())} words missing, e.g. {list(missing)[:10]}"


@needs_poppler
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=SIZES)
# a row taller than a page, reached after the table was split between rows
@example(sizes=Sizes(188, 0, 0, 3228, seed=0, language="sv"))
# a blank glyph drawn for a bidi isolate made the letter beside it vanish from the text
@example(sizes=Sizes(40, 3, 0, 0, seed=3106, language="ar"))
# a box of changes a few points taller than a page
@example(sizes=Sizes(181, 44, 28, 0, seed=0, language="sv"))
# a line of symbols alone in an Arabic plan (extraction joins the symbol runs)
@example(sizes=Sizes(7, 54, 0, 0, seed=825153, language="ar"))
def test_any_random_plan_prints_every_text(sizes: Sizes) -> None:
    _prints_every_text(sizes)


@needs_poppler
@pytest.mark.soak
@pytest.mark.timeout(6 * 3600)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=SIZES)
def test_any_random_plan_prints_every_text_soak(sizes: Sizes) -> None:
    _prints_every_text(sizes)


def _bare(language: str = "sv", changes: tuple[str, ...] = (), **fields: str) -> PlanDocument:
    doc, _ = document(Sizes(0, 1, 0, 0, seed=1, language=language))
    plan = replace(doc.plan, fields=replace(doc.plan.fields, **fields))  # type: ignore[arg-type]
    return replace(doc, plan=plan, changes_since_signed=changes)


@needs_poppler
def test_a_revised_plan_with_many_changes_lists_every_change(tmp_path: Path) -> None:
    changes = tuple(f"Ändring {n}: ett nytt mål har lagts till i planen." for n in range(40))

    pdf = render_plan(_bare(changes=changes))

    person_pages = pdftotext(pdf, tmp_path, page=1) + pdftotext(pdf, tmp_path, page=2)
    assert all(change in person_pages for change in changes)


@needs_poppler
def test_a_long_what_matters_starts_on_the_first_page(tmp_path: Path) -> None:
    matters = "Att få bo kvar. " * 320

    pdf = render_plan(_bare(what_matters=matters))

    first_page = pdftotext(pdf, tmp_path, page=1)
    assert "Det här är viktigt för mig Att få bo kvar. Att få bo kvar." in first_page
    assert words(pdftotext(pdf, tmp_path))["".join(sorted("kvar"))] >= 2 * 320


@needs_poppler
def test_a_word_longer_than_a_line_is_cut_with_hyphens_and_printed_whole(tmp_path: Path) -> None:
    word = "Långtord" * 2500

    pdf = render_plan(_bare(strengths=word))

    frame = re.compile(r"Plan 7 · version 3 \(utkast\)|Utskriven 2026-11-21|Sida \d+ av \d+")
    # pdftotext joins a word hyphenated at a line's end (not at a page's); pypdf shows each cut
    assert word in "".join(frame.sub("", pdftotext(pdf, tmp_path)).split()).replace("-", "")
    cut = [part for part in pypdf_text(pdf).split() if "Långt" in part]
    # only the last piece on the person's part and in the full plan ends without a hyphen
    assert len(cut) > 10 and sum(not part.endswith("-") for part in cut) == 2
