"""Ctrl+Z and Ctrl+Shift+Z in the editor: one step of the undo stack, shown to the user.

The step is undone through the stack as usual. Then the field it changed gets the focus (its
text already shows the caret where the change was, see text_place.py), so an undo of a field
out of sight is seen; with nothing left to undo, the editor says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from sip_desk.ui.editor.edit_command import EditCommand

if TYPE_CHECKING:
    from sip_desk.ui.editor.plan_editor import PlanEditor


def step(editor: PlanEditor, back: bool) -> None:
    """Save what is typed, undo (``back``) or redo one step, and show what it changed.

    Text in the focused field that the store refused (too long, half a date) is not a step
    of the stack: Ctrl+Z there first takes that text away, back to what is stored.
    """
    editor.flush()
    if back and _revert_refused(editor):
        return
    stack = editor.session.undo_stack
    if not (stack.canUndo() if back else stack.canRedo()):
        if back:
            text = QCoreApplication.translate("PlanEditor", "Nothing to undo.")
        else:
            text = QCoreApplication.translate("PlanEditor", "Nothing to redo.")
        editor.show_notice(text, True)
        return
    command = stack.command(stack.index() - 1 if back else stack.index())
    keys = command.edit.fields if isinstance(command, EditCommand) else ()
    if back:
        stack.undo()
    else:
        stack.redo()
    bound = [k for k in keys if any(k == b.key for b in editor.bindings())]
    if bound:
        editor.focus_anchor(bound[0])


def _revert_refused(editor: PlanEditor) -> bool:
    focus = QApplication.focusWidget()
    for binding in editor.bindings():
        widget = binding.widget
        if (
            binding.refused
            and focus is not None
            and (widget is focus or widget.isAncestorOf(focus))
        ):
            binding.revert()
            editor.show_notice(
                QCoreApplication.translate(
                    "PlanEditor", "The text that could not be saved was undone."
                ),
                True,
            )
            return True
    return False
