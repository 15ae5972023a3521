"""Every key the user guide (docs/guide/sv and en) names with a modifier, or as F1…F12, is a key
of the program: a shortcut of the main window with a plan open, or one of the few keys a widget
handles itself (listed below with where)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut

from tests.builders import PlanBuilder
from tests.ui.meeting_windows import main_window, open_editor, own_settings

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide"
# Ctrl+Shift+G, Alt+3, Ctrl+, , Ctrl+PgDown, F11 … anywhere in a page ("Alt + letter" is no key).
KEY = re.compile(
    r"(?<![\w+])(?:(?:(?:Ctrl|Alt|Shift)\+)+(?:PgDown|PgUp|Enter|F\d+|[A-Z0-9,])|F\d+)(?![\w+])"
)
HANDLED_BY_WIDGETS = {
    "Ctrl+Enter": "ItemTable.keyPressEvent: the row's other fields",
}


def keys_named_in_the_guide() -> set[str]:
    return {k for page in GUIDE.glob("*/*.md") for k in KEY.findall(page.read_text("utf-8"))}


def keys_of_the_program(window) -> set[str]:
    portable = QKeySequence.SequenceFormat.PortableText
    keys = {s.toString(portable) for a in window.findChildren(QAction) for s in a.shortcuts()}
    keys |= {s.key().toString(portable) for s in window.findChildren(QShortcut)}
    return keys | set(HANDLED_BY_WIDGETS)


def test_every_key_the_guide_names_is_a_key_of_the_program(
    qtbot, sqlite_services, tmp_path
) -> None:
    services = sqlite_services
    window = main_window(qtbot, services, own_settings(tmp_path), tmp_path)
    open_editor(window, PlanBuilder(services).complete().id)
    named = keys_named_in_the_guide()

    assert {"F11", "F8", "Ctrl+Shift+G", "Ctrl+P", "Ctrl+R", "Alt+1", "Alt+9"} <= named
    assert named - keys_of_the_program(window) == set()
