"""ParticipantTableModel: rows, inline edits handed to the services, the blank line adds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt

from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.participant import ParticipantDto
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel
from sip_desk.ui.item_models.row_table_model import RowRole

ANNA = ParticipantDto(id=7, name="Anna Andersson", organisation="Socialtjänsten", present=True)


def test_participant_table_model_passes_qtmodeltester(qtmodeltester):
    model = ParticipantTableModel()
    model.set_rows([ANNA, ParticipantDto(id=8, name="Sara Lind", is_relative=True)])

    qtmodeltester.check(model)


def test_participant_table_model_shows_rows_and_a_blank_line():
    model = ParticipantTableModel()
    model.set_rows([ANNA])

    assert model.rowCount() == 2
    assert model.index(0, ParticipantTableModel.column_of("name")).data() == "Anna Andersson"
    assert (
        model.index(0, ParticipantTableModel.column_of("present")).data(
            Qt.ItemDataRole.CheckStateRole
        )
        == Qt.CheckState.Checked
    )
    assert model.index(0, ParticipantTableModel.column_of("name")).data(RowRole) == ANNA
    assert model.index(1, ParticipantTableModel.column_of("name")).data(RowRole) is None
    assert model.index(1, ParticipantTableModel.column_of("name")).data()  # a hint to type a name


def test_participant_table_model_hands_an_edit_to_commit_update():
    model = ParticipantTableModel()
    model.set_rows([ANNA])
    seen: list[Any] = []
    model.commit_update = lambda row, data: _record(seen, (row.id, data))

    assert model.setData(model.index(0, ParticipantTableModel.column_of("principal")), "kommun")

    row_id, data = seen[0]
    assert row_id == 7
    assert data.principal is PrincipalType.KOMMUN
    assert data.name == "Anna Andersson"


def test_participant_table_model_adds_once_a_name_is_typed_in_the_blank_line():
    model = ParticipantTableModel()
    added: list[Any] = []
    model.commit_add = lambda data: _record(added, data)

    model.setData(
        model.index(0, ParticipantTableModel.column_of("organisation")), "Försäkringskassan"
    )
    assert added == []
    model.setData(model.index(0, ParticipantTableModel.column_of("name")), "Cecilia Carlsson")

    assert [(d.name, d.organisation) for d in added] == [("Cecilia Carlsson", "Försäkringskassan")]
    assert model.draft == {}


def test_participant_table_model_keeps_current_cell_when_values_change():
    model = ParticipantTableModel()
    model.set_rows([ANNA])
    resets = []
    model.modelReset.connect(lambda: resets.append(1))

    model.set_rows([ParticipantDto(id=7, name="Anna A", organisation="Socialtjänsten")])

    assert resets == []
    assert model.index(0, ParticipantTableModel.column_of("name")).data() == "Anna A"


def _record(seen: list[Any], item: Any) -> bool:
    seen.append(item)
    return True


def test_participant_table_model_turns_the_blank_line_into_the_added_row(qtmodeltester):
    # Given a model that stores what the blank line adds, and a cell being typed there
    model = ParticipantTableModel()
    model.set_rows([ANNA])
    qtmodeltester.check(model)  # keeps checking the signals below
    cilla = ParticipantDto(id=9, name="Cecilia Carlsson", organisation="Försäkringskassan")
    model.commit_add = lambda data: _stored(model, [ANNA, cilla])
    typing = QPersistentModelIndex(model.index(1, ParticipantTableModel.column_of("organisation")))
    model.setData(typing, "Försäkringskassan")

    # When the name makes it a row
    model.setData(model.index(1, ParticipantTableModel.column_of("name")), "Cecilia Carlsson")

    # Then the cell being typed is on Cecilia's row, and a fresh blank line follows it
    assert typing.row() == 1 and typing.data() == "Försäkringskassan"
    assert typing.data(RowRole) == cilla
    assert model.rowCount() == 3 and model.is_blank(2)
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["1", "2", "+"]


def test_participant_table_model_keeps_the_blank_line_for_a_row_added_elsewhere():
    # Given something typed on the blank line
    model = ParticipantTableModel()
    model.set_rows([ANNA])
    typing = QPersistentModelIndex(model.index(1, ParticipantTableModel.column_of("organisation")))
    model.setData(typing, "Skolan")

    # When another part of the app adds a row
    model.set_rows([ANNA, ParticipantDto(id=9, name="Cecilia Carlsson")])

    # Then the typing stays on the blank line, now below the new row
    assert typing.row() == 2 and model.is_blank(2)
    assert typing.data() == "Skolan"


def test_participant_table_model_discards_only_the_draft():
    model = ParticipantTableModel()
    model.set_rows([ANNA])
    model.setData(model.index(1, ParticipantTableModel.column_of("organisation")), "Skolan")

    model.discard_draft()

    assert (
        model.draft == {}
        and model.index(1, ParticipantTableModel.column_of("organisation")).data() == ""
    )
    assert model.rows == [ANNA]


def _stored(model: ParticipantTableModel, rows: list[ParticipantDto]) -> bool:
    model.set_rows(rows)  # as the editor does when the plan comes back saved
    return True
