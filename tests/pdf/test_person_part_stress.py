"""The person's part of a stress plan, read as a reader would: long texts, long names, Somali.

Built like an adversarial tester's plans: texts of several thousand characters, organisation
names of about a hundred characters, long e-mail addresses, guardians who gave the consent.
"""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from sip_desk.domain.document import PlanDocument
from sip_desk.pdf.kit import Kit
from sip_desk.pdf.labels import Labels
from sip_desk.pdf.person_parts import consent
from sip_desk.pdf.render_plan import render_plan
from sip_desk.pdf.text import layout
from tests.pdf.pdf_text import needs_poppler, normalise, pdftotext
from tests.pdf.test_person_part import (
    LANGUAGES,
    _four_six_six,
    demo_docs,  # noqa: F401 (a fixture)
)

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


_ORGANISATION = (
    "Barn- och ungdomspsykiatriska mottagningen, Region Mellansunds specialistpsykiatri för barn "
    "och unga"
)


def _address(number: int) -> str:
    return (
        f"förnamn.efternamnsdubbelnamn{number}@barnochungdomspsykiatrin-regionmellansund.example.se"
    )


def _long_names(doc: PlanDocument) -> PlanDocument:
    """Every participant with a long organisation name and a long e-mail address."""
    participants = tuple(
        replace(p, organisation=_ORGANISATION, email=_address(n))
        for n, p in enumerate(doc.plan.participants)
    )
    return replace(doc, plan=replace(doc.plan, participants=participants))


def _lines(pdf: bytes) -> list[str]:
    """The printed lines, a table cell's lines one after another (pypdf: no line's end hyphen
    is taken away, as pdftotext does)."""
    reader = PdfReader(BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


@needs_poppler
@pytest.mark.parametrize("language", ["sv", "so"])
def test_an_e_mail_address_broken_over_lines_reads_back_whole_without_added_hyphens(
    demo_docs: dict[str, PlanDocument],  # noqa: F811
    language: str,
    tmp_path: Path,
) -> None:
    doc = _long_names(replace(demo_docs["Alva"], language=language))
    lines = _lines(render_plan(doc))

    joined = "".join(lines)
    broken = [line for line in lines if "dubbelnamn" in line and "example.se" not in line]
    assert broken  # the addresses are wider than their cells: they are broken
    for n in range(len(doc.plan.participants)):
        assert _address(n) in joined  # lines put together give the address, nothing added
    assert not [line for line in lines if line.startswith("@")]  # an @ ends its line


def _plan_8(doc: PlanDocument) -> PlanDocument:
    """Like the tester's plan 8: 4 goals, 6 actions, each of the 6 participants a contact with a
    long organisation name and e-mail address, actions by long-named organisations, a crisis
    plan."""
    grown = _four_six_six(doc).plan
    participants = tuple(
        replace(p, organisation=_ORGANISATION, email=_address(n), contact_role="Kontakt")
        for n, p in enumerate(doc.plan.participants)
    )
    actions = tuple(
        replace(
            a,
            organisation=_ORGANISATION,
            description=f"Samtal med kurator en gång i veckan om hur skolan går ({n + 1}).",
        )
        for n, a in enumerate(grown.actions)
    )
    goals = tuple(
        replace(g, text=f"Jag vill gå till skolan varje dag och vara med i min klass ({n + 1}).")
        for n, g in enumerate(grown.goals)
    )
    fields = replace(
        doc.plan.fields,
        crisis_warning_signs="Jag slutar äta, sover dåligt och svarar inte i telefon.",
        crisis_actions="Jag säger till mamma eller ringer BUP-mottagningen.",
        crisis_contacts="Mamma Petra 070-174 06 42, BUP-mottagningen 010-174 06 50.",
    )
    plan = replace(grown, participants=participants, actions=actions, goals=goals, fields=fields)
    return replace(doc, plan=plan)


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_typical_plan_with_long_names_keeps_rights_and_crisis_plan_on_page_1(
    demo_docs: dict[str, PlanDocument],  # noqa: F811
    language: str,
    tmp_path: Path,
) -> None:
    """4 goals, 6 actions, 6 contacts, a crisis plan, long texts and organisation names."""
    doc = _long_texts(_plan_8(replace(demo_docs["Alva"], language=language)))
    labels = Labels(language)

    page_1 = pdftotext(render_plan(doc), tmp_path, page=1)

    assert normalise(labels("easy.rights")) in page_1
    rights = labels("easy.rights_text", who=doc.plan.coordinator.name)  # type: ignore[union-attr]
    assert [w for w in re.findall(r"\w+", normalise(rights)) if w not in page_1] == []
    assert normalise(labels("easy.crisis")) in page_1 and "112" in page_1
    assert "Mattias Nordin" in page_1


@pytest.mark.parametrize("language", ["ar", "fa", "sv"])
def test_guardians_names_read_in_the_documents_order(
    demo_docs: dict[str, PlanDocument],  # noqa: F811
    language: str,
) -> None:
    """Right to left: the first guardian stands rightmost, so the reader meets it first."""
    plan = demo_docs["Alva"].plan
    kit = Kit.for_language(language)
    first, second = (r.name for r in plan.person.representatives[:2])

    lines = layout(consent(plan, kit), 1000, 12, False, kit.rtl)
    visual = "".join(part for _, part in lines[0].runs)

    assert first in visual and second in visual
    if kit.rtl:
        assert visual.index(first) > visual.index(second)
    else:
        assert visual.index(first) < visual.index(second)


@pytest.mark.parametrize("language", ["sv", "so", "ti"])
def test_a_phone_number_typed_in_the_crisis_plan_stays_on_one_line(
    demo_docs: dict[str, PlanDocument],  # noqa: F811
    language: str,
) -> None:
    doc = _long_texts(_plan_8(replace(demo_docs["Alva"], language=language)))
    reader = PdfReader(BytesIO(render_plan(doc)))

    lines = reader.pages[0].extract_text().replace("\u00a0", " ").splitlines()

    for number in ("070-174 06 42", "010-174 06 50"):
        assert any(number in line for line in lines), number
