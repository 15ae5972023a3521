"""Someone else changed the same field: both texts side by side, and the user's choice.

Nothing typed is lost whatever the user picks: "keep mine" and the merge store the user's
text; "take theirs" leaves the other text and puts the user's on the undo stack; Escape
("decide later") keeps the user's text in the field, unsaved, with a note beside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sip_desk.ui.editor.conflicts import Choice, Conflict, Resolution
from sip_desk.ui.text_scale import fit_window

TEXT_LINES = 6


class ConflictDialog(QDialog):
    """Theirs and mine side by side; keep mine, take theirs, merge by hand, or decide later."""

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed the same field"))
        self.conflict = conflict
        self.resolution = Resolution(Choice.LATER)
        self.explanation = QLabel(
            self.tr(
                "“%1” was changed and saved by someone else while you were editing it. "
                "Nothing is lost: choose which text to keep."
            ).replace("%1", conflict.label),
            self,
        )
        self.explanation.setObjectName("conflictExplanation")
        self.explanation.setWordWrap(True)
        self.theirs = self._text_box("conflictTheirs", conflict.theirs, self.tr("Their text"))
        self.mine = self._text_box("conflictMine", conflict.mine, self.tr("Your text"))
        self.merged: QPlainTextEdit | None = None
        if conflict.text:
            self.merged = self._text_box(
                "conflictMerged", conflict.merge_start(), self.tr("Merged text")
            )
            self.merged.setReadOnly(False)
        self.keep_mine = self._button("conflictKeepMine", self.tr("&Keep my text"))
        self.take_theirs = self._button("conflictTakeTheirs", self.tr("&Use their text"))
        self.save_merged = self._button("conflictSaveMerged", self.tr("&Save merged text"))
        self.save_merged.setVisible(self.merged is not None)
        self.later = self._button("conflictLater", self.tr("Decide &later (Esc)"))
        self.keep_mine.clicked.connect(lambda: self._choose(Choice.MINE))
        self.take_theirs.clicked.connect(lambda: self._choose(Choice.THEIRS))
        self.save_merged.clicked.connect(lambda: self._choose(Choice.MERGED))
        self.later.clicked.connect(self.reject)
        self._build()

    @classmethod
    def choose(cls, parent: QWidget | None, conflict: Conflict) -> Resolution:
        """Ask the user; Escape or closing the dialog decides later."""
        dialog = cls(conflict, parent)
        dialog.exec()
        dialog.deleteLater()
        return dialog.resolution

    def _text_box(self, name: str, text: str, accessible: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text, self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setReadOnly(True)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(box.fontMetrics().lineSpacing() * TEXT_LINES)
        return box

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter typed into the dialog never decides by itself
        return button

    def _build(self) -> None:
        grid = QGridLayout()
        sides = (
            (self.tr("Saved by someone else"), self.theirs),
            (self.tr("Yours, not saved yet"), self.mine),
        )
        for column, (title, box) in enumerate(sides):
            caption = QLabel(f"<b>{title}</b>", self)
            caption.setBuddy(box)
            grid.addWidget(caption, 0, column)
            grid.addWidget(box, 1, column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(grid)
        if self.merged is not None:
            caption = QLabel(
                self.tr("<b>Merge by hand</b> (both texts to start with; edit, then save):"), self
            )
            caption.setBuddy(self.merged)
            layout.addWidget(caption)
            layout.addWidget(self.merged)
        buttons = QHBoxLayout()
        for button in (self.keep_mine, self.take_theirs, self.save_merged):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.later)
        layout.addLayout(buttons)
        (self.merged or self.mine).setFocus(Qt.FocusReason.OtherFocusReason)
        fit_window(self, 760, 420 if self.merged is not None else 300)

    def _choose(self, choice: Choice) -> None:
        text = self.merged.toPlainText() if self.merged is not None else ""
        if not self.conflict.multiline:
            text = " ".join(line.strip() for line in text.splitlines() if line.strip())
        self.resolution = Resolution(choice, text)
        self.accept()
