"""GoalTableModel: goals in the person's words, sub-goals pick their main goal."""

from __future__ import annotations

from sip_desk.domain.enums import GoalTerm
from sip_desk.domain.goal import GoalDto
from sip_desk.ui.item_models.goal_table_model import GoalTableModel
from sip_desk.ui.item_models.row_table_model import ChoicesRole

GOALS = [
    GoalDto(id=1, text="Ha ett eget boende"),
    GoalDto(id=2, text="Vara drogfri ett år"),
    GoalDto(id=3, text="Gå på alla samtal", term=GoalTerm.SHORT, parent_id=2),
]


def test_goal_table_model_passes_qtmodeltester(qtmodeltester):
    model = GoalTableModel()
    model.set_rows(GOALS)

    qtmodeltester.check(model)


def test_goal_table_model_offers_main_goals_as_parents():
    model = GoalTableModel()
    model.set_rows(GOALS)

    choices = model.index(2, GoalTableModel.column_of("parent_id")).data(ChoicesRole)

    assert [c[0] for c in choices] == ["", 1, 2]
    assert model.index(2, GoalTableModel.column_of("parent_id")).data() == "Vara drogfri ett år"
