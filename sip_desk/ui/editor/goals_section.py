"""Section 3: what matters to the person, their strengths, and their goals in their own words."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sip_desk.ui.editor.readability_badge import TableReadability
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession
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
        self.goals = self.table_part(
            "goal",
            GoalTableModel(self),
            self.tr("Goals in the person's own words"),
            lambda p: p.goals,
        )
        self._layout.addWidget(self.goals)
        TableReadability(self.goals, "text")

    def focus_chain(self) -> list[QWidget]:
        return [*super().focus_chain(), self.goals.table]
