"""Putting a stored text into a field the user may be typing in: caret and view stay with the text.

``setPlainText`` and ``setText`` put the caret at the start (or the end) and the view at the
top, so after an undo, or a refresh from the store, the next keystroke would land far from
where the user was typing. :func:`show_text` changes the text, then puts the caret where the
change was (:func:`caret_after`) and keeps the scroll position.

Qt counts positions in UTF-16 code units, Python in code points; the two differ only for
characters outside the Basic Multilingual Plane (emoji), and are converted here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """Where ``old`` and ``new`` differ: ``old[start:old_end]`` became ``new[start:new_end]``."""
    limit = min(len(old), len(new))
    start = _common_prefix(old, new, limit)
    end = _common_prefix(old[::-1], new[::-1], limit - start)
    return start, len(old) - end, len(new) - end


def caret_after(old: str, new: str, caret: int) -> int:
    """Where a caret at ``caret`` in ``old`` belongs once the text is ``new``.

    Before the change it stays; after the change it stays with the text it was in front
    of; in the change (or at its edges) it goes to the end of what changed, where the next
    keystroke continues it.
    """
    start, old_end, new_end = changed_span(old, new)
    if caret < start:
        return caret
    if caret > old_end:
        return caret + len(new) - len(old)
    return new_end


def show_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show ``text`` in ``widget``, the caret placed by :func:`caret_after`, the view kept."""
    if isinstance(widget, QLineEdit):
        old = widget.text()
        if old != text:
            caret = caret_after(old, text, _index(old, widget.cursorPosition()))
            widget.setText(text)
            widget.setCursorPosition(_position(text, caret))
        return
    old = widget.toPlainText()
    if old == text:
        return
    caret = caret_after(old, text, _index(old, widget.textCursor().position()))
    bars = (widget.verticalScrollBar(), widget.horizontalScrollBar())
    values = [bar.value() for bar in bars]
    widget.setPlainText(text)
    cursor = widget.textCursor()
    last = widget.document().characterCount() - 1
    cursor.setPosition(max(0, min(_position(text, caret), last)))
    widget.setTextCursor(cursor)
    for bar, value in zip(bars, values, strict=True):
        bar.setValue(value)
    widget.ensureCursorVisible()  # scrolls only if the caret would be out of sight


def _common_prefix(a: str, b: str, limit: int) -> int:
    """Length of the common start of ``a`` and ``b`` (at most ``limit``); slices compare in C."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _index(text: str, position: int) -> int:
    """A Qt (UTF-16) position in ``text`` as a Python index."""
    if text.isascii():
        return position
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", errors="ignore"))


def _position(text: str, index: int) -> int:
    """A Python index in ``text`` as a Qt (UTF-16) position."""
    return len(text[:index].encode("utf-16-le")) // 2
