"""The plan PDF: content, scripts, protected identity, fonts, metadata, determinism."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image as PilImage
from pypdf import PageObject, PdfReader

from sip_desk.domain.document import PRINT_LANGUAGES, SignatureDto
from sip_desk.domain.languages import is_right_to_left
from sip_desk.domain.plan import PlanDetail
from sip_desk.pdf.labels import Labels
from sip_desk.pdf.render_plan import render_plan
from sip_desk.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, PAGE_HEIGHT
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder
from tests.domain.catalogues import entries
from tests.pdf import rich_plan
from tests.pdf.pdf_text import fonts, needs_poppler, normalise, pdftotext, pypdf_text, word_boxes

SECTIONS = [key.removeprefix("pdf.") for key in entries("en") if key.startswith("pdf.sec.")]


@pytest.fixture
def rich(sqlite_services: Services) -> PlanDetail:
    builder = PlanBuilder(sqlite_services)
    return rich_plan.enrich(sqlite_services, builder.complete(protected_identity=True))


def _png() -> bytes:
    image = PilImage.new("RGB", (200, 60), "white")
    for x in range(20, 180):
        image.putpixel((x, 30 + (x % 20) - 10), (0, 0, 120))
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@needs_poppler
@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_render_plan_shows_every_section_participant_goal_and_action(
    rich: PlanDetail, tmp_path: Path, language: str
) -> None:
    pdf = render_plan(rich_plan.document(rich, language))

    text = pdftotext(pdf, tmp_path)
    for key in SECTIONS:
        assert normalise(Labels(language)(key)) in text, key
    for participant in rich.participants:
        assert normalise(participant.name) in text
    for goal in rich.goals:
        assert normalise(goal.text) in text
    for action in rich.actions:
        assert normalise(action.description) in text
    assert "Socialtjänstlagen (2025:400)" in text  # legal reference
    # the region's psychiatry takes part without an effort: named with its reason (Swedish)
    assert "Psykiatrin Testregion" in text and "Allmänpsykiatrin" in text
    if not is_right_to_left(language):  # (a Swedish sentence in a right-to-left line is
        assert normalise(rich_plan.NO_EFFORT_REASON) in text  # extracted in another order)


@needs_poppler
def test_render_plan_keeps_latin_cyrillic_arabic_and_ethiopic_text(
    rich: PlanDetail, tmp_path: Path
) -> None:
    pdf = render_plan(rich_plan.document(rich, "sv"))

    text = pdftotext(pdf, tmp_path)
    assert "Testa Testsson" in text
    assert rich_plan.CYRILLIC in pypdf_text(pdf)
    assert rich_plan.ARABIC in text
    assert rich_plan.DARI_MATTERS in text
    assert rich_plan.TIGRINYA_GOAL in text


@needs_poppler
def test_render_plan_never_prints_a_protected_address(rich: PlanDetail, tmp_path: Path) -> None:
    protected = pdftotext(render_plan(rich_plan.document(rich, "sv")), tmp_path)
    person = rich.person.__class__(**{**rich.person.__dict__, "protected_identity": False})
    open_plan = rich.__class__(**{**rich.__dict__, "person": person})
    public = pdftotext(render_plan(rich_plan.document(open_plan, "sv")), tmp_path)

    assert "Hemliga vägen" not in protected
    assert "Skrivs inte ut (skyddad identitet)" in protected
    assert "Hemliga vägen 7" in public


def test_render_plan_page_count_and_signature_page(rich: PlanDetail) -> None:
    signatures = (rich_plan.paper_signature("Testa Testsson", is_person=True),)
    pdf = render_plan(rich_plan.document(rich, "sv", signed=True, signatures=signatures))

    reader = PdfReader(BytesIO(pdf))
    assert 4 <= len(reader.pages) <= 8
    last = normalise(reader.pages[-1].extract_text())
    assert "Underskrifter" in last
    assert last.index("Testa Testsson") < last.index("Gun Godman") < last.index("Kim Handläggare")
    assert "Underskriven på papper 2026-11-22" in last
    assert f"Sida {len(reader.pages)} av {len(reader.pages)}" in last


def test_render_plan_draws_a_signature_image_in_place(rich: PlanDetail) -> None:
    drawn = SignatureDto(
        signer_name="Kim Handläggare", signed_on=rich.created_at.date(), image_png=_png()
    )
    pdf = render_plan(rich_plan.document(rich, "sv", signed=True, signatures=(drawn,)))

    last = PdfReader(BytesIO(pdf)).pages[-1]
    assert len(last.images) == 1


def test_render_plan_embeds_every_font_and_no_standard_font(rich: PlanDetail) -> None:
    pdf = render_plan(rich_plan.document(rich, "ar"))

    used = fonts(pdf)
    assert {name.split("+")[1] for name in used} >= {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansArabic-Regular",
        "NotoSansEthiopic-Regular",
    }
    for name, font in used.items():
        assert "/FontFile2" in font["/FontDescriptor"], name
    assert b"Helvetica" not in pdf


def test_render_plan_is_deterministic(rich: PlanDetail) -> None:
    doc = rich_plan.document(rich, "ar", signed=True, changes=rich_plan.CHANGES)

    assert render_plan(doc) == render_plan(doc)


def test_render_plan_metadata_carries_plan_version_and_hash(rich: PlanDetail) -> None:
    signed_meta = PdfReader(BytesIO(render_plan(rich_plan.document(rich, signed=True)))).metadata
    draft_meta = PdfReader(BytesIO(render_plan(rich_plan.document(rich)))).metadata

    assert signed_meta is not None and draft_meta is not None
    signed = {key: str(value) for key, value in signed_meta.items()}
    draft = {key: str(value) for key, value in draft_meta.items()}
    assert signed["/SIPDeskHash"] == "ab12" * 16
    assert signed["/SIPDeskPlanId"] == str(rich.id)
    assert signed["/SIPDeskVersion"] == "2"
    assert signed["/SIPDeskState"] == "signed"
    assert f"sha256={'ab12' * 16}" in signed["/Keywords"]
    assert draft["/SIPDeskHash"] == ""
    assert draft["/SIPDeskState"] == "draft"


@needs_poppler
def test_render_plan_person_page_shows_changes_since_signed(
    rich: PlanDetail, tmp_path: Path
) -> None:
    revised = render_plan(rich_plan.document(rich, "sv", changes=rich_plan.CHANGES))
    first = render_plan(rich_plan.document(rich, "sv"))

    page_one = pdftotext(revised, tmp_path, page=1)
    assert "Det här har ändrats sedan du skrev under sist" in page_one
    assert all(normalise(change) in page_one for change in rich_plan.CHANGES)
    assert "ändrats sedan" not in pdftotext(first, tmp_path)


@needs_poppler
def test_render_plan_person_page_says_whom_to_call_and_next_meeting(
    rich: PlanDetail, tmp_path: Path
) -> None:
    pdf = render_plan(rich_plan.document(rich, "en"))

    person_pages = pdftotext(pdf, tmp_path, page=1) + pdftotext(pdf, tmp_path, page=2)
    assert "My plan" in person_pages
    assert "Kim Handläggare" in person_pages and "010-100 00 00" in person_pages
    assert "Fast vårdkontakt" in person_pages and "010-400 00 00" in person_pages
    assert "Monday 18 January 2027 at 10:00" in person_pages
    assert "You can end the plan at any time." in person_pages


@needs_poppler
def test_render_plan_lays_arabic_out_right_to_left(rich: PlanDetail, tmp_path: Path) -> None:
    arabic = word_boxes(render_plan(rich_plan.document(rich, "ar")), tmp_path, page=1)
    swedish = word_boxes(render_plan(rich_plan.document(rich, "sv")), tmp_path, page=1)

    # -bbox lists right-to-left words in visual order
    title_ar = next(box for box in arabic if box[0] in ("خطتي", "خطتي"[::-1]))
    title_sv = next(box for box in swedish if box[0] == "Min")
    assert title_ar[2] > 500  # flush with the right margin
    assert title_sv[1] < 60  # flush with the left margin


def _text_sizes(page: PageObject) -> list[tuple[float, str]]:
    """``(size in pt, text)`` of every run of text inside the body frame (no header/footer)."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and MARGIN_BOTTOM <= y <= PAGE_HEIGHT - MARGIN_TOP:
            runs.append((round(size * tm[3] * cm[3], 2), text.strip()))

    page.extract_text(visitor_text=visit)
    return runs


