"""Ctrl+Z and Ctrl+Shift+Z in the editor: one step of the undo stack, shown to the user.

The step is undone through the stack as usual. Then the field it changed gets the focus (its
text already shows the caret where the change was, see text_place.py), so an undo of a field
out of sight is seen; with nothing left to undo, the editor says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from sip_desk.ui.editor.plan_editor import PlanEditor


def undo(editor: PlanEditor) -> None:
    """Save what is typed, undo the last step, and show what it changed.

    Text in the focused field that the store refused (too long, half a date) is not a step
    of the stack: Ctrl+Z there first takes that text away, back to what is stored.
    """
    editor.flush()
    if _revert_refused(editor):
        return
    stack = editor.session.undo_stack
    if not stack.canUndo():
        editor.show_notice(QCoreApplication.translate("PlanEditor", "Nothing to undo."), True)
        return
    keys = _keys(stack, stack.index() - 1)
    stack.undo()
    _show(editor, keys)


def redo(editor: PlanEditor) -> None:
    """Save what is typed, redo the next step, and show what it changed."""
    editor.flush()
    stack = editor.session.undo_stack
    if not stack.canRedo():
        editor.show_notice(QCoreApplication.translate("PlanEditor", "Nothing to redo."), True)
        return
    keys = _keys(stack, stack.index())
    stack.redo()
    _show(editor, keys)


def _keys(stack: QUndoStack, index: int) -> tuple[str, ...]:
    """The field keys the step at ``index`` answers for (see ``session.Edit.fields``)."""
    edit = getattr(stack.command(index), "edit", None)
    keys = getattr(edit, "fields", ())
    return tuple(keys) if isinstance(keys, tuple) else ()


def _show(editor: PlanEditor, keys: tuple[str, ...]) -> None:
    bound = [k for k in keys if any(k in section.bindings for section in editor.sections)]
    if bound:
        editor.focus_anchor(bound[0])


def _revert_refused(editor: PlanEditor) -> bool:
    focus = QApplication.focusWidget()
    for section in editor.sections:
        for binding in section.bindings.values():
            widget = binding.widget
            if (
                binding.refused
                and focus is not None
                and (focus is widget or widget.isAncestorOf(focus))
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
