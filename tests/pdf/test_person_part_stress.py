"""The person's part of a stress plan, read as a reader would: long texts, long names, Somali.

Built like an adversarial tester's plans: texts of several thousand characters, organisation
names of about a hundred characters, long e-mail addresses, guardians who gave the consent.
"""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from sip_desk.domain.document import PlanDocument
from sip_desk.pdf.labels import Labels
from sip_desk.pdf.render_plan import render_plan
from tests.pdf.pdf_text import needs_poppler, normalise, pdftotext
from tests.pdf.test_person_part import demo_docs  # noqa: F401 (a fixture)

_LONG = (
    "Det viktigaste för mig är att jag får bo kvar hemma med mamma och min lillebror, att jag "
    "får gå i min vanliga skola med mina kompisar, och att de vuxna som jobbar med mig pratar "
    "med mig och inte bara om mig. "
)


def _long_texts(doc: PlanDocument) -> PlanDocument:
    """Three long texts of the person's own: what matters, strengths, what I do myself."""
    fields = replace(
        doc.plan.fields,
        what_matters=_LONG * 30,
        strengths="Jag är bra på att rita och på matematik. Jag är en bra kompis. " * 40,
        person_own_actions="Jag går upp klockan sju och skriver i min dagbok varje kväll. " * 40,
    )
    return replace(doc, plan=replace(doc.plan, fields=fields))


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, normalised."""
    count = len(PdfReader(BytesIO(pdf)).pages)
    return [pdftotext(pdf, tmp_path, page=n + 1) for n in range(count)]


@needs_poppler
def test_each_cut_text_names_the_page_its_own_continuation_starts_on(
    demo_docs: dict[str, PlanDocument],  # noqa: F811
    tmp_path: Path,
) -> None:
    labels = Labels("sv")
    pdf = render_plan(_long_texts(demo_docs["Alva"]))
    pages = _pages(pdf, tmp_path)

    named = [int(n) for n in re.findall(r"fortsättning på sidan (\d+)", pages[0])]
    titles = [labels(f"easy.{key}") for key in ("matters", "strengths", "own")]
    found = [
        next(
            i + 1
            for i, page in enumerate(pages)
            if normalise(labels("easy.continued", title=title)) in page
        )
        for title in titles
    ]
    assert len(named) == 3
    assert named == found
    assert len(set(found)) > 1  # the three continuations do not all start on one page
