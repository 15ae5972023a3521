"""Translation at the meeting: the interpreter writes the person's own texts in the print language.

Driven by the keyboard in the real editor: the print language is picked in the section, each
Swedish text stands beside its translation field, and what is typed is saved while typing and
undone with Ctrl+Z like any other field.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.translation import translation_text
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.save_timer import SAVE_MS
from tests.builders import PlanBuilder
from tests.ui.editor.helpers import keys, pick

CTRL = Qt.KeyboardModifier.ControlModifier
ARABIC_GOAL = "أن يكون لي بيت"


def _plan(services: Services, language: str = "sv", **person: str) -> PlanDetail:
    plan = PlanBuilder(services).complete(**person)
    fields = dataclasses.replace(plan.fields, print_language=language, what_matters="Mitt hem")
    return services.plans.update_fields(plan.id, plan.version, fields).plan


def _field(editor: PlanEditor, key: str) -> QPlainTextEdit:
    widget = editor.translation_section.bindings[key].widget
    assert isinstance(widget, QPlainTextEdit)
    return widget


def test_picking_arabic_shows_each_swedish_text_beside_a_right_to_left_field(
    qtbot, swedish, open_editor, sqlite_services
) -> None:
    plan = _plan(sqlite_services)
    editor = open_editor(plan.id)
    section = editor.translation_section
    assert "svenska" in section.note.text() and not section.rows

    pick(qtbot, section.language, "العربية (arabiska)")

    stored = sqlite_services.plans.get_plan(plan.id)
    assert stored.fields.print_language == "ar"
    assert section.heading.text() == "9. Översättning för personen (العربية)"
    goal_key = f"translation.ar.goal.{plan.goals[0].id}"
    assert [row.original.text() for row in section.rows.values()] == [
        "Mitt hem",
        "Ha ett eget boende",
        "Boendestöd två gånger i veckan",
    ]
    assert section.rows[goal_key].caption.text() == "Mål 1"
    field = _field(editor, goal_key)
    assert field.layoutDirection() is Qt.LayoutDirection.RightToLeft
    assert field.document().defaultTextOption().alignment() & Qt.AlignmentFlag.AlignRight
    # Tab goes from the language to the first translation, and on to the next
    section.language.setFocus()
    qtbot.keyClick(section.language, Qt.Key.Key_Tab)
    assert _field(editor, "translation.ar.what_matters").hasFocus()
    qtbot.keyClick(_field(editor, "translation.ar.what_matters"), Qt.Key.Key_Tab)
    assert field.hasFocus()


def test_a_typed_translation_is_autosaved_and_undone_with_ctrl_z(
    qtbot, swedish, open_editor, sqlite_services
) -> None:
    plan = _plan(sqlite_services, "ar")
    editor = open_editor(plan.id)
    goal_id = plan.goals[0].id
    field = _field(editor, f"translation.ar.goal.{goal_id}")

    field.setFocus()
    keys(qtbot, field, ARABIC_GOAL)

    def stored() -> str:
        return translation_text(sqlite_services.plans.get_plan(plan.id), "ar", "goal", goal_id)

    qtbot.waitUntil(lambda: stored() == ARABIC_GOAL, timeout=SAVE_MS + 2000)
    assert sqlite_services.plans.get_plan(plan.id).goals[0].text == "Ha ett eget boende"
    assert editor.editor_actions.undo.text() == "&Ångra Ändra översättning av Mål 1"

    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)

    assert stored() == ""
    assert field.toPlainText() == "" and field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored() == ARABIC_GOAL and field.toPlainText() == ARABIC_GOAL


def test_a_new_goal_gets_a_translation_field_and_a_changed_swedish_text_shows_at_once(
    qtbot, open_editor, sqlite_services
) -> None:
    from sip_desk.domain.goal import GoalData

    plan = _plan(sqlite_services, "ti")
    editor = open_editor(plan.id)
    section = editor.translation_section
    typed = _field(editor, "translation.ti.what_matters")
    typed.setFocus()
    keys(qtbot, typed, "ገዛይ")

    saved = sqlite_services.items.add(
        "goal", plan.id, editor.plan.version, GoalData(text="Gå i skolan")
    )
    editor.session.reload()

    key = f"translation.ti.goal.{saved.item_id}"
    assert section.rows[key].original.text() == "Gå i skolan"
    assert typed.toPlainText() == "ገዛይ"  # the row being typed in is kept as it is
    editor.goals_section.what_matters.setFocus()
    keys(qtbot, editor.goals_section.what_matters, " och min katt")
    qtbot.keyClick(editor.goals_section.what_matters, Qt.Key.Key_Tab)
    row = section.rows["translation.ti.what_matters"]
    assert row.original.text() == "Mitt hem och min katt"


def test_a_swedish_print_offers_the_interpreters_language(
    qtbot, swedish, open_editor, sqlite_services
) -> None:
    plan = _plan(sqlite_services)
    person = dataclasses.replace(
        PersonData(first_name=plan.person.first_name, last_name=plan.person.last_name),
        identity_number=plan.person.identity_number,
        interpreter_needed=True,
        interpreter_language="ti",
    )
    sqlite_services.plans.update_person(plan.id, plan.version, person)
    editor = open_editor(plan.id)
    button = editor.translation_section.suggest
    assert button.isVisible() and "ትግርኛ" in button.text()

    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)

    assert sqlite_services.plans.get_plan(plan.id).fields.print_language == "ti"
    assert not button.isVisible()
    assert editor.translation_section.rows


def test_a_translation_typed_after_signing_is_listed_as_a_change_that_leads_back_to_it(
    qtbot, swedish, open_editor, sqlite_services
) -> None:
    from tests.services.test_signing import _sign

    plan = _plan(sqlite_services, "ar")
    _sign(sqlite_services, plan)
    editor = open_editor(plan.id)
    field = _field(editor, f"translation.ar.action.{plan.actions[0].id}")
    field.setFocus()
    keys(qtbot, field, "دعم")
    editor.flush()

    assert list(editor.changes.lines) == ["Ändrad översättning (العربية): vem som gör vad."]
    items = editor.changes.items
    items.setFocus()
    items.setCurrentRow(0)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    assert editor.translation_section.language.hasFocus()


def test_text_typed_for_one_language_is_saved_for_it_when_another_changes_the_language(
    qtbot, open_editor, sqlite_services
) -> None:
    plan = _plan(sqlite_services, "ar")
    editor = open_editor(plan.id)
    field = _field(editor, "translation.ar.what_matters")
    field.setFocus()
    keys(qtbot, field, "بيتي")  # not saved yet: the save timer has not run

    stored = sqlite_services.plans.get_plan(plan.id)
    fields = dataclasses.replace(stored.fields, print_language="ti")
    sqlite_services.plans.update_fields(plan.id, stored.version, fields)  # someone else
    editor.session.reload()

    now = sqlite_services.plans.get_plan(plan.id)
    assert translation_text(now, "ar", "what_matters", None) == "بيتي"
    assert now.fields.print_language == "ti"
    assert sorted(editor.translation_section.rows)[0].startswith("translation.ti.")
    assert "translation.ar.what_matters" not in editor.translation_section.bindings
