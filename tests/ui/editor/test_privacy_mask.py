"""On a shared screen a protected person's identity number and address stay masked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from sip_desk.db.access_log import read_entries
from sip_desk.domain.access import AccessKind, AccessQuery
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.editor.privacy_mask import masked_identity
from tests.person_helpers import load_demo
from tests.ui.editor.helpers import focused as focused_widget

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _on_screen(editor: PlanEditor) -> str:
    """Every text a viewer of the screen can read in the editor."""
    shown: list[str] = []
    for widget in editor.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLineEdit | QLabel | QPushButton):
            shown.append(widget.text())
    return "\n".join(shown)


@pytest.fixture
def protected(sqlite_services):
    plan = load_demo(sqlite_services).protected
    assert plan.person.identity_number and plan.person.address
    return plan


def test_masked_by_default_shown_on_request_and_masked_again_when_the_time_runs_out(
    qtbot, swedish, open_editor, protected
):
    editor = open_editor(protected.id)
    section = editor.person_section
    number, address = protected.person.identity_number, protected.person.address
    id_mask = section.privacy.covers["person.identity_number"]
    address_mask = section.privacy.covers["person.address"]

    assert number not in _on_screen(editor) and address not in _on_screen(editor)
    assert id_mask.text() == f"{number[:8]}-**** – visa (Ctrl+Shift+V)"
    assert address_mask.text() == "Skyddad – visa (Ctrl+Shift+V)"

    # Tab from the last name reaches the masked number; Space shows both values.
    section.privacy.timer.setInterval(200)  # the 30 s, shortened for the test
    section.last_name.setFocus()
    qtbot.keyClick(section.last_name, Qt.Key.Key_Tab)
    assert id_mask.hasFocus()
    qtbot.keyClick(id_mask, Qt.Key.Key_Space)
    assert section.identity.isVisible() and section.identity.text() == number
    assert section.address.isVisible() and section.address.text() == address
    assert section.identity.hasFocus()

    qtbot.waitUntil(lambda: number not in _on_screen(editor), timeout=2000)
    assert address not in _on_screen(editor)
    assert id_mask.hasFocus()  # the focus stays where the user was

    # Ctrl+Shift+V shows them again, and once more masks them at once.
    qtbot.keyClick(id_mask, Qt.Key.Key_V, CTRL_SHIFT)
    assert number in _on_screen(editor)
    qtbot.keyClick(section.identity, Qt.Key.Key_V, CTRL_SHIFT)
    assert number not in _on_screen(editor)


def test_a_person_without_protection_is_shown_plainly(
    qtbot, open_editor, make_complete_plan, sqlite_services
):
    plan = sqlite_services.plans.get_plan(make_complete_plan())
    editor = open_editor(plan.id)

    assert not editor.person_section.privacy.masked
    assert editor.person_section.identity.isVisible()
    assert plan.person.identity_number in _on_screen(editor)


def test_meeting_mode_never_shows_them_even_while_shown_in_the_editor(
    qtbot, open_editor, protected
):
    editor = open_editor(protected.id)
    editor.person_section.privacy.reveal()
    qtbot.keyClick(editor.person_section.first_name, Qt.Key.Key_F11)

    shown = editor.meeting_window.text.text()
    assert protected.person.full_name in shown
    assert protected.person.identity_number not in shown
    assert masked_identity(protected.person.identity_number)[:8] not in shown
    assert protected.person.address not in shown


def test_the_fields_mnemonic_leads_to_its_mask_then_to_the_field(
    qtbot, swedish, open_editor, protected
):
    editor = open_editor(protected.id)
    section = editor.person_section
    section.first_name.setFocus()

    qtbot.keyClick(section.first_name, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert section.privacy.covers["person.identity_number"].hasFocus()  # "Person&nummer"

    qtbot.keyClick(focused_widget(), Qt.Key.Key_Return)
    assert section.identity.hasFocus() and section.identity.text()
    section.first_name.setFocus()
    qtbot.keyClick(section.first_name, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert section.identity.hasFocus()


def test_going_to_a_masked_field_lands_on_its_mask(qtbot, open_editor, protected):
    editor = open_editor(protected.id)
    section = editor.person_section

    assert section.focus_anchor("person.identity_number", None)  # as a change line leads there

    assert section.privacy.covers["person.identity_number"].hasFocus()
    assert protected.person.identity_number not in _on_screen(editor)


def _reveals(services) -> list[tuple[int | None, int | None, str]]:
    with services.ctx.db.read_connection() as conn:
        rows = read_entries(conn, AccessQuery(limit=None))
    return [(r.plan_id, r.person_id, r.detail) for r in rows if r.kind == AccessKind.REVEAL]


def test_showing_the_masked_values_writes_an_access_log_row_each_time(
    qtbot, open_editor, protected, sqlite_services
):
    editor = open_editor(protected.id)
    section = editor.person_section
    id_mask = section.privacy.covers["person.identity_number"]
    assert _reveals(sqlite_services) == []  # opening the plan is an "open" row, not this

    qtbot.keyClick(id_mask, Qt.Key.Key_V, CTRL_SHIFT)  # shown
    qtbot.keyClick(section.identity, Qt.Key.Key_V, CTRL_SHIFT)  # masked again: no row
    qtbot.mouseClick(id_mask, Qt.MouseButton.LeftButton)  # shown again

    row = (protected.id, protected.person.id, "identity number, address")
    assert _reveals(sqlite_services) == [row, row]


def test_a_person_without_protection_writes_no_reveal_row(
    qtbot, open_editor, make_complete_plan, sqlite_services
):
    plan = sqlite_services.plans.get_plan(make_complete_plan())
    editor = open_editor(plan.id)

    qtbot.keyClick(editor.person_section.identity, Qt.Key.Key_V, CTRL_SHIFT)

    assert _reveals(sqlite_services) == []