def test_render_plan_person_pages_print_no_text_below_12_pt(rich: PlanDetail) -> None:
    reader = PdfReader(BytesIO(render_plan(rich_plan.document(rich, "en"))))
    texts = [page.extract_text() for page in reader.pages]
    officials = next(i for i, t in enumerate(texts) if "Coordinated individual plan (SIP)" in t)
    person_pages = [_text_sizes(page) for page in reader.pages[:officials]]

    assert officials >= 1 and "My plan" in texts[0]
    small = [(size, text) for runs in person_pages for size, text in runs if size < 12]
    assert not small, small
    assert any(text == "Who does what for me" for runs in person_pages for _size, text in runs)
    # The officials' pages are denser: the measure does see smaller text where there is some.
    assert min(size for size, _text in _text_sizes(reader.pages[officials])) < 12


def test_render_plan_renders_a_bare_draft(sqlite_services: Services) -> None:
    plan = PlanBuilder(sqlite_services)(first_name="Ny", last_name="Plan")

    pdf = render_plan(rich_plan.document(sqlite_services.plans.get_plan(plan.id), "sv"))

    assert pdf.startswith(b"%PDF") and len(PdfReader(BytesIO(pdf)).pages) >= 3
    text = pypdf_text(pdf)
    assert "Min plan" in text and "Ny Plan" in text
