"""Participants, consents, goals, needs and actions: add, change, remove, reorder."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from sip_desk.db import repositories as repo
from sip_desk.db.models import Action, Goal, InformationConsent, Need, Participant, Plan
from sip_desk.db.plan_write import Written
from sip_desk.db.row_restore import put_back, take_rows
from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.removal import Removal
from sip_desk.domain.validation import (
    validate_action,
    validate_consent,
    validate_goal,
    validate_need,
    validate_participant,
)
from sip_desk.services.context import ServiceContext
from sip_desk.services.unit_of_work import PlanEdit, Saved, edit_plan, find_row, save_cells


@dataclass(frozen=True)
class _Kind:
    """One kind of plan item: ORM class, list (on ``Plan`` and ``PlanDetail``), data, table.

    ``cells`` are stored as they are in their own column, with nothing else derived from them
    (a participant's name is shown on actions and meetings, so it is not one of them).
    """

    model: type[Any]
    attr: str
    data: type[Any]
    table: str
    cells: frozenset[str]
    validate: Callable[..., None]


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_KINDS = {
    "participant": _Kind(
        Participant, "participants", ParticipantData, "participants",
        _names("role phone email invitation present is_relative is_chair contact_role"),
        validate_participant,
    ),
    "consent": _Kind(
        InformationConsent, "consents", InformationConsentData, "information_consents",
        _names(
            "information_shared information_excluded valid_from valid_until form given_by"
            " given_by_name revoked_on"
        ),
        validate_consent,
    ),
    "goal": _Kind(Goal, "goals", GoalData, "goals", _names("text term"), validate_goal),
    "need": _Kind(Need, "needs", NeedData, "needs", _names("description"), validate_need),
    "action": _Kind(
        Action, "actions", ActionData, "actions",
        _names("description is_other_actor start_date end_date status cost_responsibility"),
        validate_action,
    ),
}  # fmt: skip
_STRIPPED = frozenset({"name", "email", "text", "description"})


def _clean(name: str, value: Any) -> Any:
    return value.strip() if name in _STRIPPED else value


def _plain(kind: str, d: Any, *more: str) -> dict[str, Any]:
    """The row's cells, and the ``more`` columns, as they are in ``d``."""
    return {n: _clean(n, getattr(d, n)) for n in (*_KINDS[kind].cells, *more)}


def _check_ref(ids: set[int], value: int | None, field: str) -> None:
    if value is not None and value not in ids:
        raise ValidationErrors([ValidationError(field, "validation.unknown_reference")])


def _org_and_unit(s: Session, organisation: str, principal: Any, unit: str) -> dict[str, Any]:
    org = repo.organisation(s, organisation, principal)
    u = repo.unit(s, org, unit)
    return {"organisation_id": org.id if org else None, "unit_id": u.id if u else None}


def participant_columns(s: Session, _plan: Plan, d: ParticipantData) -> dict[str, Any]:
    """Columns of a participant row from its data."""
    return {
        **_plain("participant", d, "name"),
        **_org_and_unit(s, d.organisation, d.principal, d.unit),
    }


def consent_columns(s: Session, _plan: Plan, d: InformationConsentData) -> dict[str, Any]:
    """Columns of a consent row from its data."""
    org = repo.organisation(s, d.organisation, d.principal)
    assert org is not None  # validation requires the organisation
    return {**_plain("consent", d), "organisation_id": org.id}


def goal_columns(_s: Session, plan: Plan, d: GoalData) -> dict[str, Any]:
    """Columns of a goal row from its data."""
    _check_ref({g.id for g in plan.goals}, d.parent_id, "goal.parent_id")
    return _plain("goal", d, "parent_id")


def need_columns(_s: Session, _plan: Plan, d: NeedData) -> dict[str, Any]:
    """Columns of a need row from its data."""
    return _plain("need", d)


def action_columns(s: Session, plan: Plan, d: ActionData) -> dict[str, Any]:
    """Columns of an action row from its data (linked goals are set separately)."""
    _check_ref({n.id for n in plan.needs}, d.need_id, "action.need_id")
    _check_ref(
        {p.id for p in plan.participants},
        d.responsible_participant_id,
        "action.responsible_participant_id",
    )
    goal_ids = {g.id for g in plan.goals}
    for goal_id in d.goal_ids:
        _check_ref(goal_ids, goal_id, "action.goal_ids")
    more = ("need_id", "responsible_principal", "responsible_participant_id")
    org_unit = _org_and_unit(s, d.organisation, d.responsible_principal, d.unit)
    return {**_plain("action", d, *more), **org_unit}


_COLUMNS: dict[str, Callable[[Session, Plan, Any], dict[str, Any]]] = {
    "participant": participant_columns,
    "consent": consent_columns,
    "goal": goal_columns,
    "need": need_columns,
    "action": action_columns,
}


class PlanItemsService:
    """The lists inside a plan. Each method is one transaction and returns the saved plan."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def add(self, kind: str, plan_id: int, version: int, data: Any) -> Saved:
        """Add a row of ``kind`` ("participant", "consent", "goal", "need", "action")."""
        _validate(kind, data)
        k = _KINDS[kind]

        def change(edit: PlanEdit) -> None:
            values = _COLUMNS[kind](edit.session, edit.plan, data)
            collection = getattr(edit.plan, k.attr)
            if hasattr(k.model, "position"):
                values["position"] = max((r.position for r in collection), default=-1) + 1
            row = k.model(**values)
            collection.append(row)
            if kind == "action":
                row.goals = [g for g in edit.plan.goals if g.id in data.goal_ids]
            edit.session.flush()
            edit.log.record(AuditAction.CREATE, kind, row.id, new=_label(row))
            edit.item_id, edit.changed = row.id, True

        return edit_plan(self._ctx, plan_id, version, change)

    def update(self, kind: str, plan_id: int, version: int, item_id: int, data: Any) -> Saved:
        """Change row ``item_id`` of ``kind`` to ``data`` (e.g. record a consent's revocation)."""
        _validate(kind, data, item_id)

        def change(edit: PlanEdit) -> None:
            row = _find(edit, kind, item_id)
            edit.apply(row, kind, _COLUMNS[kind](edit.session, edit.plan, data))
            if kind == "action":  # the linked goals are set apart from the columns
                old = tuple(g.id for g in row.goals)
                new = tuple(g.id for g in edit.plan.goals if g.id in data.goal_ids)
                if set(old) != set(new):
                    row.goals = [g for g in edit.plan.goals if g.id in data.goal_ids]
                    edit.log.record(AuditAction.UPDATE, kind, item_id, "goal_ids", old, new)
                    edit.changed = True
            edit.item_id = item_id

        return edit_plan(self._ctx, plan_id, version, change)

    @staticmethod
    def cells_of(kind: str) -> frozenset[str]:
        """The cells of a ``kind`` row that :meth:`save_cells` writes."""
        return _KINDS[kind].cells

    def save_cells(
        self, plan: PlanDetail, kind: str, item_id: int, cells: dict[str, Any]
    ) -> Written:
        """Save a few cells (of :meth:`cells_of`) of one row of ``plan`` as the caller holds it.

        Checked as :meth:`update` checks the whole row; one short transaction with
        the version check and an audit row per cell, nothing read back.
        """
        k = _KINDS[kind]
        if not set(cells) <= k.cells:
            raise ValueError(f"not simple {kind} cells: {sorted(set(cells) - k.cells)}")
        row = find_row(getattr(plan, k.attr), kind, item_id)
        names = [f.name for f in dataclasses.fields(k.data)]
        data = dataclasses.replace(k.data(**{n: getattr(row, n) for n in names}), **cells)
        _validate(kind, data, item_id)
        changes = {n: (getattr(row, n), _clean(n, v)) for n, v in cells.items()}
        return save_cells(self._ctx, plan, kind, k.table, item_id, changes)

    def remove(self, kind: str, plan_id: int, version: int, item_id: int) -> Saved:
        """Remove a row of ``kind`` ("participant", "consent", "goal", "need", "action").

        The result's ``removal`` holds the row and all that went with it, for :meth:`restore`.
        """

        def change(edit: PlanEdit) -> None:
            row = _find(edit, kind, item_id)
            rows, unlinked = take_rows(edit.session.connection(), _KINDS[kind].table, item_id)
            edit.removal = Removal(kind, plan_id, item_id, rows, unlinked)
            getattr(edit.plan, _KINDS[kind].attr).remove(row)
            edit.log.record(AuditAction.DELETE, kind, item_id, old=_label(row))
            edit.changed = True

        return edit_plan(self._ctx, plan_id, version, change)

    def restore(self, plan_id: int, version: int, removal: Removal) -> Saved:
        """Undo a removal: put the row back as it was, under its old id when that is free.

        Its position, its links (an action's goals, the actions that pointed at a need or a
        participant, a goal's sub-goals), its translations and its reviews come back with it,
        so the plan reads as before the removal. The result's ``item_id`` is the row's id now.
        """
        if removal.plan_id != plan_id:
            raise ValueError(f"removal of plan {removal.plan_id}, not of plan {plan_id}")
        k = _KINDS[removal.kind]

        def change(edit: PlanEdit) -> None:
            ids = put_back(edit.session.connection(), removal.rows, removal.unlinked)
            item_id = ids[(k.table, removal.item_id)]
            label = _label_of(dict(removal.rows[0].values))
            edit.log.record(AuditAction.CREATE, removal.kind, item_id, new=label)
            edit.item_id, edit.changed = item_id, True

        return edit_plan(self._ctx, plan_id, version, change)

    def move(self, kind: str, plan_id: int, version: int, item_id: int, new_index: int) -> Saved:
        """Move a row of ``kind`` to ``new_index`` in its list."""

        def change(edit: PlanEdit) -> None:
            rows = list(getattr(edit.plan, _KINDS[kind].attr))
            row = _find(edit, kind, item_id)
            rows.remove(row)
            rows.insert(max(0, min(new_index, len(rows))), row)
            for i, r in enumerate(rows):
                edit.apply(r, kind, {"position": i})

        return edit_plan(self._ctx, plan_id, version, change)


def _find(edit: PlanEdit, kind: str, item_id: int) -> Any:
    return find_row(getattr(edit.plan, _KINDS[kind].attr), kind, item_id)


def _validate(kind: str, data: Any, item_id: int | None = None) -> None:
    if kind == "goal":
        validate_goal(data, item_id)
    else:
        _KINDS[kind].validate(data)


def _label(row: Any) -> str:
    return _label_of(
        {n: getattr(row, n) for n in ("name", "text", "description", "id") if hasattr(row, n)}
    )


def _label_of(values: dict[str, Any]) -> str:
    for name in ("name", "text", "description"):
        if name in values:
            return str(values[name])[:200]
    return str(values.get("id", ""))
