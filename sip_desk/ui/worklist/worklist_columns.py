"""How wide the worklist's columns want to be, how narrow they may get, and which leave first."""

from __future__ import annotations

from sip_desk.ui.item_models.worklist_table_model import Column
from sip_desk.ui.text_scale import px
from sip_desk.ui.views.column_fit import ColumnFit

# Widths for typical content at normal text size, grown with the text size.
WANTED = {
    Column.DUE: 130,
    Column.URGENCY: 110,
    Column.KIND: 160,
    Column.PERSON: 160,
    Column.RESPONSIBLE: 150,
    Column.ORGANISATION: 170,
    Column.WHAT: 260,
    Column.COORDINATOR: 150,
}
# Readable: a date whole, a name or a kind's first words; below that a column is better left
# out (the row's colour and group heading already say the urgency).
READABLE = {
    Column.DUE: 130,  # a meeting: its day and time
    Column.URGENCY: 80,
    Column.KIND: 100,
    Column.PERSON: 130,
    Column.RESPONSIBLE: 110,
    Column.ORGANISATION: 110,
    Column.WHAT: 160,
    Column.COORDINATOR: 110,
}
# The order columns leave a list too narrow for them (highest first).
DROPS = {Column.URGENCY: 4, Column.ORGANISATION: 3, Column.COORDINATOR: 2, Column.KIND: 1}


def size_columns(columns: ColumnFit) -> None:
    """Wanted widths at the current text size; shrunk (widest first, text elided) when the list
    is narrower, and the least needed columns left out below their readable width."""
    columns.set_wanted(
        {int(column): px(width) for column, width in WANTED.items()},
        {int(column): px(width) for column, width in READABLE.items()},
        {int(column): rank for column, rank in DROPS.items()},
    )
