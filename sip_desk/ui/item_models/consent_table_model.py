"""Consents to share information, one organisation a line."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sip_desk.domain.enums import ConsentForm, ConsentGiver, PrincipalType
from sip_desk.domain.participant import InformationConsentData
from sip_desk.ui.item_models.cell_values import Column
from sip_desk.ui.item_models.row_table_model import RowTableModel


class ConsentTableModel(RowTableModel):
    """Which information may go to which organisation, for how long, given how and by whom."""

    CONTEXT = "ConsentTableModel"
    DATA_TYPE = InformationConsentData
    PLACEHOLDER = QT_TRANSLATE_NOOP("ConsentTableModel", "New consent: type the organisation")
    REQUIRED = "organisation"
    COLUMNS = (
        Column("organisation", QT_TRANSLATE_NOOP("ConsentTableModel", "Organisation")),
        Column(
            "principal",
            QT_TRANSLATE_NOOP("ConsentTableModel", "Principal"),
            "choice",
            PrincipalType,
            drop=5,
        ),
        Column(
            "information_shared",
            QT_TRANSLATE_NOOP("ConsentTableModel", "Information shared"),
            drop=1,
        ),
        Column(
            "information_excluded",
            QT_TRANSLATE_NOOP("ConsentTableModel", "Information excluded"),
            table=False,
        ),
        Column("valid_from", QT_TRANSLATE_NOOP("ConsentTableModel", "Valid from"), "date", drop=4),
        Column(
            "valid_until", QT_TRANSLATE_NOOP("ConsentTableModel", "Valid until"), "date", drop=2
        ),
        Column(
            "form",
            QT_TRANSLATE_NOOP("ConsentTableModel", "Form"),
            "choice",
            ConsentForm,
            table=False,
        ),
        Column(
            "given_by",
            QT_TRANSLATE_NOOP("ConsentTableModel", "Given by"),
            "choice",
            ConsentGiver,
            table=False,
        ),
        Column(
            "given_by_name", QT_TRANSLATE_NOOP("ConsentTableModel", "Name of giver"), table=False
        ),
        Column("revoked_on", QT_TRANSLATE_NOOP("ConsentTableModel", "Revoked on"), "date", drop=3),
    )

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = today

    def new_data(self, draft: dict[str, Any]) -> InformationConsentData:
        draft["valid_from"] = draft.get("valid_from") or self.today
        return InformationConsentData(**draft)

    def _value(self, row: int, attr: str) -> Any:
        if self.is_blank(row) and attr == "valid_from":
            return self.draft.get(attr) or self.today
        return super()._value(row, attr)
