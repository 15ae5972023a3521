"""An undoable edit and its place on the undo stack."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from sip_desk.services.unit_of_work import Saved
from sip_desk.ui.editor.conflicts import FieldChange, Op

if TYPE_CHECKING:
    from sip_desk.ui.editor.session import PlanSession

MERGE_SECONDS = 1.5
"""Saves of one field less than this many seconds apart are one undo step.

Typing saves every half second, so one burst of typing is one step, and Ctrl+Z undoes the
last burst: a pause of about 1.5–2 s between two bursts makes them two steps.
"""


@dataclass
class Edit:
    """One user edit, expressed against whatever plan is current when it runs."""

    text: str  # what the undo menu shows
    redo: Op  # applies the edit; returns the saved plan (``item_id`` for an added row)
    undo: Op
    fields: tuple[str, ...] = ()  # error keys (prefixes) whose messages a success clears
    merge_key: str = ""  # consecutive edits with the same key merge into one undo step
    on_redo: Callable[[Saved], None] | None = field(default=None, repr=False)
    on_undo: Callable[[Saved], None] | None = field(default=None, repr=False)
    # The one field or cell changed, with the value it was based on: redo/undo are made from
    # it, and a change of the same field by someone else is noticed instead of overwritten.
    change: FieldChange | None = field(default=None, repr=False)
    # How this edit takes in a later one merged into it (default: the later redo replaces its own).
    absorb: Callable[[Edit], None] | None = field(default=None, repr=False)
    # (before, after) of one value: when merged edits bring back "before", the step is dropped.
    values: tuple[Any, Any] | None = field(default=None, repr=False)

    def step(self, forward: bool) -> tuple[Op, FieldChange | None]:
        """The operation (and the field change) that redoes or undoes the edit."""
        change = self.change
        if change is None:
            return (self.redo if forward else self.undo), None
        change = change if forward else change.reversed()
        return change.write(change.new), change

    def settled(self, change: FieldChange | None, forward: bool) -> None:
        """Remember how a step ended, so the next undo/redo starts from what is stored."""
        if change is not None:
            self.change = change if forward else change.reversed()


class EditCommand(QUndoCommand):
    """A saved edit on the undo stack; its first redo already happened when it was pushed."""

    _MERGE_ID = 1

    def __init__(self, session: PlanSession, edit: Edit) -> None:
        super().__init__(edit.text)
        self.session = session
        self.edit = edit
        self._first = True
        self._last = time.monotonic()

    def id(self) -> int:
        return self._MERGE_ID if self.edit.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.edit.merge_key != self.edit.merge_key:
            return False
        if other._last - self._last > MERGE_SECONDS:
            return False
        if self.edit.absorb is not None:
            self.edit.absorb(other.edit)
        else:
            self.edit.redo = other.edit.redo
            mine, theirs = self.edit.change, other.edit.change
            if mine is not None and theirs is not None:
                self.edit.change = mine.rebased(mine.old, theirs.new)
            if self.edit.values is not None and other.edit.values is not None:
                self.edit.values = (self.edit.values[0], other.edit.values[1])
                self.setObsolete(self.edit.values[0] == self.edit.values[1])
        self._last = other._last
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.session.replay(self.edit, forward=True)

    def undo(self) -> None:
        self.session.replay(self.edit, forward=False)
