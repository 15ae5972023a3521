"""What the user entered in the editor that is not stored, and asking before it is lost.

Typed text is saved as it is typed, so closing a plan normally loses nothing. What remains
is text the store refused (too long, half a date, a cell the table cannot take) and a "+"
row whose required column is still empty. Ctrl+S names each of them; closing the plan, the
window or the app asks first (:func:`may_close`), and going back puts the focus there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from sip_desk.domain.messages import label
from sip_desk.ui import prompts
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.reveal import reveal_soon
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import ui_lang
from sip_desk.ui.editor.table_part import TablePart
from sip_desk.ui.item_models.cell_values import default_value
from sip_desk.ui.item_models.row_table_model import RowTableModel

if TYPE_CHECKING:
    from sip_desk.ui.editor.plan_editor import PlanEditor

_WARNING_SIGN = "⚠ "


@dataclass(frozen=True)
class Unsaved:
    """One input holding something that is not stored."""

    place: str  # the field as the user knows it ("Styrkor", "Insatser: Startdatum")
    reason: str  # why it is not stored (the message shown beside it)
    focus: Callable[[], None]
    widget: QWidget  # the input (a field, or a table)

    def has_focus(self) -> bool:
        """The keyboard focus is in this input already."""
        current = QApplication.focusWidget()
        return current is not None and (current is self.widget or self.widget.isAncestorOf(current))

    def text(self) -> str:
        """The sentence that names it, e.g. "Texten i Styrkor är inte sparad: …"."""
        text = QCoreApplication.translate("Unsaved", "The text in %1 is not saved: %2")
        return text.replace("%1", self.place, 1).replace("%2", self.reason)


def unsaved_inputs(sections: Sequence[Section]) -> list[Unsaved]:
    """Every input of ``sections`` whose content is not stored, in meeting order."""
    found: list[Unsaved] = []
    for section in sections:
        for key, binding in section.bindings.items():
            if binding.refused:
                reason = binding.message or _could_not()
                focus = partial(_focus_field, section, binding.widget, binding.error)
                place = _detail_place(section, key) or label(key, ui_lang())
                found.append(Unsaved(place, reason, focus, binding.widget))
        for part in section.parts:
            found += _in_table(section, part)
    return found


def _in_table(section: Section, part: TablePart) -> list[Unsaved]:
    table, model = part.table, part.model
    title = table.accessibleName()
    editing = table.state() == QAbstractItemView.State.EditingState
    if editing and model.last_edit_refused:
        index = table.currentIndex()
        header = model.headerData(index.column(), Qt.Orientation.Horizontal)
        reason = part.error.text().removeprefix(_WARNING_SIGN) or _could_not()
        editor = table.indexWidget(index)
        focus = partial(_focus_cell, section, table, editor)
        return [Unsaved(f"{title}: {header}", reason, focus, table)]
    found = []
    for row_id, attr in model.held.cells():  # refused text held in a closed cell
        row, column = model.row_of(row_id), model.column_of(attr)
        header = model.headerData(column, Qt.Orientation.Horizontal)
        reason = part.error.text().removeprefix(_WARNING_SIGN) or _could_not()
        focus = partial(_edit_cell, section, table, row, column)
        found.append(Unsaved(f"{title}: {header}", reason, focus, table))
    if found:
        return found
    if _typed_draft(model):
        required = model.column_of(model.REQUIRED)
        header = str(model.headerData(required, Qt.Orientation.Horizontal))
        reason = QCoreApplication.translate("Unsaved", "the row is stored once you fill in %1.")
        reason = reason.replace("%1", header)
        place = QCoreApplication.translate("Unsaved", "%1 (new row)").replace("%1", title)
        row = model.rowCount() - 1
        focus = partial(_edit_cell, section, table, row, required)
        return [Unsaved(place, reason, focus, table)]
    return []


def _detail_place(section: Section, key: str) -> str:
    """ "Participants: Phone" for a field of a table's detail form ("" for another input)."""
    for part in section.parts:
        if part.detail is not None and key in part.detail.keys:
            model, attr = part.model, key.partition(".")[2]
            header = model.headerData(model.column_of(attr), Qt.Orientation.Horizontal)
            return f"{part.table.accessibleName()}: {header}"
    return ""


def _could_not() -> str:
    return QCoreApplication.translate("Unsaved", "It could not be stored.")


def _typed_draft(model: RowTableModel) -> bool:
    """Something was typed into the "+" row (more than its defaults)."""
    blank = ("", None)
    for attr, value in model.draft.items():
        default = default_value(model.DATA_TYPE, attr)
        if value != default and not (value in blank and default in blank):
            return True
    return False


def _focus_field(section: Section, field: QWidget, message: QWidget) -> None:
    section.focus_widget(field)
    reveal_soon(message)  # the message below the field, too


def _focus_cell(section: Section, table: QWidget, editor: QWidget | None) -> None:
    section.focus_widget(table)
    if editor is not None:
        editor.setFocus()


def _edit_cell(section: Section, table: ItemTable, row: int, column: int) -> None:
    section.focus_widget(table)
    table.edit_cell(row, column)


def report(editor: PlanEditor) -> None:
    """After Ctrl+S saved what it could: name what is not stored, or say that all is."""
    found = unsaved_inputs(editor.sections)
    if not found:
        editor.show_notice(QCoreApplication.translate("PlanEditor", "Everything is saved."), True)
        return
    editor.show_notice("\n".join(item.text() for item in found))
    if not any(item.has_focus() for item in found):
        found[0].focus()


def may_close(editor: PlanEditor, reveal: Callable[[], None]) -> bool:
    """After a flush: if some input is not stored, ``reveal`` the editor and ask; False (the
    focus on the first such input) when the user goes back."""
    found = unsaved_inputs(editor.sections)
    if not found:
        return True
    reveal()
    if prompts.confirm_discard(  # Escape: go back
        editor,
        QCoreApplication.translate("Unsaved", "Close anyway?"),
        "\n".join(item.text() for item in found),
        keep=QCoreApplication.translate("Unsaved", "&Go back"),
        discard=QCoreApplication.translate("Unsaved", "&Close anyway"),
    ):
        return True
    found[0].focus()
    return False
