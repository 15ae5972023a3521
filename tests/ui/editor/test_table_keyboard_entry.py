"""Rows are typed into the editor's tables with the keyboard alone, as in a spreadsheet.

Every key goes to the widget that has the focus (``QApplication.focusWidget()``): what lands
where is decided by the editor, never by the test.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QScrollArea

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import (
    ActionStatus,
    GoalTerm,
    InvitationKind,
    PrincipalType,
    RepresentativeKind,
)
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.ui.editor.edits import to_data
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.action_table_model import ActionTableModel as A
from sip_desk.ui.item_models.consent_table_model import ConsentTableModel as C
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel as P
from sip_desk.ui.item_models.row_table_model import RowTableModel
from tests.ui.editor.helpers import focused, press, type_here

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
Cell = str | tuple[K, ...]  # text typed into the cell, or keys pressed there
SHOTS = os.environ.get("SIP_DESK_TEST_SHOTS")  # a folder: save what the screen showed

PEOPLE: list[list[Cell]] = [
    # name, organisation, principal, unit, role, phone, e-mail, summoned/invited,
    # present, relative, chair, contact role
    [
        "Anna Andersson",
        "Socialtjänsten",
        "Kom",
        "Vuxenenheten",
        "Socialsekreterare",
        "010-100 10 10",
        "anna.andersson@kommunen.example",
        (),
        (K.Key_Space,),
        (),
        (K.Key_Space,),
        "Samordnare",
    ],
    [
        "Björn Berg",
        "Beroendemottagningen",
        "Reg",
        "Öppenvården",
        "Sjuksköterska",
        "010-200 20 20",
        "bjorn.berg@regionen.example",
        (K.Key_Down,),
        (K.Key_Space,),
        (),
        (),
        "Fast vårdkontakt",
    ],
    [
        "Sara Lind",
        "",
        "Ann",
        "",
        "Syster",
        "070-555 55 55",
        "",
        (K.Key_Down,),
        (K.Key_Space,),
        (K.Key_Space,),
        (),
        "",
    ],
]
GOAL_TEXTS = ("Ha ett eget boende", "Skriva på ett hyreskontrakt")
NEEDS = ("Ett eget boende", "Stöd i vardagen")


def enter_row(
    qtbot: Any,
    table: ItemTable,
    cells: list[Cell],
    finish: K = K.Key_Enter,
    details: list[Cell] | None = None,
) -> int:
    """Type a row from the "+" line, cell by cell with Tab along the columns the table shows;
    ``finish`` ends the last cell. With ``details``, Ctrl+Enter ends the last cell instead and
    opens the row's detail form: its fields are typed with Tab, Escape goes back to the table
    (and ``finish`` Enter on to a fresh "+" line).

    Returns the line the row was typed on.
    """
    model = table.row_model
    row = table.currentIndex().row()
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    assert model.is_blank(row) and table.state() == QAbstractItemView.State.EditingState
    for at, cell in enumerate(cells):
        column = shown[at]
        # Typing goes on in the row being typed, with an editor open in the current cell.
        assert (table.currentIndex().row(), table.currentIndex().column()) == (row, column)
        assert focused().parentWidget() is table.viewport(), focused()
        _type(qtbot, cell)
        if details is not None and at == len(cells) - 1:
            press(qtbot, K.Key_Enter, CTRL)  # saved, and on to the row's other fields
            break
        press(qtbot, K.Key_Tab if at < len(cells) - 1 else finish)
        assert_focus_visible(f"{table.objectName()}_{row}_{column}")
        if column == model.column_of(model.REQUIRED):
            assert not model.is_blank(row), "the row is stored once its required column is typed"
    if details is not None:
        enter_details(qtbot, table, details)
        assert (table.currentIndex().row(), table.currentIndex().column()) == (row, column)
        if finish in (K.Key_Enter, K.Key_Return):
            press(qtbot, finish)
    return row


def enter_details(qtbot: Any, table: ItemTable, fields: list[Cell]) -> None:
    """Type the open detail form's fields with Tab; Escape saves them and goes back."""
    form = focused().parentWidget()
    while form is not None and not form.objectName().endswith("_detail"):
        form = form.parentWidget()
    assert form is not None and form.isVisible(), focused()
    for at, cell in enumerate(fields):
        assert form.isAncestorOf(focused()), focused()
        _type(qtbot, cell)
        if at < len(fields) - 1:
            press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Escape)
    assert focused() is table and not form.isVisible()


def _type(qtbot: Any, cell: Cell) -> None:
    if isinstance(cell, str):
        type_here(qtbot, cell)
    for key in () if isinstance(cell, str) else cell:
        press(qtbot, key)


