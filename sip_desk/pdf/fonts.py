"""The fonts shipped in ``resources/fonts`` and per-character font fallback.

Every font is a TrueType font registered with reportlab, so each one is embedded (as a subset)
in the PDF; no standard-14 font is ever used. Text is split into runs, each drawn with the first
font of the chain that has a glyph for it: Noto Sans (Latin, Cyrillic, Greek), Noto Sans Arabic
(Arabic, Persian/Dari), Noto Sans Ethiopic (Tigrinya, Amharic), Noto Sans Symbols and Symbols 2
(arrows, dingbats, check marks) and Noto Emoji (monochrome).

No character is dropped silently: one that no font has is put in a :data:`MISSING` run, drawn
as a visible replacement mark that carries the original character as its text (see
:func:`sip_desk.pdf.text.draw_line`). Only invisible format characters (joiners, variation
selectors, direction marks and isolates) are left out, after shaping and reordering. The
``.notdef`` glyph is never drawn, as PDF/A forbids it.
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sip_desk.paths import resource

BASE = "SIPSans"
ARABIC = "SIPArabic"
ETHIOPIC = "SIPEthiopic"
SYMBOLS = "SIPSymbols"
SYMBOLS2 = "SIPSymbols2"
EMOJI = "SIPEmoji"
FAMILIES = (BASE, ARABIC, ETHIOPIC, SYMBOLS, SYMBOLS2, EMOJI)
# The run "font" of characters no font has: drawn as REPLACEMENT in the base font.
MISSING = ""
REPLACEMENT = "\ufffd"

# File name of the regular and the bold face; the same file when there is no bold.
_FILES = {
    BASE: ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ARABIC: ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    ETHIOPIC: ("NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
    SYMBOLS: ("NotoSansSymbols-Regular.ttf", "NotoSansSymbols-Bold.ttf"),
    SYMBOLS2: ("NotoSansSymbols2-Regular.ttf", "NotoSansSymbols2-Regular.ttf"),
    EMOJI: ("NotoEmoji-VariableFont_wght.ttf", "NotoEmoji-VariableFont_wght.ttf"),
}
_EMOJI_INDEX = FAMILIES.index(EMOJI)
_TEXT_FONTS = FAMILIES.index(SYMBOLS)


@dataclass(frozen=True)
class FontChain:
    """The registered font names for one weight, in fallback order, with their character maps."""

    names: tuple[str, ...]
    cmaps: tuple[frozenset[int], ...]

    def has_glyph(self, index: int, char: str) -> bool:
        """True when the font at ``index`` has a glyph for ``char``."""
        return ord(char) in self.cmaps[index]


def font_name(family: str, bold: bool) -> str:
    """The registered reportlab name of ``family`` in the wanted weight."""
    regular, bold_file = _FILES[family]
    return f"{family}-Bold" if bold and bold_file != regular else family


@cache
def chain(bold: bool = False) -> FontChain:
    """Register the shipped fonts once and return the fallback chain for one weight."""
    names: list[str] = []
    cmaps: list[frozenset[int]] = []
    for family in FAMILIES:
        name = font_name(family, bold)
        font = _register(name, _FILES[family][1 if bold else 0])
        names.append(name)
        cmaps.append(frozenset(font.face.charToGlyph))
    return FontChain(names=tuple(names), cmaps=tuple(cmaps))


@cache
def _register(name: str, file_name: str) -> TTFont:
    font = TTFont(name, str(resource("fonts", file_name)))
    pdfmetrics.registerFont(font)
    return font


def register_fonts() -> str:
    """Register every shipped font (regular and bold) and return the base font's name."""
    chain(False)
    chain(True)
    return BASE


def _preferred(char: str) -> int:
    """The chain index a character naturally belongs to (by Unicode block)."""
    code = ord(char)
    if 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return 1
    if 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F:
        return 2
    if code >= 0x1F000:
        return _EMOJI_INDEX
    return 0


def is_invisible(char: str) -> bool:
    """Format characters and variation selectors: they steer direction or joining, never show.

    They have done their work once the text is shaped and reordered, so they are not drawn even
    where a font has a (blank) glyph for them: a zero-width glyph on top of a letter makes text
    extraction lose the letter. The Arabic signs that stand before numbers are format
    characters too, but visible; they are drawn.
    """
    code = ord(char)
    if 0x0600 <= code <= 0x0605 or code in (0x06DD, 0x070F, 0x08E2, 0x110BD, 0x110CD):
        return False
    return (
        unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    )


@cache
def glyph_box(font: str, char: str) -> tuple[float, float, float, float] | None:
    """The outline's bounding box of ``char`` in ``font``, in thousandths of the font size.

    ``(x_min, y_min, x_max, y_max)`` from the glyph's header in the ``glyf`` table; ``None``
    for a missing or empty glyph. Combining marks are placed with it, since reportlab does not
    apply the fonts' mark positioning (GPOS).
    """
    registered: Any = pdfmetrics.getFont(font)
    face = registered.face
    glyph = face.charToGlyph.get(ord(char))
    if glyph is None or face.glyphPos[glyph] == face.glyphPos[glyph + 1]:
        return None
    start = face.get_table_pos("glyf")[0] + face.glyphPos[glyph]
    box = struct.unpack(">hhhh", face._ttf_data[start + 2 : start + 10])
    scale = 1000 / face.unitsPerEm
    return (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale)


def _is_neutral(char: str) -> bool:
    """Spaces, digits, punctuation, marks: they stay in the current run if its font has them."""
    return unicodedata.category(char)[0] in "ZPNSM" or char in "\u200c\u200d\u200e\u200f"


def split_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font name, text)`` runs so every character has a glyph.

    Neutral characters (spaces, punctuation, digits) join the run before them when that font
    covers them, so mixed text is not cut into many tiny runs. Characters no font has form
    :data:`MISSING` runs; invisible format characters without a glyph are left out.
    """
    fonts = chain(bold)
    runs: list[tuple[str, str]] = []
    current = -2
    buffer: list[str] = []
    for char in text:
        index = _pick(fonts, char, current)
        if index == _SKIP:
            continue
        if index != current and buffer:
            runs.append((_name(fonts, current), "".join(buffer)))
            buffer = []
        current = index
        buffer.append(char)
    if buffer:
        runs.append((_name(fonts, current), "".join(buffer)))
    return runs


_SKIP = -3
_NONE = -1


def _name(fonts: FontChain, index: int) -> str:
    return MISSING if index == _NONE else fonts.names[index]


def _pick(fonts: FontChain, char: str, current: int) -> int:
    """The chain index to draw ``char`` with, given the run in progress.

    Spaces and punctuation stay with a text font's run, but not with a symbol or emoji font's,
    whose spaces are much wider.
    """
    if is_invisible(char):
        return _SKIP
    if 0 <= current < _TEXT_FONTS and _is_neutral(char) and fonts.has_glyph(current, char):
        return current
    preferred = _preferred(char)
    if fonts.has_glyph(preferred, char):
        return preferred
    for index in range(len(fonts.names)):
        if fonts.has_glyph(index, char):
            return index
    return _NONE
