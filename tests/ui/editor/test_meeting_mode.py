"""Meeting mode: large high-contrast text, the person's goals first, updated as one types."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.editor.helpers import blank_row, type_cell


def test_f11_opens_meeting_mode_with_goals_first(qtbot, swedish, open_editor, make_complete_plan):
    editor = open_editor(make_complete_plan())

    qtbot.keyClick(editor.person_section.first_name, Qt.Key.Key_F11)

    window = editor.meeting_window
    assert window is not None and window.isVisible()
    text = window.text.text()
    order = [text.index(s) for s in ("Mina mål", "Vem gör vad", "Vem jag ringer", "Nästa möte")]
    assert order == sorted(order)
    assert "Ha ett eget boende" in text and "010-100 00 00" in text
    assert window.text.font().pointSize() >= 20


def test_meeting_mode_updates_live_while_typing(qtbot, open_editor, make_complete_plan):
    editor = open_editor(make_complete_plan())
    editor.show_meeting_mode()
    table = editor.goals_section.goals.table

    type_cell(qtbot, table, blank_row(table), 0, "Vara drogfri ett år")

    assert "Vara drogfri ett år" in editor.meeting_window.text.text()
