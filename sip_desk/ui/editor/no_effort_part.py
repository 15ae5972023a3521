"""The small table under the actions: principals taking part without an effort, and why.

The law asks which efforts each principal (kommun, region) answers for. A principal taking part
(``domain.principals``) that answers for no action gets a row here with a reason field; the
row goes when an action names it, and comes when its last action goes or a participant from a
new principal is added. Each reason field saves itself and is undone like any other input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import TakingPart, without_effort
from sip_desk.services.no_effort_reasons import stored_reason
from sip_desk.ui.editor.conflicts import FieldSave, Outcome
from sip_desk.ui.editor.no_effort_edits import set_no_effort_reason

if TYPE_CHECKING:
    from sip_desk.ui.editor.section import Section


@dataclass
class _Row:
    """The widgets of one principal: its name and its reason field (in a box with a message)."""

    principal: TakingPart
    name: QLabel
    field: QLineEdit
    box: QWidget


class NoEffortPart(QWidget):
    """ "Principals without an effort – reason": one row per principal that has no effort."""

    def __init__(self, section: Section) -> None:
        super().__init__(section)
        self.setObjectName("no_effort_part")
        self._section = section
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        self.title = QLabel(self.tr("Principals without an effort – reason"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        column.addWidget(self.title)
        self.note = QLabel(self)
        self.note.setObjectName("no_effort_note")
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        column.addLayout(self.grid)
        self.head_name = QLabel(self.tr("Principal"), self)
        self.head_reason = QLabel(self.tr("Why it has no effort"), self)
        for head in (self.head_name, self.head_reason):  # column headings, as in a table
            bold = head.font()
            bold.setBold(True)
            head.setFont(bold)
        self.rows: dict[str, _Row] = {}
        self._laying_out = False

    def refresh(self, plan: PlanDetail) -> None:
        """Show a row per principal without an effort; rows still wanted keep what is typed.

        Called before the section refreshes its inputs, so a new row shows its stored reason.
        """
        if self._laying_out:
            return
        self._laying_out = True
        try:
            self._lay_out(without_effort(plan))
        finally:
            self._laying_out = False

    def _lay_out(self, wanted: list[TakingPart]) -> None:
        keys = {t.anchor for t in wanted}
        for key in [k for k in self.rows if k not in keys]:
            self._section.bindings[key].commit(ask=False)  # typed text is kept for it
            del self._section.bindings[key]
            gone = self.rows.pop(key)
            for widget in (gone.name, gone.box):
                widget.hide()
                widget.deleteLater()
        while self.grid.count():
            self.grid.takeAt(0)
        shown = bool(wanted)
        for widget in (self.head_name, self.head_reason):
            widget.setVisible(shown)
        if shown:
            self.grid.addWidget(self.head_name, 0, 0)
            self.grid.addWidget(self.head_reason, 0, 1)
        kept = dict(self.rows)
        self.rows = {}  # in the order shown, for Tab
        for i, principal in enumerate(wanted, start=1):
            row = kept.get(principal.anchor) or self._new_row(principal)
            self.rows[principal.anchor] = row
            row.principal = principal
            row.name.setText(principal.label)
            self.grid.addWidget(row.name, i, 0)
            self.grid.addWidget(row.box, i, 1)
            row.name.show()
            row.box.show()  # at once, so Tab reaches a new row before the next paint
        self.note.setText(
            self.tr(
                "Every kommun and region taking part needs an effort in the plan, or a reason "
                "why it has none."
            )
            if shown
            else self.tr("Every kommun and region taking part has an effort in the plan.")
        )

    def _new_row(self, principal: TakingPart) -> _Row:
        name = QLabel(self)
        name.setWordWrap(True)
        field = QLineEdit(self)
        field.setPlaceholderText(self.tr("Why it has no effort"))
        field.setAccessibleName(
            self.tr("Why %1 has no effort").replace("%1", principal.organisation)
        )
        name.setBuddy(field)
        t = principal

        def read(plan: PlanDetail) -> object:
            return stored_reason(plan, t.principal, t.organisation)

        def save(request: FieldSave) -> Outcome:
            row = self.rows.get(t.anchor)
            label = self.tr("reason why %1 has no effort").replace(
                "%1", row.principal.label if row else t.label
            )
            edit = set_no_effort_reason(
                self._section.session, t.principal, t.organisation, label, request
            )
            return self._section.session.apply(edit, request.ask)

        box = self._section.bound_box(t.anchor, field, read, save, self)
        return _Row(principal, name, field, box)

    def focus_chain(self) -> list[QWidget]:
        """The reason fields, top to bottom."""
        return [row.field for row in self.rows.values()]
