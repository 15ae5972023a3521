"""Undo and redo one step of the editor's stack, telling which fields the step changed."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack


def undo(stack: QUndoStack) -> tuple[str, ...] | None:
    """Undo the last step; the field keys it touched, or ``None`` when there was none."""
    if not stack.canUndo():
        return None
    keys = _keys(stack, stack.index() - 1)
    stack.undo()
    return keys


def redo(stack: QUndoStack) -> tuple[str, ...] | None:
    """Redo the next step; the field keys it touched, or ``None`` when there was none."""
    if not stack.canRedo():
        return None
    keys = _keys(stack, stack.index())
    stack.redo()
    return keys


def _keys(stack: QUndoStack, index: int) -> tuple[str, ...]:
    edit = getattr(stack.command(index), "edit", None)  # session._EditCommand
    keys = getattr(edit, "fields", ())
    return tuple(keys) if isinstance(keys, tuple) else ()
