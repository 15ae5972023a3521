"""NeedTableModel, and the need and cost columns of ActionTableModel."""

from __future__ import annotations

from sip_desk.domain.action import ActionDto
from sip_desk.domain.goal import NeedData, NeedDto
from sip_desk.ui.item_models.action_table_model import ActionTableModel
from sip_desk.ui.item_models.need_table_model import NeedTableModel
from sip_desk.ui.item_models.row_table_model import ChoicesRole

HOUSING = NeedDto(id=4, description="Ett eget boende")
ACTION = ActionDto(id=3, description="Boendestöd", need_id=4, cost_responsibility="Kommunen")


def test_need_table_model_passes_qtmodeltester(qtmodeltester):
    model = NeedTableModel()
    model.set_rows([HOUSING])
    qtmodeltester.check(model)


def test_need_table_model_adds_a_need_from_the_blank_line():
    model = NeedTableModel()
    added: list[NeedData] = []

    def commit_add(data: NeedData) -> bool:
        added.append(data)
        return True

    model.commit_add = commit_add

    model.setData(model.index(0, 0), "Behandling")

    assert added == [NeedData(description="Behandling")]


def test_action_table_model_offers_the_plans_needs_and_shows_who_pays(qtmodeltester):
    model = ActionTableModel()
    model.set_context([], [], [HOUSING])
    model.set_rows([ACTION])
    qtmodeltester.check(model)

    need = model.index(0, ActionTableModel.column_of("need_id"))
    assert need.data() == "Ett eget boende"
    assert [c[0] for c in need.data(ChoicesRole)] == ["", 4]
    assert model.index(0, ActionTableModel.column_of("cost_responsibility")).data() == "Kommunen"
