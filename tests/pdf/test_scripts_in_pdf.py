"""Mixed scripts in the printed plan: word order of Swedish in Arabic, emoji, symbols, harakat."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from sip_desk.domain.document import PlanDocument
from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.person import PersonDto
from sip_desk.domain.plan import PlanDetail, PlanFields
from sip_desk.pdf.fonts import register_fonts, split_runs
from sip_desk.pdf.render_plan import render_plan
from sip_desk.pdf.text import draw_line, single_line
from tests.pdf.pdf_text import needs_poppler, normalise, pdftotext, word_boxes

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
SWEDISH = "Tolk behövs vid varje möte (muntligt, med tolk) och stödet pågår i sex veckor."
ARABIC_WITH_SWEDISH = "يريد سامي (muntligt, med tolk) بسرعة"
MUHAMMAD = "مُحَمَّد"


def _document(language: str, **fields: str) -> PlanDocument:
    plan = PlanDetail(
        id=5,
        version=1,
        status=PlanStatus.ACTIVE,
        closed_reason="",
        closed_on=None,
        created_at=NOW,
        updated_at=NOW,
        person=PersonDto(id=1, first_name="Rania", last_name="Haddad"),
        fields=PlanFields(**fields),  # type: ignore[arg-type]
    )
    return PlanDocument(
        plan=plan, language=language, version_number=1, printed_on=date(2026, 11, 21)
    )


@needs_poppler
def test_arabic_plan_prints_swedish_table_text_in_reading_order(tmp_path: Path) -> None:
    pdf = render_plan(_document("ar", strengths=SWEDISH, relatives_own_actions=SWEDISH * 2))

    text = pdftotext(pdf, tmp_path)
    assert SWEDISH in text
    assert normalise(SWEDISH * 2) in text
    assert ".sex" not in text and ",muntligt" not in text and "(med tolk" not in text


@needs_poppler
def test_swedish_words_stand_between_the_arabic_words_around_them(tmp_path: Path) -> None:
    pdf = render_plan(_document("ar", what_matters=ARABIC_WITH_SWEDISH))

    boxes = word_boxes(pdf, tmp_path, page=1)
    x = {word: (left, right) for word, left, right in boxes}

    def arabic(word: str) -> tuple[float, float]:
        return x.get(normalise(word)) or x[normalise(word)[::-1]]

    # Read right to left: "سامي", then the bracketed Swedish (left to right), then "بسرعة".
    assert arabic("بسرعة")[1] < x["(muntligt,"][0]
    assert x["(muntligt,"][1] < x["med"][0] < x["tolk)"][0]
    assert x["tolk)"][1] < arabic("سامي")[0]


@needs_poppler
def test_emoji_symbols_and_harakat_are_kept(tmp_path: Path) -> None:
    matters = f"Glad 😀 och klar ✓ ★ ☎ – {MUHAMMAD} يَذْهَبُ"

    pdf = render_plan(_document("sv", what_matters=matters))

    text = pdftotext(pdf, tmp_path, page=1)
    assert "Glad 😀 och klar ✓ ★ ☎" in text
    assert MUHAMMAD in text and "يَذْهَبُ" in text
    assert "\x00" not in text and "\x00" not in PdfReader(BytesIO(pdf)).pages[0].extract_text()


@needs_poppler
def test_a_character_no_font_has_is_a_visible_mark_that_keeps_its_text(tmp_path: Path) -> None:
    register_fonts()
    assert split_runs("⇒𝄞")[0][0] == ""  # no shipped font has these

    pdf = render_plan(_document("sv", what_matters="Pil ⇒ och klav 𝄞 här"))

    drawn = PdfReader(BytesIO(pdf)).pages[0].extract_text()  # the glyphs as drawn
    assert "Pil \ufffd och klav \ufffd här" in drawn
    assert "Pil ⇒ och klav 𝄞 här" in pdftotext(pdf, tmp_path, page=1)  # their /ActualText


def _ink(text: str, tmp_path: Path) -> tuple[int, int, int, int]:
    """The bounding box of the ink of ``text`` drawn large (x0, y0, x1, y1 in pixels)."""
    register_fonts()
    source = tmp_path / "ink.pdf"
    canvas = Canvas(str(source), pagesize=(200, 120))
    draw_line(canvas, single_line(text, 60, rtl=True), 60, 40, 60)
    canvas.save()
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-singlefile", str(source), str(tmp_path / "ink")],
        check=True,
    )
    image = Image.open(tmp_path / "ink.png").convert("L").point(lambda v: 255 if v < 128 else 0)
    box = image.getbbox()
    assert box is not None
    return box


@needs_poppler
def test_a_haraka_is_drawn_over_its_letter_not_beside_it(tmp_path: Path) -> None:
    letter = _ink("م", tmp_path)
    with_damma = _ink("مُ", tmp_path)

    assert with_damma[1] < letter[1]  # the damma adds ink above the letter
    assert letter[0] - 2 <= with_damma[0] and with_damma[2] <= letter[2] + 2
