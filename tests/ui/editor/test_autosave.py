"""Typed text is saved through the services while the caseworker is still typing.

The rule (sip_desk/ui/save_timer.py): a field is saved at most ``SAVE_MS`` after its first
unsaved keystroke, however steadily the typing goes on, and at once on leaving the field.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sip_desk.domain.action import ActionData
from sip_desk.ui.save_timer import SAVE_MS
from tests.ui.editor.helpers import keys, type_text

KEY_MS = 150
"""A steady typist: one key every 150 ms, never a pause as long as ``SAVE_MS``."""
SLACK = 0.5
"""Seconds allowed on top of ``SAVE_MS`` for the save itself and a busy test machine."""


def type_steadily(
    qtbot, widget: QWidget, text: str, after_key: Callable[[int], None] = lambda _n: None
) -> None:
    """Type ``text`` one key every ``KEY_MS`` ms (the event loop runs in between)."""
    widget.setFocus()
    for n, ch in enumerate(text, 1):
        qtbot.wait(KEY_MS)
        keys(qtbot, widget, ch)
        after_key(n)


def test_steady_typing_is_saved_before_the_typing_stops(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    text = "Att få bo hemma"  # 15 keys: over 2 s without a pause
    typed_at: list[float] = []
    stored_while_typing: list[str] = []

    def read_store(_n: int) -> None:
        typed_at.append(time.monotonic())
        stored_while_typing.append(sqlite_services.plans.get_plan(new_plan_id).fields.what_matters)

    type_steadily(qtbot, editor.goals_section.what_matters, text, read_store)

    stored = stored_while_typing[-1]  # read right after the last key, before any pause
    assert any(stored_while_typing[:-1]), "nothing was saved while typing"
    assert text.startswith(stored)
    # Everything typed a second before the typing stopped was already stored.
    due = sum(1 for t in typed_at if t <= typed_at[-1] - (SAVE_MS / 1000 + SLACK))
    assert stored.startswith(text[:due]), (due, stored)
    qtbot.waitUntil(
        lambda: sqlite_services.plans.get_plan(new_plan_id).fields.what_matters == text,
        timeout=SAVE_MS + 1000,
    )


def test_the_last_key_is_saved_within_half_a_second(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    text = "Behöver stöd med boende och behandling"
    type_text(qtbot, editor.person_section.reason, text)
    last_key = time.monotonic()

    qtbot.waitUntil(
        lambda: sqlite_services.plans.get_plan(new_plan_id).fields.reason == text,
        timeout=SAVE_MS + 1500,
    )

    assert time.monotonic() - last_key < SAVE_MS / 1000 + SLACK


def test_a_burst_of_keys_is_one_save_not_one_per_key(qtbot, open_editor, new_plan_id):
    editor = open_editor(new_plan_id)
    section = editor.person_section
    saves: list[int] = []
    editor.plan_saved.connect(saves.append)

    type_text(qtbot, section.reason, "Halv")
    assert section.bindings["plan.reason"].pending
    qtbot.wait(SAVE_MS * 2)

    assert saves == [new_plan_id]
    assert editor.plan.fields.reason == "Halv"


def test_plan_editor_saves_at_once_on_leaving_the_field(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    section = editor.person_section
    type_text(qtbot, section.reason, "Boende")

    qtbot.keyClick(section.reason, Qt.Key.Key_Tab)

    assert sqlite_services.plans.get_plan(new_plan_id).fields.reason == "Boende"


def test_half_typed_values_get_no_message_until_the_typist_pauses(
    qtbot, open_editor, new_plan_id, sqlite_services
):
    editor = open_editor(new_plan_id)
    person = editor.person_section
    email, date = person.bindings["person.email"], person.bindings["plan.requested_on"]

    def no_message(_n: int) -> None:
        assert not email.error.isVisible(), email.error.text()
        assert not date.error.isVisible(), date.error.text()

    type_steadily(qtbot, person.email, "maria.lind@example.se", no_message)
    type_steadily(qtbot, person.requested_on, "2026-1", no_message)

    qtbot.waitUntil(date.error.isVisible, timeout=SAVE_MS + 1000)
    assert "YYYY-MM-DD" in date.error.text()
    stored = sqlite_services.plans.get_plan(new_plan_id)
    assert stored.person.email == "maria.lind@example.se"
    assert stored.fields.requested_on is None


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
    assert changed.args == [new_plan_id, editor]  # the editor names itself as the initiator


def test_two_editors_of_one_plan_show_each_others_saves_but_not_their_own_echo(
    qtbot, open_editor, new_plan_id, events, sqlite_services, monkeypatch
):
    other = open_editor(new_plan_id)
    mine = open_editor(new_plan_id)
    reads: list[int] = []
    real_get = sqlite_services.plans.get_plan

    def counting_get(plan_id: int):
        reads.append(plan_id)
        return real_get(plan_id)

    monkeypatch.setattr(sqlite_services.plans, "get_plan", counting_get)
    with qtbot.waitSignal(events.plan_changed, timeout=2000):
        type_text(qtbot, mine.goals_section.strengths, "Envis")

    # The other editor read the plan again and shows the text; the saving one did not re-read.
    assert reads == [new_plan_id]
    assert other.goals_section.strengths.toPlainText() == "Envis"
    assert mine.plan.fields.strengths == other.plan.fields.strengths == "Envis"
    assert mine.plan.version == other.plan.version


def test_a_saved_field_refreshes_the_field_inputs_and_panels_but_not_the_tables(
    qtbot, open_editor, make_complete_plan, sqlite_services, events
):
    services = sqlite_services
    editor = open_editor(make_complete_plan())
    tables = [editor.actions_section.model, editor.participants_section.participants.model]
    repainted: list[str] = []
    for model in tables:
        model.dataChanged.connect(lambda *_a, m=model: repainted.append(type(m).__name__))
        model.modelReset.connect(lambda m=model: repainted.append(type(m).__name__))

    with qtbot.waitSignal(editor.plan_saved, timeout=2000):
        type_text(qtbot, editor.goals_section.strengths, "Envis")

    assert editor.plan.fields.strengths.endswith("Envis")
    assert repainted == []  # no row of any table changed, so no table was refilled
    # An action changed elsewhere in the app: this editor reloads and refills that table.
    plan = editor.plan
    action = plan.actions[0]
    names = [f.name for f in dataclasses.fields(ActionData)]
    data = ActionData(**{n: getattr(action, n) for n in names})
    services.items.update(
        "action",
        plan.id,
        plan.version,
        action.id,
        dataclasses.replace(data, description="Varje vecka"),
    )
    events.plan_changed.emit(plan.id, None)
    assert "ActionTableModel" in repainted
    assert editor.plan.actions[0].description == "Varje vecka"
