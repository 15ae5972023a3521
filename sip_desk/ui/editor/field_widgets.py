"""What a bound field does that depends on its widget kind: signals, read and show a value.

The editor binds line edits, text boxes, check boxes and drop-downs (fixed or editable) to
stored values; :class:`~sip_desk.ui.editor.bindings.FieldBinding` keeps the saving logic and
asks this module for the parts that differ by widget.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from sip_desk.ui.editor.text_place import show_text


def format_date(value: date | None) -> str:
    """A date as the editor shows it."""
    return value.isoformat() if value else ""


def default_parse(widget: QWidget) -> Callable[[Any], object]:
    """How a typed or picked value is read when the field names no parser of its own."""
    return _none_if_empty if isinstance(widget, QComboBox) else _same


def _none_if_empty(data: object) -> object:
    return None if data == "" else data


def _same(text: object) -> object:
    return text


def connect_field(
    widget: QWidget,
    owner: QObject,
    typed: Callable[..., None],
    picked: Callable[..., None],
    commit: Callable[[], None],
) -> None:
    """Typing calls ``typed``, picking calls ``picked``, Enter calls ``commit``; ``owner``
    filters the focus-out of the widget that gets it."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(typed)
        widget.editingFinished.connect(commit)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(typed)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(picked)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(picked)
        line = widget.lineEdit()
        if line is not None:  # an editable drop-down: typed text saves like a line edit
            line.textEdited.connect(typed)
            line.returnPressed.connect(commit)
            widget.installEventFilter(owner)  # the drop-down, not its line, gets the focus-out
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.installEventFilter(owner)


def raw_text(widget: QWidget) -> str:
    """The text the widget shows, as typed."""
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    return widget.currentText() if isinstance(widget, QComboBox) else ""


def read_value(widget: QWidget, parse: Callable[[Any], object]) -> object:
    """The value the widget holds (raises ParseError through ``parse``)."""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return parse(widget.currentText() if widget.isEditable() else widget.currentData())
    return parse(raw_text(widget))


def is_picked(widget: QWidget) -> bool:
    """A check box or a fixed drop-down: its value is picked, not typed."""
    return isinstance(widget, QCheckBox) or (
        isinstance(widget, QComboBox) and not widget.isEditable()
    )


def is_text(widget: QWidget) -> bool:
    """A field the user types free text into."""
    return isinstance(widget, QLineEdit | QPlainTextEdit)


def show_value(widget: QWidget, value: object, shown: str) -> None:
    """Show ``value`` (``shown`` is its text form); the caret and view stay where they were."""
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox) and widget.isEditable():
        widget.setCurrentIndex(widget.findData(value))
        widget.setEditText(shown)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(max(0, widget.findData(shown)))
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        show_text(widget, shown)
