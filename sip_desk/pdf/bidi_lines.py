"""The Unicode bidirectional algorithm (UAX #9): levels per paragraph, reordering per line.

A paragraph is resolved as a whole, with its own base direction (its first strong letter), so
that a bracket pair or a full stop gets its direction from the whole sentence (rules N0–N2),
not from the piece that happens to stand on one printed line. Lines are broken in logical
order; each line is then reordered with the levels the paragraph gave its characters (rules
L1–L4: trailing spaces to the base level, runs reversed, combining marks after their base,
brackets mirrored).

python-bidi's Rust core (the ``unicode-bidi`` crate) resolves the levels, bracket pairs
included; its Python API returns only the display string of a whole paragraph, so the levels
are read from its ``debug`` output, which lists one level per UTF-8 byte of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bidi import get_display
from bidi.mirror import MIRRORED

# A number with separators (date, phone, time) is fenced with left-to-right marks, so that
# "2027-02-21" and "010-100 00 00" keep their order beside Arabic letters.
_NUMBER = re.compile(r"\d(?:[\d\-–/.:, ]*\d)?")
_LRM = "\u200e"
_LEVELS = re.compile(r"Level\(\s*(\d+),?\s*\)")
_STRONG_RTL = {"R", "AL"}
# Whitespace and isolate/format classes reset to the paragraph level at a line's end (rule L1).
_TRAILING = {"WS", "FSI", "LRI", "RLI", "PDI", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "S"}


class BidiError(RuntimeError):
    """python-bidi's debug output could not be read (an incompatible version)."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph in logical order with the embedding level of each character."""

    text: str
    levels: tuple[int, ...]
    base_level: int

    def line(self, start: int, end: int) -> str:
        """The characters ``start:end`` (one printed line) in visual order."""
        return reorder(self.text[start:end], self.levels[start:end], self.base_level)


def isolate(text: str) -> str:
    """``text`` as a first-strong isolate (FSI … PDI): it keeps its own direction inside a label.

    "Behov: Stöd i sex veckor." in an Arabic document starts with an Arabic label, so the
    whole line is right to left; isolated, the Swedish value keeps its full stop at its end.
    The two format characters are not drawn.
    """
    return f"\u2068{text}\u2069" if text else text


def first_strong_is_rtl(text: str, default: bool) -> bool:
    """The base direction of a paragraph: its first strong letter decides (rule P2).

    A Swedish sentence in an Arabic document keeps its full stop at the end, and an Arabic
    name in a Swedish document reads right to left; without letters ``default`` applies.
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RTL:
            return True
        if kind == "L":
            return False
    return default


def is_mark(char: str) -> bool:
    """True for a combining mark (Arabic harakat, Latin accents written apart)."""
    return unicodedata.category(char) in ("Mn", "Me")


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, …)."""
    return any(unicodedata.bidirectional(char) in _STRONG_RTL for char in text)


def resolve(text: str, rtl: bool) -> Paragraph:
    """Resolve the embedding levels of one paragraph (no newline) for base direction ``rtl``."""
    base = 1 if rtl else 0
    if not text or (not rtl and not has_rtl(text)):
        return Paragraph(text, (base,) * len(text), base)
    fenced, origin = _fence_numbers(text)
    by_byte = _byte_levels(fenced, rtl)
    levels = [base] * len(text)
    offset = 0
    for index, char in enumerate(fenced):
        if origin[index] >= 0:
            levels[origin[index]] = by_byte[offset]
        offset += len(char.encode("utf-8"))
    return Paragraph(text, tuple(levels), base)


def _fence_numbers(text: str) -> tuple[str, list[int]]:
    """``text`` with LRM around each number, and for each character its index in ``text``."""
    parts: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _NUMBER.finditer(text):
        parts.append(text[last : match.start()])
        origin.extend(range(last, match.start()))
        parts.append(_LRM + match.group(0) + _LRM)
        origin.append(-1)
        origin.extend(range(match.start(), match.end()))
        origin.append(-1)
        last = match.end()
    parts.append(text[last:])
    origin.extend(range(last, len(text)))
    return "".join(parts), origin


def _byte_levels(text: str, rtl: bool) -> list[int]:
    """The resolved level of each UTF-8 byte of ``text``, from python-bidi's debug output."""
    debug = str(get_display(text, base_dir="R" if rtl else "L", debug=True))
    # The text itself is printed escaped (no raw newline), so these markers are unambiguous.
    head, marker, tail = debug.partition("\n    levels: [\n")
    body = tail.partition("\n    ],\n")[0]
    levels = [int(level) for level in _LEVELS.findall(body)]
    if not marker or len(levels) != len(text.encode("utf-8")):
        raise BidiError("python-bidi debug output has no per-byte levels")
    return levels


def reorder(text: str, levels: Sequence[int], base_level: int) -> str:
    """One line in visual order (rules L1–L4), given its characters' resolved levels."""
    if not any(levels) and base_level == 0:
        return text
    chars = list(text)
    line_levels = list(levels)
    # L1: whitespace at the end of the line takes the paragraph level.
    index = len(chars) - 1
    while index >= 0 and unicodedata.bidirectional(chars[index]) in _TRAILING:
        line_levels[index] = base_level
        index -= 1
    # L4 (done before moving characters): mirrored glyphs for characters at odd levels.
    for index, char in enumerate(chars):
        if line_levels[index] % 2 and char in MIRRORED:
            chars[index] = MIRRORED[char]
    order = _visual_order(line_levels)
    return _marks_after_base("".join(chars[i] for i in order), [line_levels[i] for i in order])


def _visual_order(levels: list[int]) -> list[int]:
    """L2: from the highest level to the lowest odd one, reverse each run at that level or up."""
    order = list(range(len(levels)))
    if not levels:
        return order
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    lowest_odd = min(odd)
    for level in range(max(levels), lowest_odd - 1, -1):
        start = None
        for index in range(len(order) + 1):
            inside = index < len(order) and levels[order[index]] >= level
            if inside and start is None:
                start = index
            elif not inside and start is not None:
                order[start:index] = order[start:index][::-1]
                start = None
    return order


def _marks_after_base(visual: str, levels: list[int]) -> str:
    """L3: in a reversed (odd-level) run, combining marks come before their base; put them after.

    Marks have no advance width and are designed to sit over the glyph drawn before them.
    """
    chars = list(visual)
    index = 0
    while index < len(chars):
        if levels[index] % 2 and is_mark(chars[index]):
            end = index
            while end < len(chars) and levels[end] % 2 and is_mark(chars[end]):
                end += 1
            if end < len(chars) and levels[end] % 2:
                marks = chars[index:end]
                chars[index : end + 1] = [chars[end], *marks[::-1]]
            index = end + 1
        else:
            index += 1
    return "".join(chars)
