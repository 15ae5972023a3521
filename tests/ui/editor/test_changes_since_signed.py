"""What changed since the last signed version is in view while editing; print and sign."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.goal_table_model import GoalColumn
from tests.services.signing_helpers import paper_signature, person_signature
from tests.ui.editor.helpers import blank_row, keys, type_cell, type_text


def _sign(services: Services, plan_id: int) -> None:
    plan = services.plans.get_plan(plan_id)
    today = services.ctx.clock.today()
    services.signing.sign_version(
        plan_id, plan.version, [person_signature(today), paper_signature(today)]
    )


@pytest.fixture
def signed_plan_id(make_complete_plan, sqlite_services: Services) -> int:
    plan_id: int = make_complete_plan()
    _sign(sqlite_services, plan_id)
    return plan_id


def test_panel_is_hidden_for_a_plan_never_signed(open_editor, make_complete_plan):
    editor = open_editor(make_complete_plan())

    assert not editor.changes.isVisible()


def test_panel_is_hidden_right_after_signing_and_lists_changes_after_each_save(
    qtbot, swedish, open_editor, signed_plan_id
):
    editor = open_editor(signed_plan_id)
    assert not editor.changes.isVisible()

    type_text(qtbot, editor.goals_section.strengths, "Jag är envis.")
    editor.flush()
    table = editor.goals_section.goals.table
    type_cell(qtbot, table, blank_row(table), GoalColumn.TEXT, "Börja arbetsträna")

    panel = editor.changes
    assert panel.isVisible()
    assert panel.title.text() == "<b>✎ Ändrat sedan undertecknad version 1 (2)</b>"
    assert "godkänna" in panel.approval.text()
    assert any("Börja arbetsträna" in line for line in panel.lines)
    assert any("Styrkor" in line or "styrkor" in line for line in panel.lines), panel.lines

    editor.editor_actions.undo.trigger()  # the goal goes again
    editor.editor_actions.undo.trigger()  # and the strengths
    assert not panel.isVisible()


def test_a_change_line_leads_to_its_row(qtbot, open_editor, signed_plan_id):
    editor = open_editor(signed_plan_id)
    table = editor.goals_section.goals.table
    type_cell(qtbot, table, blank_row(table), GoalColumn.TEXT, "Start work training")
    items = editor.changes.items
    items.setFocus()
    items.setCurrentRow(0)

    qtbot.keyClick(items, Qt.Key.Key_Return)

    assert table.hasFocus()
    assert table.currentIndex().data() == "Start work training"
    assert any("Start work training" in line for line in editor.changes.lines)


def test_print_flushes_typed_text_and_opens_the_preview_for_this_plan(
    qtbot, swedish, open_editor, make_complete_plan, monkeypatch, sqlite_services
):
    from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog

    editor = open_editor(make_complete_plan())
    opened: list[tuple[Any, int, str]] = []

    def show_for(parent: Any, services: Services, plan: Any, number: int | None = None) -> None:
        # The plan the editor holds, with the text typed just before Ctrl+P saved in it.
        opened.append((parent, plan.id, plan.fields.strengths))
        assert plan == services.plans.get_plan(plan.id)

    monkeypatch.setattr(PrintPreviewDialog, "show_for", staticmethod(show_for))
    strengths = editor.goals_section.strengths
    strengths.setFocus()
    keys(qtbot, strengths, "Envis")  # still waiting for its save

    qtbot.keyClick(strengths, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    assert opened == [(editor, editor.plan.id, editor.plan.fields.strengths)]
    assert opened[0][2].endswith("Envis")
    button = editor.toolbar.findChild(QToolButton, "print_plan_button")
    assert button is not None and button.text() == "Skriv ut"


def test_sign_flushes_opens_the_signing_dialog_and_shows_the_signed_plan(
    qtbot, swedish, open_editor, make_complete_plan, monkeypatch, sqlite_services
):
    from sip_desk.ui.dialogs.signing_dialog import SigningDialog

    editor: PlanEditor = open_editor(make_complete_plan())
    seen: list[str] = []

    def sign(parent: Any, services: Services, plan: PlanDetail) -> PlanDetail:
        seen.append(plan.fields.strengths)
        _sign(services, plan.id)
        return services.plans.get_plan(plan.id)

    monkeypatch.setattr(SigningDialog, "sign", staticmethod(sign))
    strengths = editor.goals_section.strengths
    strengths.setFocus()
    keys(qtbot, strengths, "Envis")
    button = editor.toolbar.findChild(QToolButton, "sign_plan_button")
    assert button is not None and button.text() == "Skriv under"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert seen and seen[0].endswith("Envis")  # the dialog saw what was typed
    assert editor.plan.versions[-1].state.value == "signed"
    type_text(qtbot, editor.goals_section.strengths, "Envis och modig")
    editor.flush()
    assert editor.changes.isVisible()  # the edit after signing needs approval again


def test_ctrl_p_opens_the_real_print_preview_of_this_plan(qtbot, open_editor, make_complete_plan):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog

    editor = open_editor(make_complete_plan())
    shown: list[int] = []

    def close_preview() -> None:  # the preview opens once its PDF is rendered in the background
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PrintPreviewDialog):
            QTimer.singleShot(10, close_preview)
            return
        assert dialog.pdf is not None  # the plan's PDF was made for the preview
        shown.append(dialog.document.pageCount())
        dialog.reject()

    QTimer.singleShot(0, close_preview)
    qtbot.keyClick(editor.person_section.phone, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0] >= 2
