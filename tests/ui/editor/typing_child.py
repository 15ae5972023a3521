"""Child process for the kill-while-typing test: the real editor, typed into key by key.

Run as ``python -m tests.ui.editor.typing_child STORE PLAN_ID TEXT [--cell]``. Types ``TEXT``
into "What matters to me" (with ``--cell``: after the text of the first action's "What is done"
cell, its editor opened with F2 and the caret moved to the end with End), one key press every
``KEY_MS`` ms from a timer (the event loop runs as it does for a person typing), and writes one
line per event to standard output, flushed at once so that the lines survive a SIGKILL:

- ``ready`` when the field (or cell editor) has the focus and the first key is about to come;
- ``key T N`` after each key: ``time.monotonic()`` and how many characters are typed so far;
- ``saved T N`` after each save of the text: when, and how many typed characters are stored;
- ``done`` when all of ``TEXT`` is typed (the parent normally kills the child before).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if TYPE_CHECKING:
    from sip_desk.ui.editor.plan_editor import PlanEditor

KEY_MS = 150
"""One key every this many milliseconds: steady typing, never a pause long enough to save."""

NO_FOCUS = 3
"""Exit code when the field did not get the keyboard focus (nothing would be typed)."""


def _say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def main() -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sip_desk.bootstrap import open_services
    from sip_desk.ui.editor.plan_editor import PlanEditor
    from sip_desk.ui.events import AppEvents

    store, plan_id, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    into_cell = sys.argv[4:] == ["--cell"]
    app = QApplication([])
    editor = PlanEditor(open_services(store), AppEvents(), plan_id)
    editor.resize(1200, 800)
    editor.show()
    editor.activateWindow()
    stored_now = _stored_length(editor, into_cell)
    field: list[object] = [None]
    stored = [stored_now()]

    def on_saved(_plan_id: int) -> None:
        now = time.monotonic()
        length = stored_now()
        if length != stored[0]:
            stored[0] = length
            _say("saved", f"{now:.4f}", length)

    editor.plan_saved.connect(on_saved)
    typed = [0]
    keys = QTimer(interval=KEY_MS, timerType=Qt.TimerType.PreciseTimer)

    def press_next_key() -> None:
        target = QApplication.focusWidget()
        if target is None or target is not field[0]:
            _say("error", "focus is on", target)
            app.exit(NO_FOCUS)
            return
        ch = text[typed[0]]
        if ch.isascii():
            QTest.keyClicks(target, ch)
        else:  # QTest.keyClicks takes ASCII only; å, ä, ö come as a key with their text
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                target,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )
        typed[0] += 1
        _say("key", f"{time.monotonic():.4f}", typed[0])
        if typed[0] == len(text):
            keys.stop()
            _say("done")

    def start() -> None:
        field[0] = _focus_target(editor, into_cell)
        if field[0] is None or QApplication.focusWidget() is not field[0]:
            _say("error", "focus is on", QApplication.focusWidget())
            app.exit(NO_FOCUS)
            return
        _say("ready")
        keys.start()

    keys.timeout.connect(press_next_key)
    QTimer.singleShot(200, start)
    return app.exec()


def _stored_length(editor: PlanEditor, into_cell: bool) -> Callable[[], int]:
    """How many of the typed characters the editor's plan holds, as last saved."""
    if not into_cell:
        return lambda: len(editor.plan.fields.what_matters)
    prefix = len(editor.plan.actions[0].description)
    return lambda: len(editor.plan.actions[0].description) - prefix


def _focus_target(editor: PlanEditor, into_cell: bool) -> object:
    """Put the focus where the typing goes; the widget typed into (None: no editor opened)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    if not into_cell:
        field = editor.goals_section.what_matters
        editor.goals_section.focus_widget(field)
        return field
    # As a caseworker goes back to an action to describe it better: F2, End, then type.
    table = editor.actions_section.action_part.table
    editor.actions_section.focus_anchor("actions", editor.plan.actions[0].id)
    QTest.keyClick(table, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    if cell is None or table.state() != QAbstractItemView.State.EditingState:
        return None
    QTest.keyClick(cell, Qt.Key.Key_End)
    return cell


if __name__ == "__main__":
    sys.exit(main())
