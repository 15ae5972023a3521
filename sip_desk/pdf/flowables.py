"""Platypus flowables drawing text through :mod:`sip_desk.pdf.text` (any script, either way)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table

from sip_desk.pdf.styles import TextStyle
from sip_desk.pdf.text import Line, draw_aligned, layout, single_line, text_width

# A paragraph split between pages keeps at least this many lines on each side (if it has them).
_LEAST_LINES = 2


class TextBlock(Flowable):
    """A paragraph of plain text in one style, wrapped to the available width.

    Unlike reportlab's ``Paragraph`` it reorders each line with the bidi algorithm after line
    breaking, so right-to-left paragraphs wrap correctly, and it picks a font per run. A
    ``bullet`` is drawn on the start side (the right in a right-to-left document) and the text
    hangs after it.
    """

    def __init__(
        self,
        text: str,
        style: TextStyle,
        lines: list[Line] | None = None,
        bullet: str = "",
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bullet = bullet
        hang = max(style.size * 1.3, text_width(bullet, style.size, style.bold) + style.size * 0.5)
        self._offset = style.indent + (hang if bullet else 0.0)
        self._lines = lines
        self._wrapped_for: float | None = None if lines is None else -1.0
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.keepWithNext = style.keep_with_next

    def _ensure_lines(self, width: float) -> list[Line]:
        if self._lines is None or (self._wrapped_for not in (-1.0, width)):
            style = self.style
            usable = max(width - self._offset, style.size)
            self._lines = layout(
                self.text, usable, style.size, style.bold, style.rtl, style.hyphenate
            )
            self._wrapped_for = width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Break the text for ``avail_width``; the height is one leading per line."""
        lines = self._ensure_lines(avail_width)
        self.width = avail_width
        self.height = len(lines) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split between lines when the text does not fit the rest of the frame."""
        lines = self._ensure_lines(avail_width)
        fits = int(avail_height // self.style.leading)
        if fits >= len(lines):
            return []
        # no line left alone at a page's foot or head: a short paragraph moves whole
        fits = min(fits, len(lines) - _LEAST_LINES)
        if fits < _LEAST_LINES:
            return []
        head = TextBlock(self.text, self.style, lines[:fits], self.bullet)
        tail = TextBlock(self.text, self.style, lines[fits:])
        tail._offset = self._offset
        tail.spaceBefore = 0
        head.spaceAfter = 0
        return [head, tail]

    def draw(self) -> None:
        """Draw each line, aligned to the start of the base direction."""
        style = self.style
        canvas: Any = self.canv
        canvas.setFillColor(style.color)
        align = style.resolved_align
        x = {
            "left": self._offset,
            "right": self.width - self._offset,
            "center": self.width / 2,
        }[align]
        descent = (style.leading - style.size) / 2 + style.size * 0.22
        y = self.height - style.leading + descent
        if self.bullet:
            mark = single_line(self.bullet, style.size, style.bold)
            start = self.width - style.indent if align == "right" else style.indent
            draw_aligned(canvas, mark, start, y, style.size, align)
        for line in self._lines or []:
            draw_aligned(canvas, line, x, y, style.size, align)
            y -= style.leading


class Rule(Flowable):
    """A horizontal rule with space around it (reportlab's HRFlowable draws in user colours)."""

    def __init__(self, color: Any, thickness: float = 0.6, space: float = 4.0) -> None:
        super().__init__()
        self.color = color
        self.thickness = thickness
        self.spaceBefore = space
        self.spaceAfter = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """A full-width rule of ``thickness`` points."""
        self.width = avail_width
        return avail_width, self.thickness

    def draw(self) -> None:
        """Draw the rule."""
        canvas: Any = self.canv
        canvas.setStrokeColor(self.color)
        canvas.setLineWidth(self.thickness)
        canvas.line(0, self.thickness / 2, self.width, self.thickness / 2)


class RowTable(Table):
    """A table whose rows move to the next page whole when they fit on one, split otherwise.

    reportlab splits a row inside its cells (``splitInRow``) as soon as the first row left
    does not fit the space below, which leaves a line or two of a short row behind on a page.
    Here a row is only split when it is at the top of a page already or taller than a page.
    """

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split between rows; inside a row only when the row cannot move to a new page.

        Inside a row, parts are at least ``splitInRow`` points high when possible, and any
        height when not (a row just taller than a page).
        """
        least = int(self.splitInRow)
        parts = self._split_with(0, avail_width, avail_height)
        if parts or not least or self._next_row_fits_a_page():
            return parts
        return self._split_with(least, avail_width, avail_height) or self._split_with(
            1, avail_width, avail_height
        )

    def _split_with(self, least: int, avail_width: float, avail_height: float) -> list[Flowable]:
        """The table split with in-row parts of at least ``least`` points (0: none)."""
        keep = self.splitInRow
        self.splitInRow = least
        try:
            parts: list[Flowable] = super().split(avail_width, avail_height)
        finally:
            self.splitInRow = keep
        for part in parts:  # the pieces copied the setting in force while they were made
            if isinstance(part, Table):
                part.splitInRow = keep
        return parts

    def first_rows_height(self) -> float:
        """The height of the header rows and the first row (after ``wrap``)."""
        heights: list[float] = list(getattr(self, "_rowHeights", []))
        return float(sum(heights[: self._repeat() + 1]))

    def _repeat(self) -> int:
        return int(self.repeatRows) if isinstance(self.repeatRows, int) else 0

    def _next_row_fits_a_page(self) -> bool:
        frame: Any = getattr(self, "_frame", None)
        heights: list[float] = list(getattr(self, "_rowHeights", []))
        repeat = self._repeat()
        if frame is None or frame._atTop or len(heights) <= repeat:
            return False
        usable = frame._height - frame._topPadding - frame._bottomPadding
        return sum(heights[: repeat + 1]) <= float(usable)


class PageMark(Flowable):
    """Draws nothing; records the page it lands on in ``sink[key]`` (keeps with the next)."""

    def __init__(self, key: str, sink: dict[str, int]) -> None:
        super().__init__()
        self.key, self.sink = key, sink
        self.keepWithNext = 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """No room taken."""
        return 0.0, 0.0

    def draw(self) -> None:
        """Remember the page."""
        self.sink[self.key] = int(self.canv.getPageNumber())
