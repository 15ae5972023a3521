"""Section 3: what matters to the person, their strengths, and their goals in their own words."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sip_desk.domain.errors import ValidationError
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession
from sip_desk.ui.editor.table_part import TablePart
from sip_desk.ui.item_models.goal_table_model import GoalTableModel


class GoalsSection(Section):
    """What matters to me, strengths, and the goals table."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("3. What matters to me, strengths and goals"), parent)
        self.setObjectName("section_goals")
        self.what_matters = self.text()
        self.plan_field("what_matters", self.tr("&What matters to me"), self.what_matters)
        self.strengths = self.text()
        self.plan_field("strengths", self.tr("&Strengths"), self.strengths)
        self.goals = TablePart(
            session,
            "goal",
            GoalTableModel(self),
            self.tr("Goals in the person's own words"),
            lambda plan: plan.goals,
            self,
        )
        self._layout.addWidget(self.goals)

    def refresh(self, plan: PlanDetail) -> None:
        super().refresh(plan)
        self.goals.refresh(plan)

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        return self.goals.show_errors(super().show_errors(errors))

    def clear_errors(self, keys: tuple[str, ...]) -> None:
        super().clear_errors(keys)
        self.goals.clear_errors(keys)

    def focus_anchor(self, anchor: str, entity_id: int | None) -> bool:
        if anchor.startswith("goals"):
            self.focus_widget(self.goals.table)
            self.goals.focus(entity_id)
            return True
        return super().focus_anchor(anchor, entity_id)

    def focus_chain(self) -> list[QWidget]:
        return [*super().focus_chain(), self.goals.table]
