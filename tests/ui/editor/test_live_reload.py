"""Two copies of SIP Desk on one store: each shows what the other saved, without a save of its own.

Found from outside: the second copy kept showing old text for as long as it saved nothing, and
its user's next edit then brought up a conflict about text they had never seen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from tests.ui.editor.helpers import keys, type_text


def _copy(qtbot, services, plan_id: int) -> PlanEditor:
    """An editor with its own event hub: nothing tells it of the other copy's saves."""
    editor = PlanEditor(services, AppEvents(), plan_id)
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_the_other_copy_shows_a_save_within_seconds_and_types_on_without_a_conflict(
    qtbot, new_plan_id, sqlite_services, monkeypatch
):
    first = _copy(qtbot, sqlite_services, new_plan_id)
    second = _copy(qtbot, sqlite_services, new_plan_id)
    asked: list[object] = []
    monkeypatch.setattr(
        "sip_desk.ui.dialogs.conflict_dialog.ConflictDialog.choose",
        lambda *args: asked.append(args),
    )

    first.activateWindow()
    type_text(qtbot, first.goals_section.strengths, "Envis")
    qtbot.waitUntil(lambda: sqlite_services.plans.get_plan(new_plan_id).fields.strengths == "Envis")

    field = second.goals_section.strengths
    qtbot.waitUntil(lambda: field.toPlainText() == "Envis", timeout=10_000)
    second.activateWindow()
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, field, " och glad")
    field.clearFocus()
    qtbot.waitUntil(
        lambda: sqlite_services.plans.get_plan(new_plan_id).fields.strengths == "Envis och glad"
    )
    assert asked == []


def test_nothing_is_reloaded_over_text_being_typed(qtbot, new_plan_id, sqlite_services):
    first = _copy(qtbot, sqlite_services, new_plan_id)
    second = _copy(qtbot, sqlite_services, new_plan_id)
    type_text(qtbot, first.goals_section.strengths, "Envis")
    qtbot.waitUntil(lambda: sqlite_services.plans.get_plan(new_plan_id).fields.strengths == "Envis")
    binding = second.goals_section.bindings["plan.strengths"]
    binding._dirty = True  # the user of the second copy is in the middle of typing

    assert not second.live.look()

    binding._dirty = False
    assert second.live.look()
    assert second.goals_section.strengths.toPlainText() == "Envis"