def split(model: type[RowTableModel], cells: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """The cells of a row in column order: those the table shows, those its detail form has."""
    columns = model.COLUMNS
    shown = [c for c, col in zip(cells, columns, strict=False) if col.table]
    detail = [c for c, col in zip(cells, columns, strict=False) if not col.table]
    return shown, detail


def assert_focus_visible(name: str) -> None:
    """The cell being typed in is on screen (a screenshot is saved when SHOTS is set)."""
    QApplication.processEvents()  # the page scrolls once the table has its new height
    widget = focused()
    viewport = widget.parentWidget()
    table = widget if viewport is None else viewport.parentWidget()
    table = widget if isinstance(widget, ItemTable) else table
    assert isinstance(table, ItemTable), widget
    cell = table.visualRect(table.currentIndex())
    assert table.viewport().rect().contains(cell.center()), name
    area = table.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    assert area is not None
    page = area.viewport()
    box = QRect(table.viewport().mapTo(page, cell.topLeft()), cell.size())
    assert page.rect().top() <= box.top() and box.bottom() <= page.rect().bottom(), name
    assert page.rect().contains(box.center()), name
    if SHOTS:
        table.window().grab().save(str(Path(SHOTS) / f"{name}.png"))


def _participants(qtbot: Any, editor: PlanEditor) -> None:
    press(qtbot, K.Key_2, ALT)  # section 2: the participants table
    table = editor.participants_section.participants.table
    assert focused() is table
    press(qtbot, K.Key_Enter)  # Enter on the table starts the "+" line
    for number, person in enumerate(PEOPLE):
        shown, details = split(P, person)
        assert enter_row(qtbot, table, shown, details=details) == number
    assert table.row_model.is_blank(table.currentIndex().row())
    press(qtbot, K.Key_Escape)  # leave the empty "+" line


def _goals(qtbot: Any, editor: PlanEditor) -> None:
    press(qtbot, K.Key_3, ALT)
    assert focused() is editor.goals_section.what_matters
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Tab)
    table = editor.goals_section.goals.table
    assert focused() is table
    press(qtbot, K.Key_Enter)
    # Enter (not Tab) after the goal's text: typing goes on in the new row all the same.
    type_here(qtbot, GOAL_TEXTS[0])
    press(qtbot, K.Key_Enter)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 1)
    assert isinstance(focused(), QComboBox)
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Enter)  # last column: on to a fresh "+" line
    enter_row(qtbot, table, [GOAL_TEXTS[1], (K.Key_Down,), "Ha"])
    press(qtbot, K.Key_Escape)


def _needs(qtbot: Any, editor: PlanEditor) -> None:
    press(qtbot, K.Key_4, ALT)
    table = editor.actions_section.need_part.table
    assert focused() is table
    press(qtbot, K.Key_Enter)
    enter_row(qtbot, table, [NEEDS[0]])  # one column: Enter goes to a fresh "+" line
    enter_row(qtbot, table, [NEEDS[1]], finish=K.Key_Tab)  # and so does Tab
    assert table.row_model.is_blank(table.currentIndex().row())
    assert isinstance(focused(), QLineEdit)
    press(qtbot, K.Key_Escape)
    press(qtbot, K.Key_Tab)  # on to the actions table


def _action(qtbot: Any, editor: PlanEditor, cells: list[Cell], goal_row: int) -> None:
    section = editor.actions_section
    table = section.action_part.table
    press(qtbot, K.Key_Enter)
    shown, details = split(A, cells)
    row = enter_row(qtbot, table, shown, finish=K.Key_Tab, details=details)
    # Back on the row's status; Tab goes on to the list that ticks the linked goals.
    assert focused() is table and table.currentIndex().column() == A.column_of("status")
    press(qtbot, K.Key_Tab)
    assert focused() is section.goal_links and section.goal_links.isEnabled()
    for _ in range(goal_row):
        press(qtbot, K.Key_Down)
    press(qtbot, K.Key_Space)
    press(qtbot, K.Key_Tab, SHIFT)
    assert focused() is table and table.currentIndex().row() == row


def _actions(qtbot: Any, editor: PlanEditor) -> None:
    assert focused() is editor.actions_section.action_part.table
    first: list[Cell] = ["Boendestöd två gånger i veckan", (K.Key_Down, K.Key_Down), ()]
    first += ["Socialtjänsten", "Boendestödet", "Anna", (), "2026-12-01", "2027-02-28"]
    first += ["På", "Kommunen"]
    _action(qtbot, editor, first, 0)
    second: list[Cell] = ["Följa med på bostadsvisningar", (K.Key_Down,), "Ann", "", ""]
    second += ["Sara", (K.Key_Space,), "20261201", "", (), ""]
    _action(qtbot, editor, second, 1)


