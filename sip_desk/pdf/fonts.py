"""The fonts shipped in ``resources/fonts`` and per-character font fallback.

Every font is a TrueType font registered with reportlab, so each one is embedded (as a subset)
in the PDF; no standard-14 font is ever used. Text is split into runs, each drawn with the first
font of the chain that has a glyph for it: Noto Sans (Latin, Cyrillic, Greek), Noto Sans Arabic
(Arabic, Persian/Dari) and Noto Sans Ethiopic (Tigrinya, Amharic).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sip_desk.paths import resource

BASE = "SIPSans"
ARABIC = "SIPArabic"
ETHIOPIC = "SIPEthiopic"
FAMILIES = (BASE, ARABIC, ETHIOPIC)

_FILES = {
    BASE: "NotoSans",
    ARABIC: "NotoSansArabic",
    ETHIOPIC: "NotoSansEthiopic",
}


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
    return f"{family}-Bold" if bold else family


@cache
def chain(bold: bool = False) -> FontChain:
    """Register the shipped fonts once and return the fallback chain for one weight."""
    names: list[str] = []
    cmaps: list[frozenset[int]] = []
    for family in FAMILIES:
        name = font_name(family, bold)
        file_name = f"{_FILES[family]}-{'Bold' if bold else 'Regular'}.ttf"
        font = TTFont(name, str(resource("fonts", file_name)))
        pdfmetrics.registerFont(font)
        names.append(name)
        cmaps.append(frozenset(font.face.charToGlyph))
    return FontChain(names=tuple(names), cmaps=tuple(cmaps))


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
    return 0


def _is_neutral(char: str) -> bool:
    """Spaces, digits and punctuation: they stay in the current run when its font has them."""
    return unicodedata.category(char)[0] in "ZPNS" or char in "\u200c\u200d\u200e\u200f"


def split_runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font name, text)`` runs so every character has a glyph.

    Neutral characters (spaces, punctuation, digits) join the run before them when that font
    covers them, so mixed text is not cut into many tiny runs.
    """
    fonts = chain(bold)
    runs: list[tuple[str, str]] = []
    current = -1
    buffer: list[str] = []
    for char in text:
        index = _pick(fonts, char, current)
        if index != current and buffer:
            runs.append((fonts.names[current], "".join(buffer)))
            buffer = []
        current = index
        buffer.append(char)
    if buffer:
        runs.append((fonts.names[current], "".join(buffer)))
    return runs


def _pick(fonts: FontChain, char: str, current: int) -> int:
    """The chain index to draw ``char`` with, given the run in progress."""
    if current >= 0 and _is_neutral(char) and fonts.has_glyph(current, char):
        return current
    preferred = _preferred(char)
    if fonts.has_glyph(preferred, char):
        return preferred
    for index in range(len(fonts.names)):
        if fonts.has_glyph(index, char):
            return index
    return 0
