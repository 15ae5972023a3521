"""Delete a row and press Ctrl+Z: the row is back as it was, nothing changed since signing.

The demo plan of Rania Haddad is signed and has Arabic translations of its goals and actions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from tests.person_helpers import load_demo
from tests.ui.editor.helpers import focused, press

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _arabic(plan: PlanDetail, field: str, item_id: int) -> list[str]:
    return [t.text for t in plan.translations if t.field == field and t.item_id == item_id]


def _open_family(services: Services, open_editor) -> tuple[PlanEditor, PlanDetail]:
    plan = load_demo(services).plans["family"]
    editor = open_editor(plan.id)
    assert not editor.changes.isVisible()  # signed, nothing changed since
    return editor, plan


def test_delete_an_action_and_undo_keeps_its_translation_and_shows_no_change(
    qtbot, swedish, open_editor, sqlite_services
):
    editor, plan = _open_family(sqlite_services, open_editor)
    action = plan.actions[3]
    assert _arabic(plan, "action", action.id)
    press(qtbot, K.Key_4, Qt.KeyboardModifier.AltModifier)  # the needs table
    press(qtbot, K.Key_Tab)  # on to the actions table
    table = editor.actions_section.action_part.table
    assert focused() is table
    for _ in range(3):
        press(qtbot, K.Key_Down)
    assert table.currentIndex().row() == 3

    press(qtbot, K.Key_Delete)
    removed = sqlite_services.plans.get_plan(plan.id)
    assert action.id not in [a.id for a in removed.actions]
    assert editor.changes.isVisible()
    assert any(action.description in line for line in editor.changes.lines)

    press(qtbot, K.Key_Z, CTRL)

    stored = sqlite_services.plans.get_plan(plan.id)
    assert stored.actions == plan.actions
    assert _arabic(stored, "action", action.id) == _arabic(plan, "action", action.id)
    assert not editor.changes.isVisible(), editor.changes.lines
    assert sqlite_services.signing.changes_since_signed(stored).items == ()

    press(qtbot, K.Key_Z, CTRL_SHIFT)  # redo removes it again
    again = sqlite_services.plans.get_plan(plan.id)
    assert action.id not in [a.id for a in again.actions]
    assert not _arabic(again, "action", action.id)
    assert editor.changes.isVisible()


def test_delete_a_goal_and_undo_brings_back_its_sub_goal_links_and_translation(
    qtbot, swedish, open_editor, sqlite_services
):
    editor, plan = _open_family(sqlite_services, open_editor)
    goal = plan.goals[1]  # the parent of a sub-goal, linked from actions, translated
    table = editor.goals_section.goals.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, 0))

    press(qtbot, K.Key_Delete)
    assert goal.id not in [g.id for g in sqlite_services.plans.get_plan(plan.id).goals]
    press(qtbot, K.Key_Z, CTRL)

    stored = sqlite_services.plans.get_plan(plan.id)
    assert stored.goals == plan.goals  # same id, place and sub-goal
    assert stored.actions == plan.actions  # the actions link to it again
    assert _arabic(stored, "goal", goal.id) == _arabic(plan, "goal", goal.id) != []
    assert not editor.changes.isVisible(), editor.changes.lines
    assert table.model().index(1, 0).data() == goal.text
