"""One input widget bound to one stored value: saved while typing and on focus-out; inline error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.save_timer import SAVE_MS, SaveTimer

DEBOUNCE_MS = SAVE_MS
"""Text is saved at most this long after the first unsaved keystroke, and on leaving the field.

A value refused while the user is still typing (half a date, half an e-mail address) waits
for a pause this long, or for leaving the field, before its message is shown.
"""

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_REDO = {
    QKeyCombination(
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z
    ),
    QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y),
}


class ParseError(ValueError):
    """What the user typed cannot be read; ``args[0]`` is the message to show."""


def parse_date(text: str) -> date | None:
    """Read ``ÅÅÅÅ-MM-DD`` (or ``ÅÅÅÅMMDD``); empty text is no date."""
    text = text.strip()
    if not text:
        return None
    digits = text.replace("-", "")
    try:
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError(text)
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ParseError(
            QCoreApplication.translate("Bindings", "Write the date as YYYY-MM-DD, e.g. 2026-11-23.")
        ) from None


def format_date(value: date | None) -> str:
    """A date as the editor shows it."""
    return value.isoformat() if value else ""


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
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))


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


class FieldBinding(QObject):
    """Saves ``widget``'s value through ``save`` and shows what is stored (via ``read``)."""

    def __init__(
        self,
        key: str,
        widget: QWidget,
        error: ErrorLabel,
        current: Callable[[], PlanDetail],
        read: Callable[[PlanDetail], object],
        save: Callable[[object], bool],
        parse: Callable[[Any], object] | None = None,
        show: Callable[[object], Any] | None = None,
    ) -> None:
        super().__init__(widget)
        self.key, self.widget, self.error = key, widget, error
        self._current, self._read, self._save = current, read, save
        if parse is None:
            parse = _none_if_empty if isinstance(widget, QComboBox) else _same
        self._parse = parse
        self._show = show or (lambda value: "" if value is None else value)
        self._dirty = False
        self._failed_on: object = _NOTHING
        self._updating = False
        self._holding = False  # a save made while typing: a refusal is not shown yet
        self._timer = SaveTimer(self._on_due, self, settled=self._on_settled)
        self._connect()

    def _connect(self) -> None:
        w = self.widget
        if isinstance(w, QLineEdit):
            w.textEdited.connect(self._on_typed)
            w.editingFinished.connect(self.commit)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(self._on_typed)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(self._on_picked)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(self._on_picked)
            line = w.lineEdit()
            if line is not None:  # an editable drop-down: typed text saves like a line edit
                line.textEdited.connect(self._on_typed)
                line.returnPressed.connect(self.commit)
                w.installEventFilter(self)  # the drop-down, not its line, gets the focus-out
        if isinstance(w, QLineEdit | QPlainTextEdit):
            w.installEventFilter(self)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Changes made inside are the program's, not the user's: nothing is saved."""
        self._updating = True
        try:
            yield
        finally:
            self._updating = False

    @property
    def pending(self) -> bool:
        """True while typed text waits for its save."""
        return self._dirty

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def _on_typed(self, *_args: object) -> None:
        if self._updating:
            return
        self._dirty = True
        self._timer.changed()

    def _on_picked(self, *_args: object) -> None:
        if self._updating:
            return
        self._dirty = True
        self.commit()

    def _value(self) -> object:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return self._parse(w.currentText() if w.isEditable() else w.currentData())
        text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()  # type: ignore[attr-defined]
        return self._parse(text)

    def commit(self) -> None:
        """Save now if anything is pending (leaving the field, closing, undo, Ctrl+S)."""
        self._timer.stop()
        self._save_pending(while_typing=False)

    def _on_due(self) -> None:
        self._save_pending(while_typing=self._timer.typing)

    def _on_settled(self) -> None:
        # The typist paused: a value refused while typing is tried again and its message shown.
        self._save_pending(while_typing=False)

    def _save_pending(self, while_typing: bool) -> None:
        if not self._dirty:
            return
        self._dirty = False
        try:
            value = self._value()
        except ParseError as exc:
            if while_typing:
                self._dirty = True
                return
            self.show_error(str(exc))
            self._failed_on = self._stored()
            return
        if value == self._stored() and self._failed_on is _NOTHING:
            return
        self._holding = while_typing
        try:
            saved = self._save(value)
        finally:
            self._holding = False
        if saved:
            self._failed_on = _NOTHING
            self.show_error("")
        elif while_typing:
            self._dirty = True
        else:
            self._failed_on = self._stored()

    def _stored(self) -> object:
        return self._read(self._current())

    def show_error(self, text: str) -> None:
        if text and self._holding:
            return
        self.error.show_message(text)
        self.widget.setAccessibleDescription(text)

    def refresh(self, plan: PlanDetail) -> None:
        """Show the stored value, unless the user's own text is waiting or was refused."""
        value = self._read(plan)
        if self._dirty or (self._failed_on is not _NOTHING and value == self._failed_on):
            return
        self._failed_on = _NOTHING
        with self.quiet():
            self._set(value)

    def _set(self, value: object) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox) and w.isEditable():
            w.setCurrentIndex(w.findData(value))
            w.setEditText(str(self._show(value)))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(self._show(value))))
        elif isinstance(w, QPlainTextEdit):
            if w.toPlainText() != str(self._show(value)):
                w.setPlainText(str(self._show(value)))
        elif isinstance(w, QLineEdit) and w.text() != str(self._show(value)):
            w.setText(str(self._show(value)))


_NOTHING = object()


def _none_if_empty(data: object) -> object:
    return None if data == "" else data


def _same(text: object) -> object:
    return text
