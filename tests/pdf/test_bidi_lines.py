"""Right-to-left paragraphs with Swedish inside: levels per paragraph, reordering per line."""

from __future__ import annotations

from sip_desk.pdf.bidi_lines import first_strong_is_rtl, reorder, resolve
from sip_desk.pdf.fonts import register_fonts
from sip_desk.pdf.text import layout, shape

ARABIC_WITH_SWEDISH = "يحتاج إلى مترجم (muntligt, med tolk) في الاجتماع."


def _visual(text: str, width: float, rtl: bool) -> list[str]:
    register_fonts()
    return ["".join(part for _, part in line.runs) for line in layout(text, width, 10, False, rtl)]


def _logical_arabic(visual_run: str) -> str:
    """Arabic letters of a visual run back in reading order (shaped forms compared)."""
    return visual_run[::-1]


def test_wrapped_brackets_keep_the_direction_the_whole_paragraph_gave_them() -> None:
    first, second = _visual(ARABIC_WITH_SWEDISH, 125, rtl=True)

    # Line 1 reads (right to left): Arabic, the opening bracket (mirrored), then "muntligt,"
    # with its comma after it; resolving the line alone put the comma on the wrong side
    # (",muntligt)").
    assert first.startswith("muntligt,) ")
    assert _logical_arabic(first.removeprefix("muntligt,) ")) == shape("يحتاج إلى مترجم")
    # Line 2: "med tolk", the closing bracket (mirrored), Arabic, the full stop at the end.
    assert second.endswith(" (med tolk")
    assert _logical_arabic(second.removesuffix(" (med tolk")) == shape("في الاجتماع.")


def test_a_swedish_paragraph_in_an_arabic_document_keeps_its_full_stop_at_the_end() -> None:
    lines = _visual("Hon vill ha stöd med boendet och skolan i sex veckor.", 150, rtl=True)

    assert lines == ["Hon vill ha stöd med boendet", "och skolan i sex veckor."]


def test_an_unbroken_bracket_pair_in_an_arabic_line_encloses_the_swedish_words() -> None:
    (line,) = _visual(ARABIC_WITH_SWEDISH, 1000, rtl=True)

    assert "(muntligt, med tolk)" in line


def test_a_phone_number_keeps_its_digit_groups_in_order_beside_arabic() -> None:
    (line,) = _visual("هاتف: 010-100 00 00", 1000, rtl=True)

    assert line.startswith("010-100 00 00 ")


def test_the_first_strong_letter_decides_the_base_direction() -> None:
    assert first_strong_is_rtl("(2026) مرحبا Anna", default=False)
    assert not first_strong_is_rtl("«Anna» مرحبا", default=True)
    assert first_strong_is_rtl("2026-11-20 –", default=True)


def test_reorder_mirrors_brackets_only_at_right_to_left_levels() -> None:
    paragraph = resolve("a (b) c", rtl=False)

    assert paragraph.line(0, 7) == "a (b) c"
    assert reorder("(x)", [1, 1, 1], 1) == "(x)"[::-1].translate(str.maketrans("()", ")("))


def test_marks_follow_their_letter_after_reordering() -> None:
    paragraph = resolve("مُحَمَّد", rtl=True)

    visual = paragraph.line(0, len(paragraph.text))
    assert visual == "دمَّحَمُ"
