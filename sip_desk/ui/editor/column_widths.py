"""Widths of a table's columns that fit the table: no sideways scrolling, headers readable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

CELL_PADDING = 12  # room beside a header's text, so it is never cut
READABLE_SHARE = (
    2 / 5
)  # of the table's width: what the row is keeps at least this (or all it needs)


def columns_to_drop(table: QTableView, drops: dict[int, int], required: int, most: int) -> set[int]:
    """The columns (of ``drops``: column -> its ``Column.drop``) to leave out of ``table`` so
    that the rest fit its width, each no narrower than its header's and its cells' longest word,
    and the ``required`` column (what the row is) as wide as it needs up to a readable share.
    The highest ``drop`` goes first; a column of ``drop`` 0 stays. They stay in the row's form.
    """
    room = table.viewport().width()
    least = {c: max(header_width(table, c), longest_word(table, c)) for c in drops}
    least[required] = readable(least[required], table.sizeHintForColumn(required), most, room)
    dropped: set[int] = set()
    for column in sorted((c for c in drops if drops[c] > 0), key=lambda c: -drops[c]):
        if sum(w for c, w in least.items() if c not in dropped) <= room:
            break
        dropped.add(column)
    return dropped


def fit_columns(
    table: QTableView, required: int, texts: set[int], most: int, stable: bool = False
) -> None:
    """Size the shown columns of ``table`` to fill its width.

    ``stable``: the columns were fitted before at this width and text size; they keep their
    widths (rows added, values typed) unless a header or a word would no longer fit.

    Each is as wide as its content (up to ``most``), never narrower than its header's or its
    cells' longest word while they all fit (so no word is cut). When that is too wide, the
    widest give way first (their text wraps); the ``required`` column (what the row is) keeps
    a fifth of the width. Room left over goes to the ``texts`` columns.
    """
    header = table.horizontalHeader()
    shown = [c for c in range(header.count()) if not table.isColumnHidden(c)]
    current = {c: header.sectionSize(c) for c in shown}
    table.resizeColumnsToContents()
    room = table.viewport().width()
    natural = {c: header.sectionSize(c) for c in shown}
    headers = {c: header_width(table, c) for c in shown}
    least = {c: max(headers[c], longest_word(table, c)) for c in shown}
    if sum(least.values()) > room:
        least = dict(headers)  # rather a long word cut (large text) than sideways scrolling
    if required in least:
        least[required] = readable(least[required], natural[required], most, room)
    if stable and all(current.values()):
        # Rows added or values typed: the columns keep their widths, unless a header or a word
        # would be cut, or the room changed (a scroll bar came or went); then the widest give
        # way, or the spare goes to cut and text columns, as on a fresh fit.
        widths = fitted_widths(current, least, room)
    else:
        widths = fitted_widths({c: min(w, most) for c, w in natural.items()}, least, room)
    widths = widened(widths, natural, [c for c in shown if c in texts], room)
    for column, width in widths.items():
        header.resizeSection(column, width)


def readable(least: int, natural: int, most: int, room: int) -> int:
    """The least width of the column that says what the row is: all it needs (up to ``most``)
    or a readable share of the table's ``room``, whichever is less; never under ``least``."""
    return max(least, min(natural, most, int(room * READABLE_SHARE)))


def longest_word(table: QTableView, column: int) -> int:
    """The width of the longest word in the column's cells: narrower, it would be cut."""
    model, metrics = table.model(), table.fontMetrics()
    words = {
        word
        for row in range(model.rowCount())
        for word in str(model.index(row, column).data() or "").split()
    }
    return max((metrics.horizontalAdvance(w) for w in words), default=0) + CELL_PADDING


def header_width(table: QTableView, column: int) -> int:
    """The width a header's text needs (its longest word, when the header may wrap)."""
    text = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
    metrics = table.horizontalHeader().fontMetrics()
    return max((metrics.horizontalAdvance(w) for w in text.split()), default=0) + CELL_PADDING


def fitted_widths(wanted: dict[int, int], least: dict[int, int], room: int) -> dict[int, int]:
    """Column widths (by column) that fit ``room``: each as ``wanted``, but never under its
    header's ``least``; when they do not fit, the widest give way first (their text wraps)."""
    widths = {c: max(w, least[c]) for c, w in wanted.items()}
    excess = sum(widths.values()) - room
    while excess > 0:
        slack = {c: w - least[c] for c, w in widths.items() if w > least[c]}
        if not slack:
            break
        widest = max(widths[c] for c in slack)
        tied = [c for c in slack if widths[c] == widest]
        lower = max([widths[c] for c in slack if widths[c] < widest] + [0])
        step = min(widest - lower, *(slack[c] for c in tied), -(-excess // len(tied)))
        for c in tied:
            widths[c] -= step
        excess -= step * len(tied)
    return widths


def widened(
    widths: dict[int, int], natural: dict[int, int], texts: list[int], room: int
) -> dict[int, int]:
    """``widths`` grown to fill ``room``: first the columns whose text was cut, up to their
    ``natural`` width, then the text columns (``texts``) alike; never a check box or a date."""
    widths = dict(widths)
    spare = room - sum(widths.values())
    cut = [c for c in widths if natural[c] > widths[c]]
    for column in sorted(cut, key=lambda c: natural[c] - widths[c]):
        if spare <= 0:
            break
        give = min(natural[column] - widths[column], spare // len(cut) if cut else 0)
        widths[column] += give
        spare -= give
    growing = texts or list(widths)[-1:]
    for at, column in enumerate(growing):
        give = spare // (len(growing) - at) if spare > 0 else 0
        widths[column] += give
        spare -= give
    return widths
