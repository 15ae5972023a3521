"""Needs and actions: who does what, when."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from sip_desk.domain.action import ActionData, ActionDto
from sip_desk.domain.enums import ActionStatus, PrincipalType
from sip_desk.domain.goal import GoalDto, NeedDto
from sip_desk.domain.participant import ParticipantDto
from sip_desk.ui.item_models.cell_values import Column
from sip_desk.ui.item_models.need_table_model import NeedTableModel
from sip_desk.ui.item_models.row_table_model import Index, RowTableModel


class ActionTableModel(RowTableModel):
    """One action a line; the responsible person is picked among the participants."""

    CONTEXT = "ActionTableModel"
    DATA_TYPE = ActionData
    PLACEHOLDER = QT_TRANSLATE_NOOP("ActionTableModel", "New action: type what is done")
    REQUIRED = "description"
    COLUMNS = (
        Column("description", QT_TRANSLATE_NOOP("ActionTableModel", "What is done")),
        Column("need_id", QT_TRANSLATE_NOOP("ActionTableModel", "Need"), "choice", table=False),
        Column(
            "responsible_principal",
            QT_TRANSLATE_NOOP("ActionTableModel", "Principal"),
            "choice",
            PrincipalType,
            drop=6,
        ),
        Column("organisation", QT_TRANSLATE_NOOP("ActionTableModel", "Organisation"), drop=3),
        Column("unit", QT_TRANSLATE_NOOP("ActionTableModel", "Unit"), table=False),
        Column(
            "responsible_participant_id",
            QT_TRANSLATE_NOOP("ActionTableModel", "Responsible person"),
            "choice",
            drop=2,
        ),
        Column(
            "is_other_actor",
            QT_TRANSLATE_NOOP("ActionTableModel", "Other actor"),
            "bool",
            table=False,
        ),
        Column("start_date", QT_TRANSLATE_NOOP("ActionTableModel", "Start"), "date", drop=5),
        Column("end_date", QT_TRANSLATE_NOOP("ActionTableModel", "End"), "date", drop=4),
        Column(
            "status",
            QT_TRANSLATE_NOOP("ActionTableModel", "Status"),
            "choice",
            ActionStatus,
            drop=1,
        ),
        Column(
            "cost_responsibility",
            QT_TRANSLATE_NOOP("ActionTableModel", "Cost responsibility"),
            table=False,
        ),
        Column(
            "goal_ids", QT_TRANSLATE_NOOP("ActionTableModel", "Linked goals"), "goals", table=False
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.goals: list[GoalDto] = []

    def set_context(
        self,
        participants: list[ParticipantDto],
        goals: list[GoalDto],
        needs: list[NeedDto] | None = None,
    ) -> None:
        """What the choice columns offer (participants, needs) and the goals to show."""
        self.goals = list(goals)
        none = QCoreApplication.translate("ActionTableModel", "(not chosen)")
        choices: list[tuple[object, str]] = [("", none)]
        choices += [(p.id, p.label) for p in participants]
        self.set_choices("responsible_participant_id", choices)
        self.set_choices("need_id", NeedTableModel.need_choices(list(needs or ())))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self.COLUMNS[index.column()].kind == "goals":
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return super().flags(index)

    def display(self, column: Column, value: Any) -> str:
        if column.kind == "goals":
            texts = {g.id: g.text for g in self.goals}
            return "; ".join(texts.get(i, "") for i in value or ())
        return super().display(column, value)

    def linked_goals(self, row: int) -> tuple[int, ...]:
        """The goal ids of line ``row`` (none for the blank line)."""
        return () if self.is_blank(row) else tuple(self.rows[row].goal_ids)

    def set_linked_goals(self, row: int, goal_ids: tuple[int, ...]) -> bool:
        """Link line ``row`` to exactly ``goal_ids``."""
        if self.is_blank(row):
            self.draft["goal_ids"] = goal_ids
            return True
        action: ActionDto = self.rows[row]
        return self.commit_update(action, replace(self.row_data(action), goal_ids=goal_ids))
