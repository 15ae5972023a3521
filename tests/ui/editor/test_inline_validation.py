"""Bad input gets a message beside the field; nothing is raised, no dialog opens."""

from __future__ import annotations

from datetime import date, timedelta

from sip_desk.domain.identity import make_identity
from sip_desk.ui.item_models.action_table_model import ActionTableModel
from tests.ui.editor.helpers import blank_row, type_cell, type_line


def test_invalid_identity_number_shows_swedish_message_beside_field(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    person = editor.person_section

    type_line(qtbot, person.identity, "19840517-1234")

    error = person.bindings["person.identity_number"].error
    assert error.isVisible()
    assert "kontrollsiffran är fel" in error.text()
    assert error.text().startswith("⚠")  # not only a colour
    assert person.identity.text() == "19840517-1234"  # what was typed stays to be corrected
    assert sqlite_services.plans.get_plan(new_plan_id).person.identity_number is None


def test_error_goes_away_when_the_field_is_corrected(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    person = editor.person_section
    type_line(qtbot, person.identity, "1984")

    valid = make_identity(date(1984, 5, 17), 321)
    type_line(qtbot, person.identity, valid)

    assert not person.bindings["person.identity_number"].error.isVisible()
    assert sqlite_services.plans.get_plan(new_plan_id).person.identity_number == valid


def test_refused_text_survives_other_saves(qtbot, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    person = editor.person_section
    type_line(qtbot, person.email, "maria@")

    type_line(qtbot, person.phone, "070-1")

    assert person.email.text() == "maria@"
    assert person.bindings["person.email"].error.isVisible()


def test_action_end_before_start_is_shown_under_the_table(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    table = editor.actions_section.action_part.table
    today = sqlite_services.ctx.clock.today()
    type_cell(
        qtbot, table, blank_row(table), ActionTableModel.column_of("description"), "Boendestöd"
    )
    type_cell(qtbot, table, 0, ActionTableModel.column_of("start_date"), today.isoformat())

    type_cell(
        qtbot,
        table,
        0,
        ActionTableModel.column_of("end_date"),
        (today - timedelta(days=3)).isoformat(),
    )

    error = editor.actions_section.action_part.error
    assert error.isVisible() and "before the start date" in error.text()
    assert sqlite_services.plans.get_plan(new_plan_id).actions[0].end_date is None


def test_badly_written_date_gets_a_hint(qtbot, swedish, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    consent = editor.participants_section

    type_line(qtbot, consent.consent_date, "23/11")

    error = consent.bindings["plan.plan_consent_date"].error
    assert error.isVisible() and "ÅÅÅÅ-MM-DD" in error.text()


def test_follow_up_in_the_past_is_refused_beside_the_date(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    follow = editor.follow_up_section
    yesterday = sqlite_services.ctx.clock.today() - timedelta(days=1)

    type_line(qtbot, follow.date, yesterday.isoformat())
    type_line(qtbot, follow.time, "10:00")

    assert "past" in follow.bindings["meeting.date"].error.text()
    assert sqlite_services.plans.get_plan(new_plan_id).meetings == ()


def test_stale_edit_is_reloaded_and_saved_calmly(qtbot, open_editor, new_plan_id, sqlite_services):
    editor = open_editor(new_plan_id)
    plan = sqlite_services.plans.get_plan(new_plan_id)
    other = sqlite_services.plans.update_fields(
        plan.id,
        plan.version,
        plan.fields.__class__(**{**plan.fields.__dict__, "strengths": "Envis"}),
    )
    assert other.plan.version > editor.plan.version

    type_line(qtbot, editor.person_section.requested_by, "Maria")

    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert (stored.fields.requested_by, stored.fields.strengths) == ("Maria", "Envis")
    assert editor.notice.isVisible() and "reloaded" in editor.notice.text()
    assert editor.goals_section.strengths.toPlainText() == "Envis"
