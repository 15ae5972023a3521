"""The participants of a plan, edited inline."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from sip_desk.domain.enums import InvitationKind, PrincipalType
from sip_desk.domain.participant import ParticipantData, invitation_for
from sip_desk.ui.item_models.cell_values import Column, parse_cell
from sip_desk.ui.item_models.row_table_model import RowTableModel


class ParticipantTableModel(RowTableModel):
    """One participant a line; the blank last line adds one when a name is typed.

    Summoned/invited follows the principal (``invitation_for``): a new participant, an other
    actor until told otherwise, is invited; choosing kommun or region makes them summoned,
    unless the invitation was already set against the rule by hand.
    """

    CONTEXT = "ParticipantTableModel"
    DATA_TYPE = ParticipantData
    PLACEHOLDER = QT_TRANSLATE_NOOP("ParticipantTableModel", "New participant: type the name")
    REQUIRED = "name"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("ParticipantTableModel", "Name")),
        Column("organisation", QT_TRANSLATE_NOOP("ParticipantTableModel", "Organisation"), drop=4),
        Column(
            "principal",
            QT_TRANSLATE_NOOP("ParticipantTableModel", "Principal"),
            "choice",
            PrincipalType,
            drop=5,
        ),
        Column("unit", QT_TRANSLATE_NOOP("ParticipantTableModel", "Unit"), table=False),
        Column("role", QT_TRANSLATE_NOOP("ParticipantTableModel", "Role"), drop=3),
        Column("phone", QT_TRANSLATE_NOOP("ParticipantTableModel", "Phone"), table=False),
        Column("email", QT_TRANSLATE_NOOP("ParticipantTableModel", "E-mail"), table=False),
        Column(
            "invitation",
            QT_TRANSLATE_NOOP("ParticipantTableModel", "Summoned/invited"),
            "choice",
            InvitationKind,
            drop=2,
        ),
        Column("present", QT_TRANSLATE_NOOP("ParticipantTableModel", "Present"), "bool", drop=1),
        Column(
            "is_relative",
            QT_TRANSLATE_NOOP("ParticipantTableModel", "Relative"),
            "bool",
            table=False,
        ),
        Column(
            "is_chair", QT_TRANSLATE_NOOP("ParticipantTableModel", "Chair"), "bool", table=False
        ),
        Column(
            "contact_role", QT_TRANSLATE_NOOP("ParticipantTableModel", "Contact role"), table=False
        ),
    )

    def new_data(self, draft: dict[str, Any]) -> Any:
        return super().new_data({"invitation": _draft_invitation(draft), **draft})

    def _value(self, row: int, attr: str) -> Any:
        if attr == "invitation" and self.is_blank(row) and attr not in self.draft:
            return _draft_invitation(self.draft)
        return super()._value(row, attr)

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        column = self.COLUMNS[index.column()] if index.isValid() else None
        if column is None or column.attr != "principal" or self.is_blank(index.row()):
            return super().setData(index, value, role)
        row = self.rows[index.row()]
        if not row.organisation.strip():  # the principal is the organisation's: none without
            return super().setData(index, value, role)
        try:
            principal = parse_cell(column, value, role)
        except ValueError:
            return super().setData(index, value, role)  # refused there, with its message
        follows = invitation_for(principal)
        if row.invitation != invitation_for(row.principal) or row.invitation == follows:
            return super().setData(index, value, role)  # set by hand, or already right
        data = dataclasses.replace(self.row_data(row), principal=principal, invitation=follows)
        saved = self.commit_update(row, data)
        self.last_edit_refused = not saved
        return saved


def _draft_invitation(draft: dict[str, Any]) -> Any:
    """The blank line's invitation: by its principal, which an organisation must carry."""
    has_org = bool(str(draft.get("organisation", "")).strip())
    return invitation_for(
        draft.get("principal", PrincipalType.OTHER) if has_org else PrincipalType.OTHER
    )
