"""Shaping, bidi reordering, line breaking and drawing of text in any script.

reportlab's own bidi support needs ``rlbidi``, which is not on PyPI, so this module does the
work with python-bidi and arabic-reshaper (both plain dependencies):

1. control characters become spaces or line breaks (:func:`clean`); Arabic script is shaped to
   presentation forms, harakat (vowel marks) kept (:func:`shape`), in logical order;
2. each paragraph's embedding levels are resolved with its own base direction, its first
   strong letter (:func:`sip_desk.pdf.bidi_lines.resolve`);
3. lines are broken in logical order (:func:`layout`, :mod:`sip_desk.pdf.line_breaks`),
   measuring every font run;
4. each line is reordered to visual order with the paragraph's levels, marks after their base
   and brackets mirrored (:meth:`sip_desk.pdf.bidi_lines.Paragraph.line`);
5. each visual line is split into font runs (:func:`sip_desk.pdf.fonts.split_runs`) and drawn
   with one text object (:func:`draw_line`).

The glyphs carry their Unicode values (reportlab writes a ToUnicode map), so the text stays
extractable; pdftotext returns right-to-left lines in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial

import arabic_reshaper
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from sip_desk.pdf.bidi_lines import Paragraph, first_strong_is_rtl, resolve
from sip_desk.pdf.fonts import BASE, MISSING, REPLACEMENT, font_name, split_runs
from sip_desk.pdf.line_breaks import HYPHEN, break_lines
from sip_desk.pdf.marks import draw_run, utf16_hex

_ARABIC = re.compile("[\u0600-\u08ff]")
_BREAKS = re.compile("\r\n|[\r\u0085\u2028\u2029\x0b\x0c]")
_CONTROLS = re.compile("[\x00-\x09\x0e-\x1f\x7f-\x84\x86-\x9f]")
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


@dataclass(frozen=True)
class Line:
    """One line ready to draw: font runs in visual (left-to-right) order and the total width."""

    runs: tuple[tuple[str, str], ...]
    width: float


def clean(text: str) -> str:
    """Line and paragraph separators as newlines; tabs and other control characters as spaces."""
    return _CONTROLS.sub(" ", _BREAKS.sub("\n", text))


def shape(text: str) -> str:
    """Arabic letters joined into their contextual forms, harakat kept; other text unchanged."""
    if _ARABIC.search(text) is None:
        return text
    return str(_RESHAPER.reshape(text))


def run_width(font: str, part: str, size: float, bold: bool) -> float:
    """The width of one font run; a missing-glyph run is as wide as its replacement marks."""
    if font == MISSING:
        return stringWidth(REPLACEMENT, font_name(BASE, bold), size) * len(part)
    return stringWidth(part, font, size)


@lru_cache(maxsize=20000)
def text_width(text: str, size: float, bold: bool) -> float:
    """The width of ``text`` in points, drawn with font fallback."""
    return sum(run_width(font, part, size, bold) for font, part in split_runs(text, bold))


def make_line(visual: str, size: float, bold: bool) -> Line:
    """Split one visual-order line into font runs and measure it."""
    runs = tuple(split_runs(visual, bold))
    width = sum(run_width(font, part, size, bold) for font, part in runs)
    return Line(runs=runs, width=width)


def single_line(text: str, size: float, bold: bool = False, rtl: bool = False) -> Line:
    """``text`` as a single line (for headers, footers and table-free labels)."""
    logical = shape(clean(text)).replace("\n", " ")
    paragraph = resolve(logical, first_strong_is_rtl(logical, rtl))
    return make_line(paragraph.line(0, len(logical)), size, bold)


@lru_cache(maxsize=64)
def paragraphs(text: str, rtl: bool) -> tuple[Paragraph, ...]:
    """``text`` shaped and split at newlines, each paragraph's bidi levels resolved."""
    return tuple(
        resolve(logical, first_strong_is_rtl(logical, rtl))
        for logical in shape(clean(text)).split("\n")
    )


def layout(
    text: str, width: float, size: float, bold: bool, rtl: bool, hyphenate: str = ""
) -> list[Line]:
    """Break ``text`` into lines no wider than ``width``; a newline starts a new line.

    ``hyphenate`` names the pyphen dictionary for syllable breaks (empty: whole words; a word
    wider than the line is still broken, with a hyphen, see :mod:`sip_desk.pdf.line_breaks`).
    """
    measure = partial(text_width, size=size, bold=bold)
    lines: list[Line] = []
    for paragraph in paragraphs(text, rtl):
        for piece in break_lines(paragraph.text, width, hyphenate, measure):
            visual = paragraph.line(piece.start, piece.end)
            if piece.hyphen:
                visual = _with_hyphen(visual, paragraph.text[piece.start : piece.end])
            lines.append(make_line(visual, size, bold))
    return lines


def _with_hyphen(visual: str, logical: str) -> str:
    """The visual line with a hyphen after the broken word's head (a left-to-right word)."""
    head = logical.rsplit(" ", 1)[-1]
    at = visual.rfind(head)
    if at < 0:
        return visual + HYPHEN
    return visual[: at + len(head)] + HYPHEN + visual[at + len(head) :]


def draw_line(canvas: Canvas, line: Line, x: float, y: float, size: float) -> None:
    """Draw ``line`` with its left end at ``x`` and its baseline at ``y``.

    Combining marks are centred on their base letter (:mod:`sip_desk.pdf.marks`). A run of
    characters no font has is drawn as replacement marks inside a marked-content
    span whose ``/ActualText`` is the original text, so copying or extracting the text still
    gives the characters that were typed.
    """
    cursor = x
    for font, part in line.runs:
        if font != MISSING:
            cursor = draw_run(canvas, font, part, cursor, y, size)
            continue
        canvas.addLiteral(f"/Span <</ActualText <{utf16_hex(part)}>>> BDC")
        mark = canvas.beginText(cursor, y)
        mark.setFont(font_name(BASE, False), size)
        mark.textOut(REPLACEMENT * len(part))
        canvas.drawText(mark)
        canvas.addLiteral("EMC")
        cursor += run_width(MISSING, part, size, False)


def draw_aligned(
    canvas: Canvas, line: Line, x: float, y: float, size: float, align: str = "left"
) -> None:
    """Draw ``line`` starting at ``x`` (left), ending at ``x`` (right) or centred on ``x``."""
    if align == "right":
        x -= line.width
    elif align == "center":
        x -= line.width / 2
    draw_line(canvas, line, x, y, size)
