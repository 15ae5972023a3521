"""Shaping, bidi reordering, line breaking and drawing of text in any script.

reportlab's own bidi support needs ``rlbidi``, which is not on PyPI, so this module does the
work with python-bidi and arabic-reshaper (both plain dependencies):

1. Arabic script is shaped to presentation forms (:func:`shape`), in logical order;
2. lines are broken in logical order (:func:`layout`), measuring every font run;
3. each line is reordered to visual order with the Unicode bidi algorithm, mirroring brackets,
   with a right-to-left or left-to-right base direction;
4. each visual line is split into font runs (:func:`sip_desk.pdf.fonts.split_runs`) and drawn
   with one text object (:func:`draw_line`).

The glyphs carry their Unicode values (reportlab writes a ToUnicode map), so the text stays
extractable; pdftotext returns right-to-left lines in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from sip_desk.pdf.fonts import split_runs

_ARABIC = re.compile("[\u0600-\u08ff]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# A number with separators (date, phone, time): kept as one left-to-right island.
_NUMBER = re.compile(r"\d(?:[\d\-–/.:, ]*\d)?")
_LRM = "\u200e"
_FORMAT_CHARS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Line:
    """One line ready to draw: font runs in visual (left-to-right) order and the total width."""

    runs: tuple[tuple[str, str], ...]
    width: float


def has_rtl(text: str) -> bool:
    """True when ``text`` holds right-to-left letters (Hebrew or Arabic script)."""
    return _RTL.search(text) is not None


def shape(text: str) -> str:
    """Arabic letters joined into their contextual forms; other text unchanged."""
    if _ARABIC.search(text) is None:
        return text
    return str(arabic_reshaper.reshape(text))


def base_is_rtl(text: str, default: bool) -> bool:
    """The base direction of a paragraph: its first strong letter decides (Unicode rule P2).

    A Swedish sentence in an Arabic document keeps its full stop at the end, and an Arabic
    name in a Swedish document reads right to left; without letters ``default`` applies.
    """
    for char in text:
        if _RTL.match(char):
            return True
        if char.isalpha():
            return False
    return default


def visual(text: str, rtl: bool) -> str:
    """``text`` (one line, logical order) in visual order for a given base direction.

    Numbers with separators (dates, phone numbers) are fenced with left-to-right marks, so
    that "2027-02-21" and "010-100 00 00" keep their order beside Arabic letters; the marks
    are removed after reordering.
    """
    if not rtl and not has_rtl(text):
        return text
    fenced = _NUMBER.sub(lambda m: f"{_LRM}{m.group(0)}{_LRM}", text)
    return _FORMAT_CHARS.sub("", str(get_display(fenced, base_dir="R" if rtl else "L")))


@lru_cache(maxsize=20000)
def text_width(text: str, size: float, bold: bool) -> float:
    """The width of ``text`` in points, drawn with font fallback."""
    return sum(stringWidth(part, font, size) for font, part in split_runs(text, bold))


def make_line(logical: str, size: float, bold: bool, rtl: bool) -> Line:
    """Reorder one logical line, split it into font runs and measure it."""
    runs = tuple(split_runs(visual(logical, rtl), bold))
    width = sum(stringWidth(part, font, size) for font, part in runs)
    return Line(runs=runs, width=width)


def single_line(text: str, size: float, bold: bool = False, rtl: bool = False) -> Line:
    """``text`` as a single line (for headers, footers and table-free labels)."""
    logical = shape(text).replace("\n", " ")
    return make_line(logical, size, bold, base_is_rtl(logical, rtl))


def layout(text: str, width: float, size: float, bold: bool, rtl: bool) -> list[Line]:
    """Break ``text`` into lines no wider than ``width``; a newline starts a new line."""
    lines: list[Line] = []
    for paragraph in shape(text).split("\n"):
        paragraph_rtl = base_is_rtl(paragraph, rtl)
        for logical in _break_paragraph(paragraph, width, size, bold):
            lines.append(make_line(logical, size, bold, paragraph_rtl))
    return lines


def _break_paragraph(paragraph: str, width: float, size: float, bold: bool) -> list[str]:
    """Greedy line breaking at spaces, in logical order; over-long words are cut."""
    space = text_width(" ", size, bold)
    out: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in paragraph.split(" "):
        for piece in _cut_word(word, width, size, bold):
            piece_width = text_width(piece, size, bold)
            if current and used + space + piece_width > width:
                out.append(" ".join(current))
                current, used = [], 0.0
            used += piece_width + (space if current else 0.0)
            current.append(piece)
    out.append(" ".join(current))
    return out


def _cut_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """``word`` itself, or cut into pieces that fit ``width`` when it is too long."""
    if text_width(word, size, bold) <= width:
        return [word]
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and text_width(piece + char, size, bold) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    pieces.append(piece)
    return pieces


def draw_line(canvas: Canvas, line: Line, x: float, y: float, size: float) -> None:
    """Draw ``line`` with its left end at ``x`` and its baseline at ``y``."""
    text = canvas.beginText(x, y)
    for font, part in line.runs:
        text.setFont(font, size)
        text.textOut(part)
    canvas.drawText(text)


def draw_aligned(
    canvas: Canvas, line: Line, x: float, y: float, size: float, align: str = "left"
) -> None:
    """Draw ``line`` starting at ``x`` (left), ending at ``x`` (right) or centred on ``x``."""
    if align == "right":
        x -= line.width
    elif align == "center":
        x -= line.width / 2
    draw_line(canvas, line, x, y, size)
