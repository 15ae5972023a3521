"""Column widths of a table, from what its cells hold (like a browser's automatic table layout).

Each text column wants room for its longest line (its *natural* width) and needs room for its
longest word (its *least* width, a word being what is left between spaces and the places an
address or a hyphenated word may break without a new hyphen). When every column's natural width
fits, the spare room is shared in proportion; when only the least widths fit, each column gets
its least width and a share of the rest in proportion to how much more it wants; when not even
those fit, the least widths are scaled down and words are hyphenated
(:mod:`sip_desk.pdf.line_breaks`). A column holding anything but text (a signature) keeps the
share of the width it was given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.platypus import Flowable

from sip_desk.pdf.flowables import TextBlock
from sip_desk.pdf.text import text_width

_WORD_BREAKS = re.compile(r"(?<=[@/])|(?<=\.)(?=\w)|(?<=[^\W\d_]-)(?=[^\W\d_])|\s+")
# No column's least width is more than this share of the table: one long word must not
# squeeze every other column into hyphens.
_MOST_LEAST = 0.4


def _text_extent(block: TextBlock) -> tuple[float, float]:
    """(least, natural) width of one text block."""
    style = block.style
    words = [w for w in _WORD_BREAKS.split(block.text) if w]
    least = max((text_width(w, style.size, style.bold) for w in words), default=0.0)
    natural = max(
        (text_width(line, style.size, style.bold) for line in block.text.split("\n")),
        default=0.0,
    )
    return least, natural


def _extents(
    cells: Sequence[Sequence[Sequence[Flowable]]], count: int, padding: float
) -> tuple[list[float], list[float], list[bool]]:
    """Per column: least width, natural width, and whether it holds more than text."""
    least = [0.0] * count
    natural = [0.0] * count
    fixed = [False] * count
    for row in cells:
        for column, cell in enumerate(row[:count]):
            for flowable in cell:
                if not isinstance(flowable, TextBlock):
                    fixed[column] = True
                    continue
                low, high = _text_extent(flowable)
                least[column] = max(least[column], low + padding + flowable._offset)
                natural[column] = max(natural[column], high + padding + flowable._offset)
    return least, natural, fixed


def column_widths(
    cells: Sequence[Sequence[Sequence[Flowable]]],
    fractions: Sequence[float],
    total: float,
    padding: float,
) -> list[float]:
    """The width of each column of ``cells`` (rows of cells of flowables), summing to ``total``.

    ``fractions`` is the share a column without text keeps; ``padding`` is a cell's left plus
    right padding.
    """
    count = len(fractions)
    least, natural, fixed = _extents(cells, count, padding)
    widths = [total * fractions[i] if fixed[i] else 0.0 for i in range(count)]
    room = total - sum(widths)
    free = [i for i in range(count) if not fixed[i]]
    least = [min(least[i], room * _MOST_LEAST) for i in range(count)]
    natural = [max(natural[i], least[i], 1.0) for i in range(count)]
    want_least = sum(least[i] for i in free)
    want_natural = sum(natural[i] for i in free)
    if want_least > room:
        _squeeze(widths, least, free, room)
        return widths
    for i in free:
        if want_natural <= room:
            widths[i] = natural[i] * room / want_natural
        else:
            share = (room - want_least) / (want_natural - want_least)
            widths[i] = least[i] + (natural[i] - least[i]) * share
    return widths


def _squeeze(widths: list[float], least: list[float], free: list[int], room: float) -> None:
    """Least widths that do not fit: narrow columns keep theirs, wide ones share what is left."""
    fair = room / len(free)
    narrow = [i for i in free if least[i] <= fair]
    wide = [i for i in free if least[i] > fair]
    left = room - sum(least[i] for i in narrow)
    wide_total = sum(least[i] for i in wide)
    for i in narrow:
        widths[i] = least[i]
    for i in wide:
        widths[i] = least[i] * left / wide_total
