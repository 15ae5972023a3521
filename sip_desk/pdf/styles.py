"""Page geometry, colours and text styles of the plan PDF."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
# reportlab's frame keeps 6 pt padding inside the margins; a table as wide as FRAME_WIDTH
# therefore starts exactly where the text does.
FRAME_PADDING = 6.0
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X - 2 * FRAME_PADDING
# The person's part is set in two columns; text in them is COLUMN_WIDTH wide. Its pages keep
# a little less room above and below (still clear of the header and footer rules).
PERSON_MARGIN_TOP = 20 * mm
PERSON_MARGIN_BOTTOM = 18 * mm
COLUMN_GAP = 8.0
COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN_X - COLUMN_GAP) / 2 - 2 * FRAME_PADDING

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#9aa7b4")
SHADE = colors.HexColor("#e8eef4")
SOFT = colors.HexColor("#f4f6f8")
CHANGE = colors.HexColor("#fff4d6")


@dataclass(frozen=True)
class TextStyle:
    """How a block of text looks.

    ``rtl`` sets the default base direction and right alignment; ``indent`` is taken from the
    start side (left, or right in a right-to-left document). ``hyphenate`` names the pyphen
    dictionary for syllable breaks (table cells); empty keeps words whole where they fit.
    """

    size: float = 10.0
    leading: float = 13.5
    bold: bool = False
    rtl: bool = False
    align: str = "start"
    color: colors.Color = INK
    space_before: float = 0.0
    space_after: float = 3.0
    keep_with_next: bool = False
    indent: float = 0.0
    hyphenate: str = ""

    @property
    def resolved_align(self) -> str:
        """``left``, ``right`` or ``center``: ``start`` follows the base direction."""
        if self.align == "start":
            return "right" if self.rtl else "left"
        if self.align == "end":
            return "left" if self.rtl else "right"
        return self.align


@dataclass(frozen=True)
class Styles:
    """The named text styles of one document (one base direction)."""

    title: TextStyle
    heading: TextStyle
    subheading: TextStyle
    body: TextStyle
    small: TextStyle
    cell: TextStyle
    cell_bold: TextStyle
    easy: TextStyle
    easy_bold: TextStyle
    easy_heading: TextStyle


def make_styles(rtl: bool, hyphenate: str = "sv") -> Styles:
    """Styles for a document written left to right or right to left.

    The person's page (``easy*``) uses 12 pt body text: at least 12 pt, as plain-language
    guidance asks. Table cells are hyphenated with the ``hyphenate`` dictionary.
    """
    base = TextStyle(rtl=rtl)
    heading = replace(
        base,
        size=13,
        leading=17,
        bold=True,
        color=ACCENT,
        space_before=10,
        space_after=4,
        keep_with_next=True,
    )
    cell = replace(base, size=8.5, leading=11, space_after=0, hyphenate=hyphenate)
    return Styles(
        title=replace(base, size=18, leading=23, bold=True, color=ACCENT, space_after=6),
        heading=heading,
        subheading=replace(
            base, size=10.5, leading=14, bold=True, space_before=4, keep_with_next=True
        ),
        body=base,
        small=replace(base, size=8, leading=10, color=MUTED, space_after=0),
        cell=cell,
        cell_bold=replace(cell, bold=True),
        easy=replace(base, size=12, leading=16.5, space_after=3),
        easy_bold=replace(base, size=12, leading=16.5, bold=True, space_after=1),
        easy_heading=replace(heading, size=14, leading=19),
    )
