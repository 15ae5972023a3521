"""A bar above the plan while edits wait for the user's choice (someone else changed them too)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sip_desk.ui.editor.bindings import FieldBinding
from sip_desk.ui.editor.session import PlanSession


class ConflictBar(QFrame):
    """Names the fields and cells whose text is not saved yet; "Choose…" asks about each."""

    def __init__(
        self,
        session: PlanSession,
        bindings: Callable[[], Iterable[FieldBinding]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_bar")
        self.setStyleSheet(
            "#conflict_bar { background: #fde2c8; border: 1px solid #b45309; }"
            " QLabel { color: #3b1d00; }"
        )
        self.session = session
        self._bindings = bindings
        self.message = QLabel(self)
        self.message.setObjectName("conflict_bar_message")
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Choose…"), self)
        self.button.setObjectName("conflict_bar_choose")
        self.button.clicked.connect(self.settle_all)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button)
        session.deferred_changed.connect(self.show_waiting)
        self.hide()

    def show_waiting(self) -> None:
        """Show what waits for a choice (hidden when nothing does)."""
        labels = [e.change.label for e in self.session.deferred.values() if e.change is not None]
        if not labels:
            self.hide()
            return
        self.message.setText(
            "⚠ "
            + self.tr(
                "Not saved yet, because someone else changed the same text at the same time: "
                "%1. Your text is kept until you choose."
            ).replace("%1", ", ".join(self.tr("“%1”").replace("%1", name) for name in labels))
        )
        self.show()

    def settle_all(self) -> bool:
        """Ask about every waiting edit now; True when none waits any more."""
        fields = {}
        for binding in self._bindings():
            fields[binding.key] = binding
            if binding.deferred:
                binding.decide()  # the field holds the latest text: it asks itself
        for key in list(self.session.deferred):
            # the rest: cells, and text another copy replaced (the field shows theirs by now)
            if key in self.session.deferred and not (key in fields and fields[key].deferred):
                self.session.settle(key)
        return not self.session.deferred and not any(b.deferred for b in fields.values())
