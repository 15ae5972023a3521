"""After signing, the editor says so; once something changed, it says since which version."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.signing_dialog import SigningDialog
from tests.services.signing_helpers import paper_signature, person_signature
from tests.ui.editor.helpers import type_text
from tests.ui.question_boxes import act_in_next_dialog


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


def _sign_in_the_dialog(dialog) -> None:
    """The person draws, the caseworker signed on paper, then "Sign"."""
    person, kim = dialog.rows
    QTest.mousePress(person.pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 70))
    QTest.mouseMove(person.pad, QPoint(160, 30))
    QTest.mouseRelease(person.pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 60))
    QTest.keyClick(kim.method, Qt.Key.Key_Down)  # "Signs here" -> "Signed on paper"
    QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def test_signing_shows_the_new_signed_version_at_once_then_changed_on_the_next_edit(
    qtbot, swedish, open_editor, signed_plan_id
):
    editor = open_editor(signed_plan_id)
    state = editor.signed_state
    type_text(qtbot, editor.goals_section.strengths, "Jag är envis.")
    editor.flush()
    assert state.words == "✎ Ändrad sedan version 1"

    signed = act_in_next_dialog(SigningDialog, _sign_in_the_dialog)
    QTest.keySequence(editor.goals_section.strengths, QKeySequence("Ctrl+Shift+G"))

    assert signed and signed[0].result() == SigningDialog.DialogCode.Accepted
    assert state.words == "✓ Undertecknad version 2, 28 november 2026"  # not reopened
    assert not state.link.isVisible()
    assert not editor.changes.isVisible()
    assert "kan undertecknas" not in editor.completeness.title.text()

    type_text(qtbot, editor.goals_section.what_matters, "Att få sova.")
    editor.flush()

    assert state.words == "✎ Ändrad sedan version 2"
    assert state.link.isVisible()


@pytest.mark.parametrize(
    "key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space], ids=["Return", "Enter", "Space"]
)
def test_enter_or_space_on_the_changes_link_opens_the_changes(
    qtbot, swedish, open_editor, signed_plan_id, key
):
    editor = open_editor(signed_plan_id)
    type_text(qtbot, editor.goals_section.strengths, "Jag är envis.")
    editor.flush()
    link = editor.signed_state.link
    editor.changes.items.setFocus()
    qtbot.keyClick(editor.changes.items, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert link.hasFocus()

    qtbot.keyClick(link, key)

    assert editor.changes.items.hasFocus()
    assert editor.changes.items.currentItem().text().startswith("• ")


def test_enter_on_the_show_changes_link_leaves_the_page_where_it_is(
    qtbot, swedish, open_editor, signed_plan_id
):
    """A cell chosen earlier in the participants table does not pull the page back to it
    when the user, scrolled elsewhere, follows the link to the changes (Enter, then Space)."""
    editor = open_editor(signed_plan_id)
    editor.resize(1100, 700)
    type_text(qtbot, editor.goals_section.strengths, "Jag är envis.")
    editor.flush()
    table = editor.participants_section.participants.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    link = editor.signed_state.link
    link.setFocus()
    bar = editor.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())  # the user scrolls down to the end with the mouse wheel
    where = bar.value()
    qtbot.wait(20)

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        link.setFocus()
        qtbot.keyClick(link, key)
        qtbot.wait(20)
        assert editor.changes.items.hasFocus()
        assert editor.changes.lines == ["Ändrat: dina styrkor."]
        assert bar.value() == where
