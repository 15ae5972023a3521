"""Drawing one font run with its combining marks placed over (or under) their base letter.

reportlab draws glyphs one after another by their advance widths and does not apply a font's
mark positioning (OpenType GPOS). A combining mark (an Arabic haraka, a Latin accent typed
apart) has no advance width, so drawn as it comes it would stand at the edge of the letter
before it. Here each mark is centred on its base letter's outline, and marks on the same side
of one letter (shadda and fatha, say) are stacked instead of drawn on top of each other. Since
the marks then stand out of the drawing order text extraction expects, each word holding a mark
is wrapped in a marked-content span whose ``/ActualText`` gives its characters in the order a
reader (poppler's pdftotext, for one) turns back into the typed text.
"""

from __future__ import annotations

import re
import unicodedata

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from sip_desk.pdf.bidi_lines import is_mark
from sip_desk.pdf.fonts import glyph_box

_SPACES = re.compile("( +)")
RLM = "\u200f"
_GAP = 40.0  # thousandths of the size between stacked marks


def draw_run(canvas: Canvas, font: str, part: str, x: float, y: float, size: float) -> float:
    """Draw ``part`` in ``font`` from ``x`` on baseline ``y``; returns the x where it ends.

    Each word holding a mark is drawn on its own inside a span with its ``/ActualText``.
    """
    if not any(is_mark(char) for char in part):
        text = _begin(canvas, font, x, y, size)
        text.textOut(part)
        canvas.drawText(text)
        return x + stringWidth(part, font, size)
    cursor = x
    text = _begin(canvas, font, cursor, y, size)
    for word in _SPACES.split(part):
        clusters = _clusters(font, word)
        if not any(marks for _, marks in clusters):
            text.textOut(word)
            cursor += stringWidth(word, font, size)
            continue
        canvas.drawText(text)
        actual = "".join(_actual_text(base, marks) for base, marks in clusters)
        if any(unicodedata.bidirectional(char) in ("R", "AL") for char in word):
            # a right-to-left mark first, so a mark at the word's left end stays in the word
            actual = RLM + actual
        canvas.addLiteral(f"/Span <</ActualText <{utf16_hex(actual)}>>> BDC")
        marked = _begin(canvas, font, cursor, y, size)
        for base, marks in clusters:
            marked.setTextOrigin(cursor, y)
            marked.textOut(base)
            _draw_marks(marked, font, base, marks, cursor, y, size)
            cursor += stringWidth(base, font, size)
        canvas.drawText(marked)
        canvas.addLiteral("EMC")
        text = _begin(canvas, font, cursor, y, size)
    canvas.drawText(text)
    return cursor


def _draw_marks(
    text: PDFTextObject, font: str, base: str, marks: str, x: float, y: float, size: float
) -> None:
    """Draw ``marks`` on the ``base`` letter drawn at ``x``, stacking those on one side."""
    above = below = 0.0  # how far the marks already placed reach, in thousandths
    for mark in marks:
        mark_x, rise, above, below = _place(font, base, mark, above, below)
        text.setTextOrigin(x + mark_x * size / 1000, y + rise * size / 1000)
        text.textOut(mark)


def utf16_hex(text: str) -> str:
    """A PDF text string (UTF-16BE with byte order mark) written as hex."""
    return "FEFF" + text.encode("utf-16-be").hex().upper()


def _begin(canvas: Canvas, font: str, x: float, y: float, size: float) -> PDFTextObject:
    text = canvas.beginText(x, y)
    text.setFont(font, size)
    return text


def _clusters(font: str, part: str) -> list[tuple[str, str]]:
    """``part`` as ``(text, marks)``: a base letter with its zero-width marks, or plain text."""
    entries: list[list[str]] = []
    for char in part:
        if entries and is_mark(char) and stringWidth(char, font, 10) == 0:
            entries[-1][1] += char
        else:
            entries.append([char, ""])
    clusters: list[tuple[str, str]] = []
    for base, marks in entries:
        if not marks and clusters and not clusters[-1][1]:
            clusters[-1] = (clusters[-1][0] + base, "")
        else:
            clusters.append((base, marks))
    return clusters


def _actual_text(base: str, marks: str) -> str:
    """The text of one cluster as a reader should extract it from its drawn place.

    Readers reorder a right-to-left word as if its characters were drawn in visual order, so
    a right-to-left letter is given its marks first (reversed), the letter last.
    """
    if marks and unicodedata.bidirectional(base[-1]) in ("R", "AL"):
        return marks[::-1] + base
    return base + marks


def _place(
    font: str, base: str, mark: str, above: float, below: float
) -> tuple[float, float, float, float]:
    """Where to draw ``mark`` relative to its base's origin (thousandths of the size).

    Returns the pen offset, the vertical rise, and the new reach of marks above and below.
    """
    mark_box = glyph_box(font, mark)
    base_box = glyph_box(font, base)
    advance = stringWidth(base, font, 1000)
    centre = (base_box[0] + base_box[2]) / 2 if base_box else advance / 2
    if mark_box is None:
        return centre, 0.0, above, below
    pen = centre - (mark_box[0] + mark_box[2]) / 2
    rise = 0.0
    if mark_box[1] >= 0:  # above the baseline
        if above:
            rise = max(0.0, above + _GAP - mark_box[1])
        above = mark_box[3] + rise
    else:
        if below:
            rise = min(0.0, below - _GAP - mark_box[3])
        below = mark_box[1] + rise
    return pen, rise, above, below