def test_keyboard_alone_types_participants_goals_needs_and_actions_into_their_rows(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)

    _participants(qtbot, editor)
    _goals(qtbot, editor)
    _needs(qtbot, editor)
    _actions(qtbot, editor)

    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert [to_data(p, ParticipantData) for p in stored.participants] == [
        ParticipantData(
            name="Anna Andersson",
            organisation="Socialtjänsten",
            principal=PrincipalType.KOMMUN,
            unit="Vuxenenheten",
            role="Socialsekreterare",
            phone="010-100 10 10",
            email="anna.andersson@kommunen.example",
            invitation=InvitationKind.SUMMONED,
            present=True,
            is_chair=True,
            contact_role="Samordnare",
        ),
        ParticipantData(
            name="Björn Berg",
            organisation="Beroendemottagningen",
            principal=PrincipalType.REGION,
            unit="Öppenvården",
            role="Sjuksköterska",
            phone="010-200 20 20",
            email="bjorn.berg@regionen.example",
            invitation=InvitationKind.INVITED,
            present=True,
            contact_role="Fast vårdkontakt",
        ),
        ParticipantData(
            name="Sara Lind",
            principal=PrincipalType.OTHER,
            role="Syster",
            phone="070-555 55 55",
            invitation=InvitationKind.INVITED,
            present=True,
            is_relative=True,
        ),
    ]
    main_goal, sub_goal = stored.goals
    assert [to_data(g, GoalData) for g in stored.goals] == [
        GoalData(text=GOAL_TEXTS[0], term=GoalTerm.LONG, parent_id=None),
        GoalData(text=GOAL_TEXTS[1], term=GoalTerm.SHORT, parent_id=main_goal.id),
    ]
    assert [to_data(n, NeedData) for n in stored.needs] == [NeedData(description=d) for d in NEEDS]
    anna, _bjorn, sara = stored.participants
    housing, daily_life = stored.needs
    assert [to_data(a, ActionData) for a in stored.actions] == [
        ActionData(
            description="Boendestöd två gånger i veckan",
            need_id=daily_life.id,
            responsible_principal=PrincipalType.KOMMUN,
            organisation="Socialtjänsten",
            unit="Boendestödet",
            responsible_participant_id=anna.id,
            start_date=date(2026, 12, 1),
            end_date=date(2027, 2, 28),
            status=ActionStatus.ONGOING,
            goal_ids=(main_goal.id,),
            cost_responsibility="Kommunen",
        ),
        ActionData(
            description="Följa med på bostadsvisningar",
            need_id=housing.id,
            responsible_principal=PrincipalType.OTHER,
            responsible_participant_id=sara.id,
            is_other_actor=True,
            start_date=date(2026, 12, 1),
            status=ActionStatus.PLANNED,
            goal_ids=(sub_goal.id,),
        ),
    ]


def _type_one_participant(qtbot: Any, editor: PlanEditor) -> ItemTable:
    """Anna's name and organisation typed; the table has the focus, on her principal."""
    table = editor.participants_section.participants.table
    table.setFocus()
    press(qtbot, K.Key_Enter)
    enter_row(qtbot, table, ["Anna Andersson", "Socialtjänsten"])
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        0,
        P.column_of("principal"),
    )
    press(qtbot, K.Key_Escape)
    return table


