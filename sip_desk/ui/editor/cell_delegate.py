"""Cell editors of the plan-item tables: a line, a drop-down for choices, a check box for yes/no."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from sip_desk.ui.item_models.row_table_model import ChoicesRole

Index = QModelIndex | QPersistentModelIndex
KeyHandler = Callable[[QWidget, QKeyEvent], bool]
TextEditorHandler = Callable[[QLineEdit, Index], None]

ENTRY_KEYS = frozenset(
    {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape}
)
_ARROW = QStyle.PixelMetric.PM_ScrollBarExtent
_OPENING = "sip_desk_opening"  # a text editor not yet shown: its caret still to be placed


class CellDelegate(QStyledItemDelegate):
    """Opens the editor a cell needs; Tab, Shift+Tab, Enter and Escape go to ``on_key``.

    ``on_key(editor, event)`` returns False to leave the key to Qt; ``on_text_editor`` hears
    of each text editor opened (to save while typing). A text editor opens with the caret after
    the text, nothing selected, and keeps what the user typed when the model changes: the save
    of that very text echoes back through the plan's refresh, and writing it into the editor
    again would move the caret (or drop what was typed since the save).
    """

    def __init__(
        self,
        on_key: KeyHandler,
        on_text_editor: TextEditorHandler | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_key = on_key
        self.on_text_editor = on_text_editor

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            return _check_editor(parent, index)
        choices = index.data(ChoicesRole)
        if not choices:
            editor = super().createEditor(parent, option, index)
            if isinstance(editor, QLineEdit):
                editor.setProperty(_OPENING, True)
                if self.on_text_editor is not None:
                    self.on_text_editor(editor, index)
            return editor
        combo = QComboBox(parent)
        combo.setObjectName("table_choice_editor")
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        if not isinstance(editor, QCheckBox):
            super().updateEditorGeometry(editor, option, index)
            return
        # The box covers the cell, its mark exactly over the one the cell shows.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        mark = _style(opt).subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, opt.widget
        )
        editor.setGeometry(option.rect)
        editor.setContentsMargins(mark.left() - option.rect.left(), 0, 0, 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(ChoicesRole):  # room for the drop-down's arrow, so its text shows
            size.setWidth(size.width() + _style(option).pixelMetric(_ARROW) + 8)
        return size

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(index.data(Qt.ItemDataRole.EditRole)))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        elif isinstance(editor, QLineEdit) and (
            editor.isModified() or editor.text() == _text(index.data(Qt.ItemDataRole.EditRole))
        ):
            return  # typed into (or showing the value already): text and caret stay as they are
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QCheckBox):
            model.setData(index, editor.isChecked(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QLineEdit)
            and watched.property(_OPENING)
        ):
            # The view selected all the text before showing the editor, so a key that opened
            # it would replace the stored value; the caret goes after the text instead.
            watched.setProperty(_OPENING, False)
            watched.deselect()
            watched.end(False)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and event.key() in ENTRY_KEYS
            and self.on_key(watched, event)
        ):
            return True
        return super().eventFilter(watched, event)


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _style(option: QStyleOptionViewItem) -> QStyle:
    return option.widget.style() if option.widget is not None else QApplication.style()


def _check_editor(parent: QWidget, index: Index) -> QCheckBox:
    """A check box shown like a selected cell, so it is plain which cell is being typed in."""
    box = QCheckBox(parent)
    box.setObjectName("table_check_editor")
    header = index.model().headerData(index.column(), Qt.Orientation.Horizontal)
    box.setAccessibleName(str(header))
    palette = box.palette()
    palette.setColor(box.backgroundRole(), palette.color(QPalette.ColorRole.Highlight))
    box.setPalette(palette)
    box.setAutoFillBackground(True)
    return box
