"""Building blocks shared by the page builders: text, headings, field lists and tables.

Everything is built in logical order; for a right-to-left document the columns of every table
are mirrored here, so the first column stands on the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.pdf.columns import column_widths
from sip_desk.pdf.flowables import RowTable, TextBlock
from sip_desk.pdf.fonts import BASE
from sip_desk.pdf.labels import Labels
from sip_desk.pdf.styles import FRAME_WIDTH, RULE, SHADE, Styles, TextStyle, make_styles

# A row that does not fit is split only into parts of at least two lines of cell text
# (reportlab's ``splitInRow`` is that least height in points), so no single line is left
# behind on a page.
MIN_ROW_PART = 24
HYPHENATION = ("sv", "en")
CELL_PADDING = 3.0
Cell = str | Flowable | list[Flowable]


def fmt_date(day: date | None) -> str:
    """A date as ISO 8601 (read the same in every language), or an empty string."""
    return day.isoformat() if day else ""


def fmt_time(moment: datetime) -> str:
    """Local (Swedish) clock time, ``HH:MM``."""
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M")


def fmt_local_date(moment: datetime) -> str:
    """The local (Swedish) date of an instant."""
    return moment.astimezone(LOCAL_TZ).date().isoformat()


def span(start: date | None, end: date | None) -> str:
    """A time frame such as ``2026-11-23 – 2027-02-21``."""
    if start is None and end is None:
        return ""
    return f"{fmt_date(start)} – {fmt_date(end)}".strip(" –") if end else f"{fmt_date(start)} –"


@dataclass(frozen=True)
class Kit:
    """Labels, styles and direction of one document, with helpers to make flowables."""

    labels: Labels
    styles: Styles

    @classmethod
    def for_language(cls, language: str) -> Kit:
        """A kit for ``language`` (sv, en or ar)."""
        labels = Labels(language)
        # the plan's own texts are mostly Swedish, whatever the print language
        hyphenate = language if language in HYPHENATION else "sv"
        return cls(labels=labels, styles=make_styles(labels.rtl, hyphenate))

    @property
    def rtl(self) -> bool:
        """True for a right-to-left document."""
        return self.labels.rtl

    def text(self, text: str, style: TextStyle | None = None) -> TextBlock:
        """A paragraph in ``style`` (body text by default)."""
        return TextBlock(text, style or self.styles.body)

    def heading(self, key: str) -> TextBlock:
        """A section heading from the label catalogue."""
        return TextBlock(self.labels(key), self.styles.heading)

    def subheading(self, key: str) -> TextBlock:
        """A sub-heading from the label catalogue."""
        return TextBlock(self.labels(key), self.styles.subheading)

    def bullet(self, text: str, style: TextStyle | None = None, mark: str = "•") -> TextBlock:
        """A paragraph with a hanging bullet on the start side."""
        return TextBlock(text, style or self.styles.body, bullet=mark)

    def bullets(self, items: Sequence[str], style: TextStyle | None = None) -> list[Flowable]:
        """One bulleted paragraph per non-empty item."""
        return [self.bullet(item, style) for item in items if item.strip()]

    def fields(self, rows: Sequence[tuple[str, str]], label_width: float = 0.3) -> Flowable:
        """A two-column list of ``(label key, value)``; empty values are left out."""
        shown = [(key, value) for key, value in rows if value.strip()]
        if not shown:
            shown = [(rows[0][0], self.labels("none"))] if rows else []
        data: list[list[Cell]] = [
            [TextBlock(self.labels(key), self.styles.cell_bold), TextBlock(value, self.styles.cell)]
            for key, value in shown
        ]
        return self.table(data, (label_width, 1 - label_width), header=False)

    def table(
        self,
        rows: Sequence[Sequence[Cell]],
        fractions: Sequence[float],
        header: bool = True,
    ) -> Table:
        """A full-width table; a header row repeats on each page; RTL mirrors the columns.

        Column widths follow the content (:mod:`sip_desk.pdf.columns`); ``fractions`` is the
        share kept by a column that holds more than text. A row taller than the space left is
        split between the lines of its cells (parts of at least :data:`MIN_ROW_PART` points).
        """
        cells = [[self._cell(c, header and i == 0) for c in row] for i, row in enumerate(rows)]
        widths = column_widths(cells, fractions, FRAME_WIDTH, 2 * CELL_PADDING)
        if self.rtl:
            cells = [list(reversed(row)) for row in cells]
            widths.reverse()
        table = RowTable(
            cells,
            colWidths=widths,
            repeatRows=1 if header else 0,
            hAlign="CENTER",
            splitInRow=MIN_ROW_PART,
        )
        commands: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), BASE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
        table.setStyle(TableStyle(commands))
        return table

    def _cell(self, value: Cell, bold: bool) -> list[Flowable]:
        """A cell's content as a list: reportlab splits a row only through list cells."""
        if isinstance(value, str):
            return [TextBlock(value, self.styles.cell_bold if bold else self.styles.cell)]
        return list(value) if isinstance(value, list | tuple) else [value]

    def header_row(self, *keys: str) -> list[Cell]:
        """A table header row from label keys."""
        return [self.labels(key) for key in keys]
