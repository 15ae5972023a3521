"""The person's needs (behov) that the actions answer, edited inline."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sip_desk.domain.goal import NeedData, NeedDto
from sip_desk.ui.item_models.cell_values import Column
from sip_desk.ui.item_models.row_table_model import RowTableModel

NeedColumn = IntEnum("NeedColumn", "DESCRIPTION", start=0)


class NeedTableModel(RowTableModel):
    """One need a line; the blank last line adds one when it is described."""

    CONTEXT = "NeedTableModel"
    DATA_TYPE = NeedData
    PLACEHOLDER = QT_TRANSLATE_NOOP("NeedTableModel", "New need: type what is needed")
    REQUIRED = "description"
    COLUMNS = (Column("description", QT_TRANSLATE_NOOP("NeedTableModel", "Need")),)

    @staticmethod
    def need_choices(needs: list[NeedDto]) -> list[tuple[object, str]]:
        """(need id, text) pairs for picking an action's need, with "not chosen" first."""
        none = QCoreApplication.translate("NeedTableModel", "(no need chosen)")
        return [("", none)] + [(n.id, n.description[:60]) for n in needs]
