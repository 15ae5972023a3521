"""The person's language and interpreter language: picked by name, stored as a code."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollBar

from sip_desk.domain.person import PersonData
from sip_desk.services.registry import Services
from sip_desk.ui.editor.edits import person_data
from tests.ui.editor.helpers import keys, pick


def _person(services: Services, plan_id: int) -> PersonData:
    return person_data(services.plans.get_plan(plan_id))


def test_languages_are_picked_by_name_and_stored_as_codes(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services: Services
):
    editor = open_editor(new_plan_id)
    person = editor.person_section
    assert person.language.currentText() == "Svenska"  # a new person's default, "sv"

    pick(qtbot, person.language, "Soomaali (somaliska)")
    person.interpreter.setFocus()
    qtbot.keyClick(person.interpreter, Qt.Key.Key_Space)
    pick(qtbot, person.interpreter_language, "ትግርኛ (tigrinja)")

    stored = _person(sqlite_services, new_plan_id)
    assert (stored.preferred_language, stored.interpreter_language) == ("so", "ti")
    names = [person.language.itemText(i) for i in range(person.language.count())]
    assert {"Svenska", "English (engelska)", "العربية (arabiska)", "دری (dari)"} <= set(names)


def test_a_language_not_in_the_list_is_typed_and_kept(
    qtbot, open_editor, new_plan_id, sqlite_services: Services
):
    editor = open_editor(new_plan_id)
    combo = editor.person_section.interpreter_language
    combo.setFocus()
    combo.lineEdit().selectAll()
    keys(qtbot, combo.lineEdit(), "Wolof")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)

    assert _person(sqlite_services, new_plan_id).interpreter_language == "Wolof"

    combo.lineEdit().selectAll()
    keys(qtbot, combo.lineEdit(), "arabic")  # a known language typed by its name
    popup = combo.completer().popup()  # suggests "العربية (Arabic)" while typing
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Tab)  # leaving the field saves it
    assert _person(sqlite_services, new_plan_id).interpreter_language == "ar"
    assert combo.currentText() == "العربية (Arabic)"


def test_stored_code_is_shown_by_name_and_undo_restores_it(
    qtbot, open_editor, new_plan_id, sqlite_services: Services
):
    plan = sqlite_services.plans.get_plan(new_plan_id)
    data = dataclasses.replace(person_data(plan), preferred_language="prs")
    sqlite_services.plans.update_person(plan.id, plan.version, data)
    editor = open_editor(new_plan_id)
    combo = editor.person_section.language
    assert combo.currentText() == "دری (Dari)"

    pick(qtbot, combo, "English")
    assert _person(sqlite_services, new_plan_id).preferred_language == "en"
    editor.editor_actions.undo.trigger()
    assert _person(sqlite_services, new_plan_id).preferred_language == "prs"
    assert combo.currentText() == "دری (Dari)"


def test_meeting_mode_shows_language_names_and_a_high_contrast_scrollbar(
    qtbot, swedish, open_editor, make_complete_plan, sqlite_services: Services
):
    plan = sqlite_services.plans.get_plan(make_complete_plan())
    data = dataclasses.replace(
        person_data(plan),
        preferred_language="so",
        interpreter_needed=True,
        interpreter_language="so",
    )
    sqlite_services.plans.update_person(plan.id, plan.version, data)
    editor = open_editor(plan.id)

    editor.show_meeting_mode()

    window = editor.meeting_window
    text = window.text.text()
    assert "Mitt språk: Soomaali (somaliska)" in text and "Tolk: Soomaali" in text
    assert ">so<" not in text and ": so " not in text
    bar = window.scroll_area.verticalScrollBar()
    assert isinstance(bar, QScrollBar)
    image = bar.grab().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() - 2)
    assert middle.lightness() < 40  # black track, not the light default
