"""Every edit is saved through the services at once or within a second."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from sip_desk.ui.editor.bindings import DEBOUNCE_MS
from tests.ui.editor.helpers import type_text


def test_plan_editor_saves_typed_text_within_a_second(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    section = editor.person_section

    started = time.monotonic()
    type_text(qtbot, section.reason, "Behöver stöd med boende och behandling")

    qtbot.waitUntil(
        lambda: (
            sqlite_services.plans.get_plan(new_plan_id).fields.reason
            == "Behöver stöd med boende och behandling"
        ),
        timeout=1500,
    )
    elapsed = time.monotonic() - started
    assert elapsed < 1.0 + DEBOUNCE_MS / 1000


def test_plan_editor_does_not_save_while_still_typing(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    section = editor.person_section

    type_text(qtbot, section.reason, "Halv")

    assert sqlite_services.plans.get_plan(new_plan_id).fields.reason == ""
    assert section.bindings["plan.reason"].pending


def test_plan_editor_saves_at_once_on_leaving_the_field(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    section = editor.person_section
    type_text(qtbot, section.reason, "Boende")

    qtbot.keyClick(section.reason, Qt.Key.Key_Tab)

    assert sqlite_services.plans.get_plan(new_plan_id).fields.reason == "Boende"


def test_plan_editor_flush_saves_pending_text(qtbot, open_editor, new_plan_id, sqlite_services):
    editor = open_editor(new_plan_id)
    type_text(qtbot, editor.crisis_section.warning_signs, "Slutar svara i telefon")

    editor.flush()

    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert stored.fields.crisis_warning_signs == "Slutar svara i telefon"


def test_plan_editor_emits_plan_saved_and_app_event(qtbot, open_editor, new_plan_id, events):
    editor = open_editor(new_plan_id)

    with (
        qtbot.waitSignal(editor.plan_saved, timeout=2000) as saved,
        qtbot.waitSignal(events.plan_changed, timeout=2000) as changed,
    ):
        type_text(qtbot, editor.goals_section.strengths, "Envis")

    assert saved.args == [new_plan_id]
    assert changed.args == [new_plan_id]
