"""The participants of a plan, edited inline."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sip_desk.domain.enums import InvitationKind, PrincipalType
from sip_desk.domain.participant import ParticipantData
from sip_desk.ui.item_models.cell_values import Column
from sip_desk.ui.item_models.row_table_model import RowTableModel

ParticipantColumn = IntEnum(
    "ParticipantColumn",
    "NAME ORGANISATION PRINCIPAL UNIT ROLE PHONE EMAIL INVITATION PRESENT RELATIVE"
    " CHAIR CONTACT_ROLE",
    start=0,
)


class ParticipantTableModel(RowTableModel):
    """One participant a line; the blank last line adds one when a name is typed."""

    CONTEXT = "ParticipantTableModel"
    DATA_TYPE = ParticipantData
    PLACEHOLDER = QT_TRANSLATE_NOOP("ParticipantTableModel", "New participant: type the name")
    REQUIRED = "name"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("ParticipantTableModel", "Name")),
        Column("organisation", QT_TRANSLATE_NOOP("ParticipantTableModel", "Organisation")),
        Column(
            "principal",
            QT_TRANSLATE_NOOP("ParticipantTableModel", "Principal"),
            "choice",
            PrincipalType,
        ),
        Column("unit", QT_TRANSLATE_NOOP("ParticipantTableModel", "Unit")),
        Column("role", QT_TRANSLATE_NOOP("ParticipantTableModel", "Role")),
        Column("phone", QT_TRANSLATE_NOOP("ParticipantTableModel", "Phone")),
        Column("email", QT_TRANSLATE_NOOP("ParticipantTableModel", "E-mail")),
        Column(
            "invitation",
            QT_TRANSLATE_NOOP("ParticipantTableModel", "Summoned/invited"),
            "choice",
            InvitationKind,
        ),
        Column("present", QT_TRANSLATE_NOOP("ParticipantTableModel", "Present"), "bool"),
        Column("is_relative", QT_TRANSLATE_NOOP("ParticipantTableModel", "Relative"), "bool"),
        Column("is_chair", QT_TRANSLATE_NOOP("ParticipantTableModel", "Chair"), "bool"),
        Column("contact_role", QT_TRANSLATE_NOOP("ParticipantTableModel", "Contact role")),
    )
