"""Cells of a CSV file a spreadsheet will open: never read as a formula (CSV injection).

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets (``=HYPERLINK(...)`` sends data away, ``=cmd|...`` ran programs).
As OWASP recommends, such a cell gets a single quote in front: the spreadsheet shows the text.
Every CSV SIP Desk writes goes through :func:`csv_row`.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """``value`` as text a spreadsheet shows as text (a leading ``'`` where it would compute)."""
    cell = str(value)
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_row(values: Iterable[object]) -> list[str]:
    """Every cell of one row through :func:`csv_cell`."""
    return [csv_cell(v) for v in values]
