"""Plain-language help while typing: the LIX of each text the person's page prints.

Beside each such text the editor shows "LIX 24 · mycket lätt att läsa"; a hard text (the rule
is in :mod:`sip_desk.domain.plain_language`) is flagged calmly, in dark amber on pale yellow,
not as an error: it still saves. In a multi-line field the longest sentence is marked in the same
yellow; in a table (goals, actions) the line under the table names the row and quotes that
sentence, and the cell's editor shows it as its tooltip. The figure is worked out
``DEBOUNCE_MS`` after the last key, so steady typing never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.plain_language import Ease, Reading, reading
from sip_desk.ui.editor.table_part import TablePart

PERSON_PAGE_FIELDS = frozenset(
    f"plan.{name}"
    for name in (
        "what_matters",
        "strengths",
        "person_own_actions",
        "crisis_warning_signs",
        "crisis_actions",
    )
)
"""The prose printed on the person's page (sip_desk/pdf/person_page.py, person_parts.py). The
crisis contacts are printed there too, but as names and numbers, not sentences: LIX would call
"Beroendemottagningen 010-174 06 20" very hard text."""
DEBOUNCE_MS = 300
MARK = QColor("#ffe08a")
"""The longest sentence of a hard text: the badge's yellow, a shade stronger to show through."""
HARD_TEXT, HARD_BACKGROUND = QColor("#5c3b00"), QColor("#fff1c2")
"""A flag in dark amber on pale yellow (contrast 9:1): seen, but not an error's red. A palette,
not a style sheet: a style sheet would keep the badge small when large text is switched on."""
QUOTE_CHARS = 70


class ReadabilityBadge(QLabel):
    """ "LIX 24 · mycket lätt att läsa" for one text; hidden while the text is too short."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setContentsMargins(4, 1, 4, 1)  # the same inset flagged or not: the figures line up
        self.setAccessibleName(self.tr("Readability"))
        self.reading = reading("")
        self.hide()

    def show_reading(self, found: Reading, prefix: str = "", note: str = "") -> None:
        """Show ``found``; ``prefix`` names the row, ``note`` follows when the text is hard."""
        self.reading = found
        self.setVisible(found.ease is not Ease.UNMEASURED)
        words = {
            Ease.VERY_EASY: self.tr("very easy to read"),
            Ease.EASY: self.tr("easy to read"),
            Ease.MEDIUM: self.tr("medium difficulty"),
            Ease.SHORT: self.tr("short text, not judged"),
            Ease.HARD: self._why(self.tr("hard text"), found),
            Ease.VERY_HARD: self._why(self.tr("very hard text"), found),
        }.get(found.ease, "")
        text = self.tr("LIX %1 · %2").replace("%1", str(found.lix)).replace("%2", words)
        if found.hard and note:
            text += ". " + note
        self.setText(prefix + text)
        self._flag(found.hard)
        self.setToolTip(
            self.tr(
                "LIX: words per sentence plus the percentage of words longer than six letters. "
                "Under 25 is very easy, 25–30 easy, 31–40 medium, 41–50 hard, above 50 very "
                "hard; above 40 the person may find it hard. Texts under 5 words are not "
                "measured, texts under 10 words only when LIX is above 60; a text under 30 "
                "words is called hard only when it has a sentence of more than 15 words or "
                "LIX above 50."
            )
        )

    def _flag(self, hard: bool) -> None:
        palette = QApplication.palette(self)
        if hard:
            palette.setColor(QPalette.ColorRole.WindowText, HARD_TEXT)
            palette.setColor(QPalette.ColorRole.Window, HARD_BACKGROUND)
        self.setPalette(palette)
        self.setAutoFillBackground(hard)

    def _why(self, level: str, found: Reading) -> str:
        """``level`` ("hard text") and why: "hard text: long words"."""
        if found.long_sentences and found.long_words:
            why = self.tr("long sentences and words")
        elif found.long_sentences:
            why = self.tr("long sentences")
        else:
            why = self.tr("long words")
        return self.tr("%1: %2").replace("%1", level).replace("%2", why)


class TextReadability(QObject):
    """The badge of one multi-line field, and the mark on its longest sentence when hard."""

    def __init__(self, field: QPlainTextEdit, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.badge = ReadabilityBadge(f"{field.objectName()}_readability", parent)
        self._timer = _debounce(self, self.update)
        field.textChanged.connect(self._timer.start)

    def update(self) -> None:
        text = self.field.toPlainText()
        found = reading(text)
        self.badge.show_reading(found, "", self.tr("The longest sentence is marked."))
        marks = []
        if found.hard:
            mark = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.field.document())
            cursor.setPosition(found.longest[0])
            cursor.setPosition(found.longest[1], QTextCursor.MoveMode.KeepAnchor)
            mark.cursor = cursor
            mark.format = QTextCharFormat()
            mark.format.setBackground(MARK)
            marks.append(mark)
        self.field.setExtraSelections(marks)


def text_badge(field: QPlainTextEdit, parent: QWidget) -> QLabel:
    """The readability badge of ``field``, to place under it."""
    return TextReadability(field, parent).badge


class TableReadability(QObject):
    """The badge under a table for the text column ``attr`` of its current row, live as typed."""

    def __init__(self, part: TablePart, attr: str) -> None:
        super().__init__(part)
        self.part, self.table = part, part.table
        self.column = [c.attr for c in part.model.COLUMNS].index(attr)
        self.badge = ReadabilityBadge(f"{part.kind}_readability", part)
        layout = part.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.table) + 1, self.badge)
        self._typed: QLineEdit | None = None
        self._timer = _debounce(self, self.update)
        self.table.selectionModel().currentChanged.connect(self._soon)
        part.model.dataChanged.connect(self._soon)
        part.model.modelReset.connect(self._soon)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus)

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        in_cell = isinstance(new, QLineEdit) and new.parent() is self.table.viewport()
        if in_cell and self.table.currentIndex().column() == self.column and new is not self._typed:
            assert isinstance(new, QLineEdit)
            self._typed = new
            new.textEdited.connect(self._soon)
            self._timer.start()

    def _soon(self, *_args: object) -> None:
        """Work the figure out once the keys pause (a new key starts the wait again)."""
        self._timer.start()

    def update(self) -> None:
        index = self.table.currentIndex()
        editor = self._typed
        if editor is not None and not _alive(editor, self.table):
            editor = self._typed = None
        if editor is not None and index.column() == self.column:
            text = editor.text()
        elif index.isValid():
            text = str(index.siblingAtColumn(self.column).data() or "")
        else:
            text = ""
        found = reading(text)
        longest = _quote(text[found.longest[0] : found.longest[1]])
        prefix = self.tr("Row %1:").replace("%1", str(index.row() + 1)) + " "
        note = self.tr("Longest sentence: “%1”").replace("%1", longest)
        self.badge.show_reading(found, prefix, note)
        if editor is not None:
            editor.setToolTip(self.badge.text() if found.hard else "")


def _alive(editor: QLineEdit, table: QWidget) -> bool:
    """True while ``editor`` is still the table's open cell editor."""
    try:
        return editor.isVisible() and editor.parent() is not None and table.isVisible()
    except RuntimeError:  # deleted when the cell closed
        return False


def _debounce(owner: QObject, slot: object) -> QTimer:
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(DEBOUNCE_MS)
    timer.timeout.connect(slot)
    return timer


def _quote(sentence: str) -> str:
    """``sentence`` on one line, cut after about ``QUOTE_CHARS`` characters."""
    one_line = " ".join(sentence.split())
    if len(one_line) <= QUOTE_CHARS:
        return one_line
    return one_line[:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