def test_escape_twice_on_the_plus_line_forgets_only_that_draft(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = _type_one_participant(qtbot, editor)
    before = sqlite_services.plans.get_plan(new_plan_id)
    press(qtbot, K.Key_Enter)  # on to the "+" line
    press(qtbot, K.Key_Tab)  # its name is left for later
    type_here(qtbot, "Skolan")
    press(qtbot, K.Key_Tab)
    type_here(qtbot, "Reg")
    assert table.row_model.draft["organisation"] == "Skolan"

    press(qtbot, K.Key_Escape)  # closes the cell, keeping what is typed (in memory)

    assert table.state() == QAbstractItemView.State.NoState
    assert table.model().index(1, P.column_of("organisation")).data() == "Skolan"
    assert (
        table.model().index(1, P.column_of("principal")).data().startswith("Reg")
    )  # the choice typed
    press(qtbot, K.Key_Escape)  # no cell open: the draft goes

    assert table.row_model.draft == {}
    assert table.model().index(1, P.column_of("organisation")).data() == ""
    assert table.model().rowCount() == 2  # Anna's row and an empty "+" line
    after = sqlite_services.plans.get_plan(new_plan_id)
    assert after.version == before.version and after.participants == before.participants
    assert focused() is table and table.state() == QAbstractItemView.State.NoState
    # Typing a name on the "+" line now adds a participant without the forgotten values.
    press(qtbot, K.Key_Enter)
    enter_row(qtbot, table, ["Cecilia Carlsson"])
    stored = sqlite_services.plans.get_plan(new_plan_id).participants
    assert [(p.name, p.organisation) for p in stored] == [
        ("Anna Andersson", "Socialtjänsten"),
        ("Cecilia Carlsson", ""),
    ]


def test_escape_in_a_stored_row_keeps_the_cell_and_ctrl_z_takes_it_back(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = _type_one_participant(qtbot, editor)
    press(qtbot, K.Key_F2)  # edit Anna's principal
    press(qtbot, K.Key_Tab, SHIFT)  # Shift+Tab goes back along the row
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        0,
        P.column_of("organisation"),
    )
    assert cast_line(focused()).text() == "Socialtjänsten"
    qtbot.wait(2000)  # a pause: what is typed next is an undo step of its own
    type_here(qtbot, " Skolan")

    press(qtbot, K.Key_Escape)  # closes the cell; what is typed is saved, as in a field

    def organisations() -> list[str]:
        return [p.organisation for p in sqlite_services.plans.get_plan(new_plan_id).participants]

    assert organisations() == ["Socialtjänsten Skolan"]
    assert table.model().index(0, P.column_of("organisation")).data() == "Socialtjänsten Skolan"
    assert focused() is table and table.currentIndex().row() == 0
    assert table.state() == QAbstractItemView.State.NoState
    press(qtbot, K.Key_Z, CTRL)
    assert organisations() == ["Socialtjänsten"]


def test_enter_in_the_last_column_goes_to_a_fresh_plus_line(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = _type_one_participant(qtbot, editor)
    press(qtbot, K.Key_End)  # Anna's last column: present
    press(qtbot, K.Key_F2)  # edit Anna's last column
    press(qtbot, K.Key_Space)

    press(qtbot, K.Key_Enter)

    assert table.row_model.is_blank(table.currentIndex().row())
    assert table.currentIndex().column() == 0
    assert isinstance(focused(), QLineEdit) and focused().parentWidget() is table.viewport()
    type_here(qtbot, "Björn Berg")
    press(qtbot, K.Key_Tab)
    stored = sqlite_services.plans.get_plan(new_plan_id).participants
    assert [(p.name, p.present) for p in stored] == [
        ("Anna Andersson", True),
        ("Björn Berg", False),
    ]
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        1,
        P.column_of("organisation"),
    )


def test_a_date_the_cell_cannot_take_stays_in_the_open_editor(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = editor.actions_section.action_part.table
    table.setFocus()
    press(qtbot, K.Key_Enter)
    enter_row(qtbot, table, ["Boendestöd", (), "", ()])
    assert table.currentIndex().column() == A.column_of("start_date")
    type_here(qtbot, "1 december")

    press(qtbot, K.Key_Tab)

    assert cast_line(focused()).text() == "1 december"
    assert "ÅÅÅÅ-MM-DD" in editor.actions_section.action_part.error.text()
    press(qtbot, K.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, "2026-12-01")
    press(qtbot, K.Key_Tab)
    assert sqlite_services.plans.get_plan(new_plan_id).actions[0].start_date == date(2026, 12, 1)


def cast_line(widget: object) -> QLineEdit:
    assert isinstance(widget, QLineEdit), widget
    return widget


def test_a_representative_typed_kind_first_is_stored_whole_on_its_own_row(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = editor.person_section.representatives.table
    table.setFocus()
    press(qtbot, K.Key_Enter)

    # The kind comes first; the row is stored once the name (second column) is typed.
    enter_row(qtbot, table, ["God", "Gustav Holm", "070-111 11 11", "gustav@holm.example"])

    assert to_data(
        sqlite_services.plans.get_plan(new_plan_id).person, PersonData
    ).representatives == (
        RepresentativeData(
            kind=RepresentativeKind.GOD_MAN,
            name="Gustav Holm",
            phone="070-111 11 11",
            email="gustav@holm.example",
        ),
    )
    assert table.row_model.is_blank(table.currentIndex().row())  # on to a fresh "+" line


def test_a_consent_typed_along_its_row_lands_on_that_consent(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = editor.participants_section.consents.table
    table.setFocus()
    press(qtbot, K.Key_Enter)

    enter_row(qtbot, table, ["Skolan", "Kom", "Närvaro och betyg"])
    # Enter in a middle column of the row being typed goes on to the next column it shows.
    assert (table.currentIndex().row(), table.currentIndex().column()) == (
        0,
        C.column_of("valid_from"),
    )
    assert isinstance(focused(), QLineEdit)
    press(qtbot, K.Key_Escape)
    press(qtbot, K.Key_Enter, CTRL)
    enter_details(qtbot, table, ["Hälsa"])

    (consent,) = sqlite_services.plans.get_plan(new_plan_id).consents
    assert (consent.organisation, consent.principal) == ("Skolan", PrincipalType.KOMMUN)
    assert (consent.information_shared, consent.information_excluded) == (
        "Närvaro och betyg",
        "Hälsa",
    )
    assert consent.valid_from == sqlite_services.ctx.clock.today()
