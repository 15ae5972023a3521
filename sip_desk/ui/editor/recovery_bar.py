"""Text an editor could not save before it ended offers itself when the plan is opened again.

One held-back text at a time (held_text.py): "Restore" puts it back into its field and saves it,
asking first when the field was changed since; "Discard" drops it. Nothing is written to the
store before the user chooses. A table cell's text cannot be put back in place: "Restore" copies
it for the user to paste.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sip_desk.domain.messages import label
from sip_desk.domain.text import known
from sip_desk.ui.editor.bindings import FieldBinding
from sip_desk.ui.editor.held_text import HeldText, LeftOver, left_over, store_name
from sip_desk.ui.editor.session import PlanSession, ui_lang


class RecoveryBar(QFrame):
    """Offers held-back text left by an editor that did not end (see the module docstring)."""

    def __init__(
        self,
        session: PlanSession,
        bindings: Callable[[], Iterable[FieldBinding]],
        notice: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_bar")
        self.setStyleSheet(
            "#recovery_bar { background: #fde2c8; border: 1px solid #b45309; }"
            " QLabel { color: #3b1d00; }"
        )
        self._bindings, self._notice = bindings, notice
        self.message = QLabel(self)
        self.message.setObjectName("recovery_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = self._button("recovery_restore", self.tr("Restore"), self.restore)
        self.discard_button = self._button("recovery_discard", self.tr("Discard"), self.discard)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.discard_button)
        self._offers = left_over(store_name(session), session.plan_id)
        self._show_next()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(True)  # Enter on the focused button presses it
        button.clicked.connect(slot)
        return button

    @property
    def current(self) -> tuple[LeftOver, HeldText] | None:
        """The held-back text offered now."""
        return (self._offers[0], self._offers[0].held[0]) if self._offers else None

    def _show_next(self) -> None:
        offer = self.current
        if offer is None:
            self.hide()
            return
        held = offer[1]
        self.message.setText(
            "⚠ "
            + self.tr("Text that could not be saved before SIP Desk ended, in “%1”: %2")
            .replace("%1", _place(held))
            .replace("%2", held.text)
        )
        self.show()
        QTimer.singleShot(0, self, self._take_focus)

    def _take_focus(self) -> None:
        if self.isVisible():
            self.restore_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def restore(self) -> None:
        """Put the text back where it was typed and save it (a conflict asks)."""
        offer = self.current
        if offer is None:
            return
        left, held = offer
        binding = next((b for b in self._bindings() if b.key == held.key), None)
        if binding is not None and binding.restore(held.text, held.base):
            self._drop(left, held)  # saved, or held back again by this editor's journal
            binding.widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        QGuiApplication.clipboard().setText(held.text)
        self._drop(left, held)
        self._notice(self.tr("The text is copied: paste it where it belongs (Ctrl+V)."))

    def discard(self) -> None:
        """Drop the text offered now."""
        offer = self.current
        if offer is not None:
            self._drop(*offer)

    def _drop(self, left: LeftOver, held: HeldText) -> None:
        left.without(held.key)
        rest = tuple(h for h in left.held if h.key != held.key)
        self._offers[0:1] = [LeftOver(left.path, rest)] if rest else []
        self._show_next()


def _place(held: HeldText) -> str:
    """The field's name in the UI language (a cell: as the editor that held it named it)."""
    lang = ui_lang()
    return label(held.key, lang) if known(lang, f"field.{held.key}") else held.label
