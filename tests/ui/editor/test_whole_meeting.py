"""A whole SIP meeting, typed into the editor: the adult addiction and housing case (DOMAIN.md)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from sip_desk.domain.enums import ConsentForm, PrincipalType
from sip_desk.domain.identity import make_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.action_table_model import ActionTableModel as A
from sip_desk.ui.item_models.consent_table_model import ConsentTableModel as C
from sip_desk.ui.item_models.goal_table_model import GoalTableModel as G
from sip_desk.ui.item_models.need_table_model import NeedTableModel as N
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel as P
from tests.ui.editor.helpers import (
    blank_row,
    pick,
    pick_cell,
    pick_detail,
    tick_cell,
    tick_detail,
    type_cell,
    type_detail,
    type_line,
    type_text,
)

IDENTITY = make_identity(date(1984, 5, 17), 321)
PEOPLE = [
    (
        "Anna Andersson",
        "Socialtjänsten Vuxenenheten",
        "Kommun",
        "Socialsekreterare",
        "010-100 10 10",
    ),
    ("Björn Berg", "Beroendemottagningen", "Region", "Sjuksköterska", "010-200 20 20"),
    ("Cecilia Carlsson", "Försäkringskassan", "Annan aktör", "Handläggare", "010-300 30 30"),
]


def _person_and_reason(qtbot: Any, editor: PlanEditor) -> None:
    person = editor.person_section
    type_line(qtbot, person.identity, IDENTITY)
    type_line(qtbot, person.phone, "070-123 45 67")
    type_text(qtbot, person.reason, "Behöver stöd med boende och behandling samtidigt.")
    type_text(qtbot, person.question, "Hur samordnar vi boende och behandling?")
    type_line(qtbot, person.requested_by, "Maria själv")


def _participants_and_consent(qtbot: Any, editor: PlanEditor, today: date) -> None:
    section = editor.participants_section
    table = section.participants.table
    for row, (name, org, principal, role, phone) in enumerate(PEOPLE):
        type_cell(qtbot, table, blank_row(table), P.column_of("name"), name)
        type_cell(qtbot, table, row, P.column_of("organisation"), org)
        pick_cell(qtbot, table, row, P.column_of("principal"), principal)
        type_cell(qtbot, table, row, P.column_of("role"), role)
        type_detail(qtbot, section.participants, row, "phone", phone)
        tick_cell(qtbot, table, row, P.column_of("present"))
    type_cell(qtbot, table, blank_row(table), P.column_of("name"), "Sara Lind")
    tick_detail(qtbot, section.participants, 3, "is_relative")
    pick(qtbot, section.made_with_person, "Ja, tillsammans med personen")
    section.consent_given.setFocus()
    qtbot.keyClick(section.consent_given, Qt.Key.Key_Space)
    type_line(qtbot, section.consent_date, today.isoformat())
    pick(qtbot, section.consent_form, "Skriftligt")
    consents = section.consents.table
    until = (today + timedelta(days=365)).isoformat()
    for row, (_name, org, principal, _role, _phone) in enumerate(PEOPLE):
        type_cell(qtbot, consents, blank_row(consents), C.column_of("organisation"), org)
        pick_cell(qtbot, consents, row, C.column_of("principal"), principal)
        type_cell(
            qtbot,
            consents,
            row,
            C.column_of("information_shared"),
            "Boende, behandling, ersättning",
        )
        type_cell(qtbot, consents, row, C.column_of("valid_until"), until)


def _goals(qtbot: Any, editor: PlanEditor) -> None:
    section = editor.goals_section
    type_text(qtbot, section.what_matters, "Att få bo själv och ha kontakt med min dotter.")
    type_text(qtbot, section.strengths, "Jag är envis och har en syster som stöttar.")
    table = section.goals.table
    type_cell(qtbot, table, blank_row(table), G.column_of("text"), "Ha ett eget boende")
    type_cell(qtbot, table, blank_row(table), G.column_of("text"), "Vara drogfri ett år")
    type_cell(
        qtbot, table, blank_row(table), G.column_of("text"), "Gå på alla samtal i tre månader"
    )
    pick_cell(qtbot, table, 2, G.column_of("term"), "Delmål")
    pick_cell(qtbot, table, 2, G.column_of("parent_id"), "Vara drogfri ett år")


NEEDS = ["Ett eget boende", "Behandling för beroendet", "Försörjning under behandlingen"]


def _actions(qtbot: Any, editor: PlanEditor, today: date) -> None:
    section = editor.actions_section
    needs = section.need_part.table
    for need in NEEDS:
        type_cell(qtbot, needs, blank_row(needs), N.column_of("description"), need)
    table = section.action_part.table
    rows = [
        ("Boendestöd två gånger i veckan", "Kommun", PEOPLE[0][1], "Anna Andersson", 0),
        ("Öppenvårdsbehandling varje vecka", "Region", PEOPLE[1][1], "Björn Berg", 1),
        ("Utreda sjukpenning", "Annan aktör", PEOPLE[2][1], "Cecilia Carlsson", None),
    ]
    for row, (what, principal, org, who, goal) in enumerate(rows):
        type_cell(qtbot, table, blank_row(table), A.column_of("description"), what)
        pick_detail(qtbot, section.action_part, row, "need_id", NEEDS[row])
        pick_cell(qtbot, table, row, A.column_of("responsible_principal"), principal)
        type_detail(qtbot, section.action_part, row, "cost_responsibility", principal)
        type_cell(qtbot, table, row, A.column_of("organisation"), org)
        pick_cell(qtbot, table, row, A.column_of("responsible_participant_id"), f"{who} ({org})")
        type_cell(qtbot, table, row, A.column_of("start_date"), today.isoformat())
        type_cell(
            qtbot, table, row, A.column_of("end_date"), (today + timedelta(weeks=8)).isoformat()
        )
        if goal is not None:
            table.setCurrentIndex(table.model().index(row, 0))
            links = section.goal_links
            links.setFocus()
            links.setCurrentRow(goal)
            qtbot.keyClick(links, Qt.Key.Key_Space)
    tick_detail(qtbot, section.action_part, 2, "is_other_actor")
    type_text(qtbot, section.person_own, "Jag går på alla samtal och söker lägenheter.")
    type_text(qtbot, section.relatives_own, "Sara följer med på visningar.")


def _lead_crisis_follow_up(qtbot: Any, editor: PlanEditor) -> None:
    lead = editor.responsibility_section
    pick(qtbot, lead.lead_principal, "Kommun")
    type_line(qtbot, lead.lead_organisation, PEOPLE[0][1])
    pick(qtbot, lead.coordinator, f"Anna Andersson, {PEOPLE[0][1]}")
    crisis = editor.crisis_section
    type_text(qtbot, crisis.warning_signs, "Slutar svara i telefon.")
    type_text(qtbot, crisis.crisis_contacts, "Ring Anna, kvällstid Sara.")
    follow = editor.follow_up_section
    in_8_weeks = follow.findChild(QPushButton, "follow_up_in_8_weeks")
    qtbot.mouseClick(in_8_weeks, Qt.MouseButton.LeftButton)
    type_line(qtbot, follow.time, "10:00")
    type_line(qtbot, follow.place, "Socialtjänsten, Storgatan 1")
    pick(qtbot, follow.convenor, "Anna Andersson")
    editor.flush()


def test_whole_meeting_for_adult_addiction_and_housing_case(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    today = sqlite_services.ctx.clock.today()
    editor = open_editor(new_plan_id)
    assert editor.completeness.missing  # a new plan lacks almost everything

    _person_and_reason(qtbot, editor)
    _participants_and_consent(qtbot, editor, today)
    _goals(qtbot, editor)
    _actions(qtbot, editor, today)
    _lead_crisis_follow_up(qtbot, editor)

    assert [m.message("en") for m in editor.completeness.missing] == []
    assert editor.completeness.title.text().startswith("<b>✓")
    assert sqlite_services.plans.check(new_plan_id) == []
    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert stored.person.identity_number == IDENTITY
    assert stored.fields.reason == "Behöver stöd med boende och behandling samtidigt."
    assert [p.name for p in stored.participants] == [*(p[0] for p in PEOPLE), "Sara Lind"]
    assert [p.principal for p in stored.participants[:3]] == [
        PrincipalType.KOMMUN,
        PrincipalType.REGION,
        PrincipalType.OTHER,
    ]
    assert stored.participants[3].is_relative and all(p.present for p in stored.participants[:3])
    assert stored.fields.made_with_person is True and stored.fields.plan_consent_given
    assert stored.fields.plan_consent_form is ConsentForm.WRITTEN
    assert {c.organisation for c in stored.consents} == {p[1] for p in PEOPLE}
    goals = {g.text: g for g in stored.goals}
    assert goals["Gå på alla samtal i tre månader"].parent_id == goals["Vara drogfri ett år"].id
    housing, treatment, benefit = stored.actions
    assert [n.description for n in stored.needs] == NEEDS
    assert [a.need_id for a in stored.actions] == [n.id for n in stored.needs]
    assert [a.cost_responsibility for a in stored.actions] == ["Kommun", "Region", "Annan aktör"]
    assert housing.responsible_name == "Anna Andersson"
    assert housing.goal_ids == (goals["Ha ett eget boende"].id,)
    assert treatment.goal_ids == (goals["Vara drogfri ett år"].id,)
    assert treatment.end_date == today + timedelta(weeks=8)
    assert benefit.is_other_actor and benefit.responsible_principal is PrincipalType.OTHER
    assert stored.fields.lead_principal is PrincipalType.KOMMUN
    assert stored.coordinator is not None and stored.coordinator.name == "Anna Andersson"
    meeting = stored.next_follow_up(sqlite_services.ctx.clock.now())
    assert meeting is not None
    local = meeting.starts_at.astimezone(LOCAL_TZ)
    assert (local.date(), local.strftime("%H:%M")) == (today + timedelta(weeks=8), "10:00")
    assert meeting.place == "Socialtjänsten, Storgatan 1"
    assert meeting.convenor_name == "Anna Andersson"
