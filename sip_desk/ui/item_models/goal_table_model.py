"""The person's goals in their own words, edited inline."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sip_desk.domain.enums import GoalTerm
from sip_desk.domain.goal import GoalData, GoalDto
from sip_desk.ui.item_models.cell_values import Column
from sip_desk.ui.item_models.row_table_model import RowTableModel

GoalColumn = IntEnum("GoalColumn", "TEXT TERM PARENT", start=0)


class GoalTableModel(RowTableModel):
    """One goal a line; a sub-goal names the goal it belongs to."""

    CONTEXT = "GoalTableModel"
    DATA_TYPE = GoalData
    PLACEHOLDER = QT_TRANSLATE_NOOP("GoalTableModel", "New goal: type it in the person's words")
    REQUIRED = "text"
    COLUMNS = (
        Column("text", QT_TRANSLATE_NOOP("GoalTableModel", "Goal in the person's own words")),
        Column("term", QT_TRANSLATE_NOOP("GoalTableModel", "Term"), "choice", GoalTerm),
        Column("parent_id", QT_TRANSLATE_NOOP("GoalTableModel", "Sub-goal of"), "choice"),
    )

    def set_rows(self, rows) -> None:  # type: ignore[no-untyped-def]
        super().set_rows(rows)
        self.set_choices("parent_id", self.parent_choices(self.rows))

    @staticmethod
    def parent_choices(goals: list[GoalDto]) -> list[tuple[object, str]]:
        none = QCoreApplication.translate("GoalTableModel", "(main goal)")
        return [("", none)] + [(g.id, g.text[:60]) for g in goals if g.parent_id is None]
