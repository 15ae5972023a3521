"""After signing, the editor says so; once something changed, it says since which version."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from sip_desk.services.registry import Services
from tests.services.signing_helpers import paper_signature, person_signature
from tests.ui.editor.helpers import type_text


@pytest.fixture
def signed_plan_id(make_complete_plan, sqlite_services: Services, clock) -> int:
    plan_id: int = make_complete_plan()
    clock.set(clock.now() + timedelta(days=5))  # signed on 28 November 2026
    plan = sqlite_services.plans.get_plan(plan_id)
    today = sqlite_services.ctx.clock.today()
    sqlite_services.signing.sign_version(
        plan_id, plan.version, [person_signature(today), paper_signature(today)]
    )
    return plan_id


def test_a_plan_never_signed_shows_no_signed_state(open_editor, swedish, make_complete_plan):
    editor = open_editor(make_complete_plan())

    assert not editor.signed_state.isVisible()
    assert "kan undertecknas" in editor.completeness.title.text()


def test_signed_then_changed_then_the_link_leads_to_the_changes(
    qtbot, swedish, open_editor, signed_plan_id
):
    editor = open_editor(signed_plan_id)
    state = editor.signed_state

    assert state.isVisible()
    assert state.words == "✓ Undertecknad version 1, 28 november 2026"
    assert not state.link.isVisible()
    assert "kan undertecknas" not in editor.completeness.title.text()

    type_text(qtbot, editor.goals_section.strengths, "Jag är envis.")
    editor.flush()

    assert state.words == "✎ Ändrad sedan version 1"
    assert state.link.isVisible()
    assert state.link.text() == "Visa ändringarna"
    assert "kan undertecknas" in editor.completeness.title.text()  # a new version can be

    # The link is in the Tab order, just before the list of changes; Space follows it.
    editor.changes.items.setFocus()
    qtbot.keyClick(editor.changes.items, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert state.link.hasFocus()
    qtbot.keyClick(state.link, Qt.Key.Key_Space)
    assert editor.changes.items.hasFocus()
    assert editor.changes.items.currentRow() == 0

    editor.editor_actions.undo.trigger()  # back to what was signed
    assert state.words == "✓ Undertecknad version 1, 28 november 2026"
    assert not state.link.isVisible()
