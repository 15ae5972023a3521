"""Guardians and legal representatives of the person (stored with the person, no ids)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sip_desk.domain.enums import RepresentativeKind
from sip_desk.domain.person import RepresentativeData
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.item_models.cell_values import Column
from sip_desk.ui.item_models.row_table_model import RowTableModel


@dataclass(frozen=True, kw_only=True)
class RepresentativeRow(RepresentativeData):
    """A representative with its place in the list as id."""

    id: int


RepresentativeColumn = IntEnum("RepresentativeColumn", "KIND NAME PHONE EMAIL", start=0)


class RepresentativeTableModel(RowTableModel):
    """Kind, name and contact details of each guardian or representative."""

    CONTEXT = "RepresentativeTableModel"
    DATA_TYPE = RepresentativeData
    PLACEHOLDER = QT_TRANSLATE_NOOP("RepresentativeTableModel", "New representative: type the name")
    REQUIRED = "name"
    COLUMNS = (
        Column(
            "kind",
            QT_TRANSLATE_NOOP("RepresentativeTableModel", "Kind"),
            "choice",
            RepresentativeKind,
        ),
        Column("name", QT_TRANSLATE_NOOP("RepresentativeTableModel", "Name")),
        Column("phone", QT_TRANSLATE_NOOP("RepresentativeTableModel", "Phone")),
        Column("email", QT_TRANSLATE_NOOP("RepresentativeTableModel", "E-mail")),
    )

    @staticmethod
    def rows_of(plan: PlanDetail) -> list[RepresentativeRow]:
        """The person's representatives, numbered."""
        return [
            RepresentativeRow(id=i, **{f.name: getattr(r, f.name) for f in _FIELDS})
            for i, r in enumerate(plan.person.representatives)
        ]

    def _all(self) -> list[RepresentativeData]:
        return [self.row_data(r) for r in self.rows]

    def replaced(self, row_id: int, data: RepresentativeData) -> tuple[RepresentativeData, ...]:
        reps = self._all()
        reps[row_id] = data
        return tuple(reps)

    def appended(self, data: RepresentativeData) -> tuple[RepresentativeData, ...]:
        return (*self._all(), data)

    def removed(self, row_id: int) -> tuple[RepresentativeData, ...]:
        return tuple(r for i, r in enumerate(self._all()) if i != row_id)


_FIELDS = dataclasses.fields(RepresentativeData)
