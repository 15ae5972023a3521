"""A new participant is not both "another actor" and "summoned"; the coordinator is named so."""

from __future__ import annotations

from sip_desk.domain.enums import InvitationKind, PrincipalType
from sip_desk.domain.text import text
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel as P
from tests.ui.editor.helpers import blank_row, pick_cell, type_cell


def test_a_new_participant_is_invited_until_a_principal_makes_them_summoned(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = editor.participants_section.participants.table
    model = table.model()
    row = blank_row(table)
    invitation = model.index(row, P.column_of("invitation"))

    assert model.index(row, P.column_of("principal")).data() == "Annan aktör"
    assert invitation.data() == "Inbjuden"  # before a name is typed too

    type_cell(qtbot, table, row, P.column_of("name"), "Björn Berg")
    stored = sqlite_services.plans.get_plan(new_plan_id).participants[0]
    assert (stored.principal, stored.invitation) == (PrincipalType.OTHER, InvitationKind.INVITED)

    type_cell(qtbot, table, row, P.column_of("organisation"), "Beroendemottagningen")
    pick_cell(qtbot, table, row, P.column_of("principal"), "Region")
    assert model.index(row, P.column_of("invitation")).data() == "Kallad"
    stored = sqlite_services.plans.get_plan(new_plan_id).participants[0]
    assert (stored.principal, stored.invitation) == (PrincipalType.REGION, InvitationKind.SUMMONED)

    # Set by hand against the rule, the invitation stays when the principal changes again.
    pick_cell(qtbot, table, row, P.column_of("invitation"), "Inbjuden")
    pick_cell(qtbot, table, row, P.column_of("principal"), "Kommun")
    stored = sqlite_services.plans.get_plan(new_plan_id).participants[0]
    assert (stored.principal, stored.invitation) == (PrincipalType.KOMMUN, InvitationKind.INVITED)


def test_the_missing_coordinator_is_not_called_the_lead_principal(
    swedish, open_editor, new_plan_id
):
    editor = open_editor(new_plan_id)
    lines = [
        editor.completeness.items.item(i).text() for i in range(editor.completeness.items.count())
    ]
    assert any(line.startswith("→ Ingen samordnare är vald") for line in lines), lines
    assert not any("(huvudansvarig)" in line for line in lines)
    for lang, coordinator in (("sv", "samordnare"), ("en", "coordinator")):
        message = text(lang, "completeness.coordinator")
        assert coordinator in message.lower()
        assert "huvudansvarig" not in message and "huvudman" not in message
        assert message != text(lang, "completeness.lead_principal")
