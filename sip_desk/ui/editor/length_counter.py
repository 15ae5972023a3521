"""A count of characters under a long text field, shown once its text nears the limit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from sip_desk.ui.editor.reveal import reveal_soon
from sip_desk.ui.editor.session import ui_lang

SHOW_FROM = 0.9
"""The counter appears once the text is this share of the limit."""
_OVER = "color: #9b1c1c; font-weight: bold;"


class LengthCounter(QLabel):
    """ "18 500 av 20 000 tecken" under ``field``; over the limit it says how many too many."""

    def __init__(self, field: QPlainTextEdit, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field.objectName()}_counter")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._field, self._limit = field, limit
        field.textChanged.connect(self._on_text_changed)
        self.hide()

    def _on_text_changed(self) -> None:
        count = len(self._field.toPlainText())
        near = count >= self._limit * SHOW_FROM
        appears = near and self.isHidden()
        self.setVisible(near)
        if not near:
            return
        if appears and self._field.hasFocus():
            reveal_soon(self)
        over = count - self._limit
        if over > 0:
            text = self.tr("%1 of %2 characters: %3 too many").replace("%3", _number(over))
        else:
            text = self.tr("%1 of %2 characters")
        self.setText(text.replace("%1", _number(count)).replace("%2", _number(self._limit)))
        self.setStyleSheet(_OVER if over > 0 else "")


def _number(value: int) -> str:
    """20 000 in Swedish, 20,000 in English."""
    text = f"{value:,}"
    return text.replace(",", "\N{NO-BREAK SPACE}") if ui_lang() == "sv" else text
