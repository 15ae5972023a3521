"""One input widget bound to one stored value: saved while typing and on focus-out; inline error.

The binding remembers the stored value it last showed (``base``). A save tells the session
that value too, so a change someone else made to the same field meanwhile is noticed: the
user chooses (when leaving the field, never in the middle of typing) or decides later; until
then the typed text stays in the field, unsaved, with a note beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.conflicts import FieldSave, Outcome
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.editor.field_widgets import (
    connect_field,
    default_parse,
    is_picked,
    is_text,
    raw_text,
    read_value,
    show_value,
)
from sip_desk.ui.editor.reveal import reveal_soon
from sip_desk.ui.editor.text_place import changed_span, show_text
from sip_desk.ui.item_models.cell_values import ParseError
from sip_desk.ui.save_timer import SaveTimer

Save = Callable[[FieldSave], "bool | Outcome"]


class FieldBinding(QObject):
    """Saves ``widget``'s value through ``save`` and shows what is stored (via ``read``).

    ``save`` gets a :class:`FieldSave` and returns True/False (saved or refused) or an Outcome.
    """

    def __init__(
        self,
        key: str,
        widget: QWidget,
        error: ErrorLabel,
        current: Callable[[], PlanDetail],
        read: Callable[[PlanDetail], object],
        save: Save,
        parse: Callable[[Any], object] | None = None,
        show: Callable[[object], Any] | None = None,
    ) -> None:
        super().__init__(widget)
        self.key, self.widget, self.error = key, widget, error
        self.noted = False  # a calm note (another copy's text) is shown beside the field
        self._current, self._read, self._save = current, read, save
        self._parse = parse or default_parse(widget)
        self._show = show or (lambda value: "" if value is None else value)
        self._dirty = False
        self._failed_on: object = _NOTHING
        self._updating = False
        self._saving = False
        self._holding = False  # a save made while typing: a refusal is not shown yet
        self._text = ""  # the text as last seen, to tell a paste from a keystroke
        self.message = ""  # the message shown beside the field
        self.base: object = _NOTHING
        self.deferred = False  # a conflict with someone else's change waits for the user
        self._asked = False  # ...and was put off since the field last had the focus
        self._timer = SaveTimer(self._on_due, self, settled=self._on_settled)
        self._connect()

    def _connect(self) -> None:
        connect_field(self.widget, self, self._on_typed, self._on_picked, self.commit)

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

    @property
    def refused(self) -> bool:
        """The field shows what the user entered, but it is not stored (see ``message``)."""
        return self._failed_on is not _NOTHING or self._dirty

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        elif event.type() == QEvent.Type.FocusIn:
            self._asked = False
        return False

    def _on_typed(self, *_args: object) -> None:
        before, self._text = self._text, self._raw_text()
        if self._updating:
            return
        self._dirty = True
        if self.noted:
            self.show_error("")  # the note about the other copy's text goes at the next edit
        start, _end, new_end = changed_span(before, self._text)
        if new_end - start > 1:  # pasted or dropped, not typed: saved (or refused) at once
            self.commit(ask=False)
            return
        self._asked = False
        self._timer.changed()

    def _raw_text(self) -> str:
        return raw_text(self.widget)

    def _on_picked(self, *_args: object) -> None:
        if self._updating:
            return
        self._dirty = True
        self.commit()

    def _value(self) -> object:
        return read_value(self.widget, self._parse)

    def commit(self, ask: bool = True) -> None:
        """Save now if anything is pending; ``ask``: a conflict may be asked about now."""
        self._timer.stop()
        self._save_pending(ask=ask, while_typing=False)

    def _on_due(self) -> None:
        self._save_pending(ask=False, while_typing=self._timer.typing)

    def _on_settled(self) -> None:
        # The typist paused: a value refused while typing is tried again and its message shown.
        # A conflict is still not asked about: that waits until the user leaves the field.
        self._save_pending(ask=False, while_typing=False)

    def _save_pending(self, ask: bool, while_typing: bool) -> None:
        # Text held back by a conflict is offered again as typed (not asked): the session
        # then holds the latest text, and so does the crash journal (held_text.py).
        if not self._dirty or (self.deferred and ask and self._asked):
            return
        try:
            value = self._value()
        except ParseError as exc:
            if while_typing:
                return  # still dirty: shown when the typist pauses or leaves the field
            self._dirty = False
            self.show_error(str(exc))
            self._failed_on = self._stored()
            return
        stored = self._stored()
        if value == stored and self._failed_on is _NOTHING and not self.deferred:
            self._dirty = False
            return
        base = stored if self.base is _NOTHING else self.base
        self._saving = True  # a reload during the save must not replace the typed text
        self._holding = while_typing
        try:
            result = self._save(self._request(value, base, ask))
        finally:
            self._saving = False
            self._holding = False
        self._settle(_outcome(result), ask, while_typing)

    def decide(self) -> None:
        """Ask now about a conflict the user put off."""
        self._asked = False
        self.commit(ask=True)

    def restore(self, text: str, base: str) -> bool:
        """Put back ``text`` a crash kept from the store, typed over ``base``: saved now, or
        asked about if the field changed since (never saved over that silently)."""
        w = self.widget
        if not isinstance(w, QLineEdit | QPlainTextEdit):
            return False
        with self.quiet():
            show_text(w, text)
        try:
            self.base = self._parse(base)
        except ParseError:
            self.base = object()  # equal to nothing stored: the user is asked
        self._text = self._raw_text()
        self._dirty, self._asked = True, False
        self.commit(ask=True)
        return True

    def _request(self, value: object, base: object, ask: bool) -> FieldSave:
        w = self.widget
        text = is_text(w) and all(v is None or isinstance(v, str) for v in (value, base))
        return FieldSave(
            value,
            base,
            ask,
            text=text,
            multiline=isinstance(w, QPlainTextEdit),
            show=lambda v: str(self._show(v)),
            parse=self._parse,
        )

    def _settle(self, outcome: Outcome, ask: bool, while_typing: bool) -> None:
        if outcome in (Outcome.SAVED, Outcome.THEIRS):
            self._dirty = False
            self._failed_on = _NOTHING
            self._set_deferred(False)
            self.show_error("")
            self.refresh(self._current())  # what is stored now: mine, theirs or the merge
        elif outcome is Outcome.DEFERRED:
            self._dirty = True
            self._asked = self._asked or ask
            self._set_deferred(True)
        elif outcome is Outcome.FAILED:
            self._dirty = True  # kept, and saved again on leaving the field
        elif outcome is Outcome.BUSY:
            self._dirty = True  # kept; the editor tries again until the store is free
            self.show_error(
                QCoreApplication.translate(
                    "Bindings", "Not saved yet: the database is busy. It is saved when it is free."
                )
            )
        elif while_typing:
            self._dirty = True  # refused while typing: tried again (and shown) at a pause
        elif self._picked():
            self._dirty = False  # nothing typed to keep: show what is stored (a declined switch)
            self._failed_on = _NOTHING
            self.refresh(self._current())
        else:
            self._dirty = False
            self._failed_on = self._stored()

    def _picked(self) -> bool:
        return is_picked(self.widget)

    def _set_deferred(self, deferred: bool) -> None:
        if deferred:
            self.show_error(
                QCoreApplication.translate(
                    "Bindings",
                    "Not saved yet: someone else changed this field at the same time. "
                    "Leave the field to choose which text to keep.",
                )
            )
        elif self.deferred:
            self.show_error("")
        self.deferred = deferred

    def revert(self) -> None:
        """Drop what the user entered and the store refused: show the stored value again."""
        self._timer.stop()
        self._dirty = False
        self._failed_on = _NOTHING
        self._holding = False
        self.show_error("")
        self.refresh(self._current())

    def _stored(self) -> object:
        return self._read(self._current())

    def show_note(self, text: str) -> None:
        """A calm note beside the field (another copy's text shown); cleared at the next edit."""
        if self.message:
            return  # a message to act on stays
        self.noted = True
        self.error.show_note(text)

    def show_error(self, text: str) -> None:
        if text and self._holding:
            return
        self.noted = False
        self.message = text
        self.error.show_message(text)
        if text and self.widget.hasFocus():
            reveal_soon(self.error)  # below the field the user is in: scrolled into sight
        self.widget.setAccessibleDescription(text)

    def refresh(self, plan: PlanDetail) -> None:
        """Show the stored value, unless the user's own text is waiting or was refused."""
        value = self._read(plan)
        if self._dirty or self._saving:
            return
        if self._failed_on is not _NOTHING and value == self._failed_on:
            return
        self._failed_on = _NOTHING
        self.base = value
        if self._typing_in(value):
            return  # the store's tidied form of the typed text: the typist's spaces stay
        with self.quiet():
            self._set(value)
        self._text = self._raw_text()

    def _typing_in(self, value: object) -> bool:
        """True when the user is in this text field and it shows ``value`` but for spaces
        the store trims (``"Tar "`` stored as ``"Tar"``): rewriting it would eat the space."""
        if not is_text(self.widget) or not self.widget.hasFocus():
            return False
        shown, stored = self._raw_text(), str(self._show(value))
        return shown != stored and shown.split() == stored.split()

    def _set(self, value: object) -> None:
        show_value(self.widget, value, str(self._show(value)))


_NOTHING = object()


def _outcome(result: bool | Outcome) -> Outcome:
    if isinstance(result, Outcome):
        return result
    return Outcome.SAVED if result else Outcome.REFUSED
