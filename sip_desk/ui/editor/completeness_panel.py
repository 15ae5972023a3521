"""What the plan still lacks before signing, always visible; each item jumps to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QVBoxLayout, QWidget

from sip_desk.domain.completeness import MissingItem
from sip_desk.ui.editor.session import ui_lang
from sip_desk.ui.editor.wrapped_list import WrappedList

_ANCHOR = Qt.ItemDataRole.UserRole
_ENTITY = Qt.ItemDataRole.UserRole + 1


class CompletenessPanel(QWidget):
    """A list of missing items; Enter or a click on one emits ``anchor_activated``."""

    anchor_activated = Signal(str, int)  # anchor, entity id (-1 for none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completeness_panel")
        self.title = QLabel(self)
        self.title.setObjectName("completeness_title")
        self.title.setWordWrap(True)
        self.items = WrappedList(self)
        self.items.setObjectName("completeness_list")
        self.items.setAccessibleName(self.tr("What the plan lacks before signing"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.items, 1)
        layout.addStretch(0)  # takes the room when the list is hidden
        self.items.itemActivated.connect(self._on_item)
        self.items.itemClicked.connect(self._on_item)
        self.missing: list[MissingItem] = []
        self.signed_unchanged = False  # signed and nothing changed since: nothing to sign

    def set_signed_unchanged(self, signed_unchanged: bool) -> None:
        """Say whether the plan is signed with nothing changed since (then it needs no signing)."""
        if signed_unchanged != self.signed_unchanged:
            self.signed_unchanged = signed_unchanged
            self.show_missing(self.missing)

    def show_missing(self, missing: list[MissingItem]) -> None:
        """Show ``missing``; an empty list says the plan is ready to sign."""
        self.missing = list(missing)
        self.items.clear()
        lang = ui_lang()
        if missing:
            self.title.setText(
                "<b>⚠ "
                + self.tr("Missing before signing: %1").replace("%1", str(len(missing)))
                + "</b><br>"
                + self.tr("Press Enter on an item to go to its field.")
            )
        elif self.signed_unchanged:
            self.title.setText("<b>✓ " + self.tr("Complete.") + "</b>")
        else:
            self.title.setText("<b>✓ " + self.tr("Complete: the plan can be signed.") + "</b>")
        for item in missing:
            row = QListWidgetItem("→ " + item.message(lang), self.items)
            row.setData(_ANCHOR, item.anchor)
            row.setData(_ENTITY, -1 if item.entity_id is None else item.entity_id)
            row.setToolTip(self.tr("Go to the field"))
        self.items.fit_rows()
        self.items.setVisible(bool(missing))  # no empty white box under "Complete"

    def _on_item(self, item: QListWidgetItem) -> None:
        self.anchor_activated.emit(item.data(_ANCHOR), item.data(_ENTITY))
