"""A protected person's identity number and address, masked on a shared screen.

Masked by default; shown on request (a click, Space on the mask, or Ctrl+Shift+V) and masked
again after ``REVEAL_MS`` without typing. Each showing writes an access-log row (``reveal``).
Each masked field is covered by a button in its place,
so the field itself never shows the value while masked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.bindings import FieldBinding

REVEAL_MS = 30_000
REVEAL_KEY = "Ctrl+Shift+V"


def masked_identity(number: str) -> str:
    """ "19840312-1026" -> "19840312-****": the birth date stays, the last four go."""
    head, sep, tail = number.rpartition("-")
    if sep:
        return f"{head}-{'*' * len(tail)}"
    return number[:-4] + "****" if len(number) > 4 else "****"


class PrivacyMask(QObject):
    """Covers ``bindings``' line edits while the person has protected identity."""

    def __init__(
        self,
        section: QWidget,
        bindings: list[FieldBinding],
        plan: Callable[[], PlanDetail],
        reveal_ms: int = REVEAL_MS,
        on_reveal: Callable[[PlanDetail], None] | None = None,
    ) -> None:
        super().__init__(section)
        self._plan = plan
        self._on_reveal = on_reveal
        self.bindings = bindings
        self.revealed = False
        self.timer = QTimer(self, singleShot=True, interval=reveal_ms)
        self.timer.timeout.connect(self.mask)
        self.covers: dict[str, QPushButton] = {}
        self._captions = {  # the field's label: its mnemonic (Alt+N) leads to what is shown
            b.key: label
            for b in bindings
            for label in section.findChildren(QLabel)
            if label.buddy() is b.widget
        }
        for binding in bindings:
            field = binding.widget
            assert isinstance(field, QLineEdit)
            cover = QPushButton(section)
            cover.setObjectName(field.objectName() + "_mask")
            cover.setAutoDefault(True)  # Enter shows the values, as Space does
            cover.setStyleSheet("QPushButton { text-align: left; padding: 3px 6px; }")
            cover.clicked.connect(self.reveal)
            holder = field.parentWidget()
            box = holder.layout() if holder is not None else None
            assert isinstance(box, QVBoxLayout)  # the field's box (Section.bound_box)
            box.insertWidget(box.indexOf(field) + 1, cover)
            cover.hide()
            field.textEdited.connect(self._on_typed)
            self.covers[binding.key] = cover
        # Wherever the keyboard is in the window (the tab bar, the list the plan was opened
        # from): a window shortcut works while its section is shown, so only for the plan
        # whose tab is current.
        shortcut = QShortcut(QKeySequence(REVEAL_KEY), section)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.toggle)

    @property
    def masked(self) -> bool:
        """True while a value is covered."""
        return any(not cover.isHidden() for cover in self.covers.values())

    def shown_in_place_of(self, widget: QWidget) -> QWidget:
        """The mask covering ``widget``, or ``widget`` itself when it is not covered."""
        for binding in self.bindings:
            cover = self.covers[binding.key]
            if binding.widget is widget and not cover.isHidden():
                return cover
        return widget

    def refresh(self, plan: PlanDetail) -> None:
        """Cover or uncover the fields for ``plan`` as stored."""
        protected = plan.person.protected_identity
        if not protected:
            self.revealed = False
            self.timer.stop()
        for binding in self.bindings:
            cover = self.covers[binding.key]
            value = binding.widget.text() if isinstance(binding.widget, QLineEdit) else ""
            hide = protected and not self.revealed and bool(value) and not binding.pending
            if hide:
                cover.setText(self._cover_text(binding.key, value))
                cover.setAccessibleName(binding.widget.accessibleName())
            had_focus = (binding.widget if hide else cover).hasFocus()
            cover.setVisible(hide)
            binding.widget.setVisible(not hide)
            if binding.key in self._captions:
                self._captions[binding.key].setBuddy(cover if hide else binding.widget)
            if had_focus:  # the focus stays on the field's place
                (cover if hide else binding.widget).setFocus()

    def reveal(self) -> None:
        """Show the values until the timer runs out; showing masked values is logged."""
        was_masked = self.masked
        self.revealed = True
        plan = self._plan()
        self.refresh(plan)
        if plan.person.protected_identity:
            self.timer.start()
            if was_masked and self._on_reveal is not None:
                self._on_reveal(plan)  # an access-log row of its own

    def mask(self) -> None:
        """Cover the values again (what was typed is saved first)."""
        for binding in self.bindings:
            binding.commit(False)
        self.revealed = False
        self.timer.stop()
        self.refresh(self._plan())

    def toggle(self) -> None:
        if self.masked:
            self.reveal()
        else:
            self.mask()

    def _on_typed(self) -> None:
        if self.timer.isActive():
            self.timer.start()  # not while the user is typing

    def _cover_text(self, key: str, value: str) -> str:
        if key == "person.identity_number":
            return (
                self.tr("%1 – show (%2)")
                .replace("%1", masked_identity(value))
                .replace("%2", REVEAL_KEY)
            )
        return self.tr("Protected – show (%1)").replace("%1", REVEAL_KEY)
