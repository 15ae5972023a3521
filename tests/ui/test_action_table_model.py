"""ActionTableModel: who does what, when; the responsible person is one of the participants."""

from __future__ import annotations

from typing import Any

from sip_desk.domain.action import ActionDto
from sip_desk.domain.goal import GoalDto
from sip_desk.domain.participant import ParticipantDto
from sip_desk.ui.item_models.action_table_model import ActionTableModel
from sip_desk.ui.item_models.row_table_model import ChoicesRole

ANNA = ParticipantDto(id=7, name="Anna Andersson", organisation="Socialtjänsten")
GOAL = GoalDto(id=1, text="Ha ett eget boende")
ACTION = ActionDto(id=3, description="Boendestöd", goal_ids=(1,), responsible_participant_id=7)


def _model() -> ActionTableModel:
    model = ActionTableModel()
    model.set_context([ANNA], [GOAL])
    model.set_rows([ACTION])
    return model


def test_action_table_model_passes_qtmodeltester(qtmodeltester):
    qtmodeltester.check(_model())


def test_action_table_model_offers_participants_as_responsible():
    model = _model()

    index = model.index(0, ActionTableModel.column_of("responsible_participant_id"))

    assert index.data() == "Anna Andersson (Socialtjänsten)"
    assert [c[0] for c in index.data(ChoicesRole)] == ["", 7]
    assert model.index(0, ActionTableModel.column_of("goal_ids")).data() == "Ha ett eget boende"


def test_action_table_model_links_goals_through_commit_update():
    model = _model()
    seen: list[Any] = []
    model.commit_update = lambda row, data: _record(seen, data)

    model.set_linked_goals(0, ())

    assert seen[0].goal_ids == ()
    assert seen[0].responsible_participant_id == 7


def _record(seen: list[Any], item: Any) -> bool:
    seen.append(item)
    return True
