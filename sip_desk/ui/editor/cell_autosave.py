"""Text typed into an open table cell is saved while it is typed, with the editor left open.

The same rule as a form field (sip_desk/ui/save_timer.py): at most ``SAVE_MS`` after the first
unsaved keystroke, however steadily the typing goes on. The save goes through the view's
``commitData`` exactly as Tab would, but the editor stays open, its text and caret untouched
(the delegate does not write the saved value back into an editor the user has typed into).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QLineEdit, QWidget

from sip_desk.ui.save_timer import SaveTimer

if TYPE_CHECKING:
    from sip_desk.ui.editor.item_table import ItemTable

Index = QModelIndex | QPersistentModelIndex


class CellAutosave(QObject):
    """Saves the text of the one cell editor being typed into (see the module docstring)."""

    def __init__(self, table: ItemTable) -> None:
        super().__init__(table)
        self._table = table
        self._editor: QLineEdit | None = None
        self._cell = QPersistentModelIndex()
        self._dirty = False
        self.holding = False  # saving while typing: a refusal (half a date) is shown at a pause
        self._timer = SaveTimer(self._on_due, self, settled=self._on_settled)

    def watch(self, editor: QLineEdit, cell: Index) -> None:
        """A text editor was opened on ``cell``."""
        self.forget(self._editor)
        self._editor, self._cell = editor, QPersistentModelIndex(cell)
        editor.textEdited.connect(lambda _text: self._on_typed(editor))

    def forget(self, editor: QWidget | None) -> None:
        """``editor`` is closing (its text was committed): nothing more to save."""
        if editor is None or editor is not self._editor:
            return
        self._timer.stop()
        self._editor, self._dirty = None, False

    def _on_typed(self, editor: QLineEdit) -> None:
        if editor is not self._editor:
            return
        self._dirty = True
        self._timer.changed()

    def _on_due(self) -> None:
        self._save(while_typing=self._timer.typing)

    def _on_settled(self) -> None:
        # The typist paused: a value refused while typing is tried again and its message shown.
        self._save(while_typing=False)

    def _save(self, while_typing: bool) -> None:
        table, editor = self._table, self._editor
        if not self._dirty or editor is None:
            return
        index = table.currentIndex()
        here = (index.row(), index.column()) == (self._cell.row(), self._cell.column())
        if not here or table.indexWidget(index) is not editor:
            self.forget(editor)  # the cell is no longer being typed in
            return
        model = table.row_model
        was_draft = model.is_blank(index.row())
        self._dirty = False
        model.last_edit_refused = False
        self.holding = while_typing
        try:
            table.commitData(editor)
        finally:
            self.holding = False
        if model.last_edit_refused:
            self._dirty = while_typing  # tried again when the typist pauses
            return
        if was_draft and not model.is_blank(self._cell.row()):
            table.draft_became_row(self._cell)
