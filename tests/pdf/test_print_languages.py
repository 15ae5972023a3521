"""Every demo plan prints in every print language: the fixed text is in the reader's language
and script, can be read back out of the file (no box or replacement mark for a missing glyph),
every font is embedded, and the right-to-left languages are laid out right to left."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sip_desk.domain.document import PRINT_LANGUAGES
from sip_desk.domain.languages import RIGHT_TO_LEFT
from sip_desk.pdf.fonts import MISSING, REPLACEMENT, split_runs
from sip_desk.services.demo_service import DEMO_CASES
from sip_desk.services.registry import Services
from tests.domain.catalogues import entries
from tests.pdf.pdf_text import needs_poppler, normalise, pdftotext, word_boxes

# Fixed phrases as a reader of each language knows them (written here, not read from the
# catalogue, so a lookup that falls back to Swedish fails): the person's page title, the full
# plan's title and the signature section.
PHRASES = {
    "sv": ("Min plan", "Samordnad individuell plan (SIP)", "Underskrifter"),
    "en": ("My plan", "Coordinated individual plan (SIP)", "Signatures"),
    "ar": ("خطتي", "الخطة الفردية المنسقة", "التوقيعات"),
    "so": ("Qorshahayga", "Qorshe shakhsi ah oo la isku duway (SIP)", "Saxiixyada"),
    "ti": ("ትልመይ", "ዝተወሃሃደ ውልቃዊ ትልሚ", "ፌርማታት"),
    "prs": ("پلان من", "پلان فردی هماهنگ‌شده", "امضاها"),
    "fa": ("برنامه من", "برنامه فردی هماهنگ‌شده", "امضاها"),
    "uk": ("Мій план", "Скоординований індивідуальний план (SIP)", "Підписи"),
}
# The letters of each language's script, and the font that must draw them.
SCRIPTS = {
    "ar": (re.compile("[\u0600-\u06ff]"), "NotoSansArabic"),
    "prs": (re.compile("[\u0600-\u06ff]"), "NotoSansArabic"),
    "fa": (re.compile("[\u0600-\u06ff]"), "NotoSansArabic"),
    "ti": (re.compile("[\u1200-\u137f]"), "NotoSansEthiopic"),
    "uk": (re.compile("[\u0400-\u04ff]"), "NotoSans"),
}


def _embedded_fonts(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    """Font name (subset tag dropped) -> the "emb" column of ``pdffonts``."""
    source = tmp_path / "fonts.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(
        ["pdffonts", str(source)], check=True, capture_output=True, text=True
    ).stdout
    fonts: dict[str, str] = {}
    for line in out.splitlines()[2:]:
        columns = line.split()
        # name type [type…] encoding emb sub uni object ID: "emb" is the fifth from the end
        fonts[columns[0].partition("+")[2] or columns[0]] = columns[-5]
    return fonts


@pytest.fixture
def demo(sqlite_services: Services) -> Services:
    sqlite_services.demo.load_cases()
    return sqlite_services


def test_every_print_language_has_its_phrases_here() -> None:
    assert set(PHRASES) == set(PRINT_LANGUAGES)


@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_a_shipped_font_has_every_letter_of_the_language_in_both_weights(language: str) -> None:
    missing = {
        (key, part)
        for key, value in entries(language).items()
        for bold in (False, True)
        for font, part in split_runs(value, bold)
        if font == MISSING
    }

    assert missing == set()


@needs_poppler
@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_every_demo_plan_prints_its_fixed_text_in_the_language_with_embedded_fonts(
    demo: Services, tmp_path: Path, language: str
) -> None:
    plans = demo.plan_list.list_plans()
    assert len(plans) == len(DEMO_CASES)
    for summary in plans:
        pdf = demo.documents.render(summary.id, None, language).data
        text = pdftotext(pdf, tmp_path)
        first_page = pdftotext(pdf, tmp_path, page=1)

        assert normalise(PHRASES[language][0]) in first_page, (summary.id, language)
        for phrase in PHRASES[language][1:]:
            assert normalise(phrase) in text, (summary.id, phrase)
        assert REPLACEMENT not in text  # no character without a glyph
        fonts = _embedded_fonts(pdf, tmp_path)
        assert fonts and set(fonts.values()) == {"yes"}, fonts
        if language in SCRIPTS:
            letters, font = SCRIPTS[language]
            assert len(letters.findall(first_page)) > 100, (summary.id, language)
            assert f"{font}-Regular" in fonts and f"{font}-Bold" in fonts, fonts


def _title_box(boxes: list[tuple[str, float, float]], title: str) -> tuple[float, float]:
    """Left and right edge of the first run of words that spell ``title``.

    Letters are compared as a multiset: pdftotext may list right-to-left words in visual order,
    and an Arabic ligature (lam-alef) comes back in logical order inside such a word.
    """
    wanted = sorted(sorted(normalise(word)) for word in title.split())
    size = len(wanted)
    for start in range(len(boxes) - size + 1):
        window = boxes[start : start + size]
        if sorted(sorted(word) for word, _, _ in window) == wanted:
            return min(left for _, left, _ in window), max(right for _, _, right in window)
    raise AssertionError(f"{title} not on page 1")


@needs_poppler
@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_the_title_stands_at_the_margin_the_language_is_read_from(
    demo: Services, tmp_path: Path, language: str
) -> None:
    plan_id = demo.plan_list.list_plans()[0].id
    boxes = word_boxes(demo.documents.render(plan_id, None, language).data, tmp_path, page=1)

    left, right = _title_box(boxes, PHRASES[language][0])
    if language in RIGHT_TO_LEFT:
        assert right > 500  # flush with the right margin (A4 is 595 pt wide)
    else:
        assert left < 60  # flush with the left margin
