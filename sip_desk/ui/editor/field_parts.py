"""The small widgets beside every editor field: the inline message, and the undo-key filter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_REDO = {
    QKeyCombination(
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z
    ),
    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y),
}


class ErrorLabel(QLabel):
    """An inline message beside a field; hidden when empty. Marked with a sign, not only red."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setStyleSheet("color: #9b1c1c; font-weight: bold;")
        self.setAccessibleName(QCoreApplication.translate("Bindings", "Error message"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setStyleSheet("color: #9b1c1c; font-weight: bold;")
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))

    def show_note(self, text: str) -> None:
        """A calm note (no sign, not red): something to know, nothing to do."""
        self.setStyleSheet("color: #4b5563;")
        self.setText(f"ℹ {text}")
        self.setVisible(True)


class UndoKeyFilter(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the editor's undo stack instead of a text widget's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (any(event.matches(k) for k in _UNDO_KEYS) or event.keyCombination() in _REDO)
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)
