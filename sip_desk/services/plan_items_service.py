"""Participants, consents, goals, needs and actions: add, change, remove, reorder."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from sip_desk.db import repositories as repo
from sip_desk.db.models import Action, Goal, InformationConsent, Need, Participant, Plan
from sip_desk.db.plan_write import Written
from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.validation import (
    validate_action,
    validate_consent,
    validate_goal,
    validate_need,
    validate_participant,
)
from sip_desk.services.context import ServiceContext
from sip_desk.services.unit_of_work import PlanEdit, Saved, edit_plan, find_row, save_cells

Columns = Callable[[Session, Plan, Any], dict[str, Any]]


def _check_ref(ids: set[int], value: int | None, field: str) -> None:
    if value is not None and value not in ids:
        raise ValidationErrors([ValidationError(field, "validation.unknown_reference")])


def participant_columns(s: Session, _plan: Plan, d: ParticipantData) -> dict[str, Any]:
    """Columns of a participant row from its data."""
    org = repo.organisation(s, d.organisation, d.principal)
    return {
        "name": d.name.strip(),
        "organisation_id": org.id if org else None,
        "unit_id": (u.id if (u := repo.unit(s, org, d.unit)) else None),
        "role": d.role,
        "phone": d.phone,
        "email": d.email.strip(),
        "invitation": d.invitation,
        "present": d.present,
        "is_relative": d.is_relative,
        "is_chair": d.is_chair,
        "contact_role": d.contact_role,
    }


def consent_columns(s: Session, _plan: Plan, d: InformationConsentData) -> dict[str, Any]:
    """Columns of a consent row from its data."""
    org = repo.organisation(s, d.organisation, d.principal)
    assert org is not None  # validation requires the organisation
    return {
        "organisation_id": org.id,
        "information_shared": d.information_shared,
        "information_excluded": d.information_excluded,
        "valid_from": d.valid_from,
        "valid_until": d.valid_until,
        "form": d.form,
        "given_by": d.given_by,
        "given_by_name": d.given_by_name,
        "revoked_on": d.revoked_on,
    }


def goal_columns(_s: Session, plan: Plan, d: GoalData) -> dict[str, Any]:
    """Columns of a goal row from its data."""
    _check_ref({g.id for g in plan.goals}, d.parent_id, "goal.parent_id")
    return {"text": d.text.strip(), "term": d.term, "parent_id": d.parent_id}


def need_columns(_s: Session, _plan: Plan, d: NeedData) -> dict[str, Any]:
    """Columns of a need row from its data."""
    return {"description": d.description.strip()}


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
    org = repo.organisation(s, d.organisation, d.responsible_principal)
    return {
        "description": d.description.strip(),
        "need_id": d.need_id,
        "responsible_principal": d.responsible_principal,
        "organisation_id": org.id if org else None,
        "unit_id": (u.id if (u := repo.unit(s, org, d.unit)) else None),
        "responsible_participant_id": d.responsible_participant_id,
        "is_other_actor": d.is_other_actor,
        "start_date": d.start_date,
        "end_date": d.end_date,
        "status": d.status,
        "cost_responsibility": d.cost_responsibility,
    }


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_KINDS: dict[str, tuple[type[Any], str, Columns]] = {
    "participant": (Participant, "participants", participant_columns),
    "consent": (InformationConsent, "consents", consent_columns),
    "goal": (Goal, "goals", goal_columns),
    "need": (Need, "needs", need_columns),
    "action": (Action, "actions", action_columns),
}


_CELLS: dict[str, tuple[type[Any], str, frozenset[str]]] = {
    # Cells stored as they are in their own column, with nothing else derived from them (a
    # participant's name is shown on actions and meetings, so it is not one of them).
    "participant": (
        ParticipantData,
        "participants",
        _names("role phone email invitation present is_relative is_chair contact_role"),
    ),
    "consent": (
        InformationConsentData,
        "information_consents",
        _names(
            "information_shared information_excluded valid_from valid_until form given_by"
            " given_by_name revoked_on"
        ),
    ),
    "goal": (GoalData, "goals", _names("text term")),
    "need": (NeedData, "needs", _names("description")),
    "action": (
        ActionData,
        "actions",
        _names("description is_other_actor start_date end_date status cost_responsibility"),
    ),
}
_STRIPPED = frozenset({"email", "text", "description"})
_VALIDATE: dict[str, Callable[..., Any]] = {
    "participant": validate_participant,
    "consent": validate_consent,
    "need": validate_need,
    "action": validate_action,
}
_LISTS = {"participant": "participants", "consent": "consents", "goal": "goals"}


class PlanItemsService:
    """The lists inside a plan. Each method is one transaction and returns the saved plan."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def add(self, kind: str, plan_id: int, version: int, data: Any) -> Saved:
        """Add a row of ``kind`` ("participant", "consent", "goal", "need", "action")."""
        _validate(kind, data)
        return self._add(kind, plan_id, version, data, _goal_ids(kind, data))

    def update(self, kind: str, plan_id: int, version: int, item_id: int, data: Any) -> Saved:
        """Change row ``item_id`` of ``kind`` to ``data`` (e.g. record a consent's revocation)."""
        _validate(kind, data, item_id)
        return self._update(kind, plan_id, version, item_id, data, _goal_ids(kind, data))

    # Any kind
    @staticmethod
    def cells_of(kind: str) -> frozenset[str]:
        """The cells of a ``kind`` row that :meth:`save_cells` writes."""
        return _CELLS[kind][2]

    def save_cells(
        self, plan: PlanDetail, kind: str, item_id: int, cells: dict[str, Any]
    ) -> Written:
        """Save a few cells (of :meth:`cells_of`) of one row of ``plan`` as the caller holds it.

        Checked as :meth:`update` checks the whole row; one short transaction with
        the version check and an audit row per cell, nothing read back.
        """
        data_type, table, allowed = _CELLS[kind]
        if not set(cells) <= allowed:
            raise ValueError(f"not simple {kind} cells: {sorted(set(cells) - allowed)}")
        row = find_row(getattr(plan, _LISTS.get(kind, table)), kind, item_id)
        names = [f.name for f in dataclasses.fields(data_type)]
        data = dataclasses.replace(data_type(**{n: getattr(row, n) for n in names}), **cells)
        _validate(kind, data, item_id)
        changes = {
            n: (getattr(row, n), v.strip() if n in _STRIPPED else v) for n, v in cells.items()
        }
        return save_cells(self._ctx, plan, kind, table, item_id, changes)

    def remove(self, kind: str, plan_id: int, version: int, item_id: int) -> Saved:
        """Remove a row of ``kind`` ("participant", "consent", "goal", "need", "action")."""
        _cls, attr, _columns = _KINDS[kind]

        def change(edit: PlanEdit) -> None:
            row = self._find(edit, kind, item_id)
            getattr(edit.plan, attr).remove(row)
            edit.log.record(AuditAction.DELETE, kind, item_id, old=_label(row))
            edit.changed = True

        return edit_plan(self._ctx, plan_id, version, change)

    def move(self, kind: str, plan_id: int, version: int, item_id: int, new_index: int) -> Saved:
        """Move a row of ``kind`` to ``new_index`` in its list."""
        _cls, attr, _columns = _KINDS[kind]

        def change(edit: PlanEdit) -> None:
            rows = list(getattr(edit.plan, attr))
            row = self._find(edit, kind, item_id)
            rows.remove(row)
            rows.insert(max(0, min(new_index, len(rows))), row)
            for i, r in enumerate(rows):
                edit.apply(r, kind, {"position": i})

        return edit_plan(self._ctx, plan_id, version, change)

    def _add(
        self,
        kind: str,
        plan_id: int,
        version: int,
        data: Any,
        goal_ids: tuple[int, ...] | None = None,
    ) -> Saved:
        cls, attr, columns = _KINDS[kind]

        def change(edit: PlanEdit) -> None:
            values = columns(edit.session, edit.plan, data)
            collection = getattr(edit.plan, attr)
            if hasattr(cls, "position"):
                values["position"] = max((r.position for r in collection), default=-1) + 1
            row = cls(**values)
            collection.append(row)
            if goal_ids is not None:
                row.goals = [g for g in edit.plan.goals if g.id in goal_ids]
            edit.session.flush()
            edit.log.record(AuditAction.CREATE, kind, row.id, new=_label(row))
            edit.item_id, edit.changed = row.id, True

        return edit_plan(self._ctx, plan_id, version, change)

    def _update(
        self,
        kind: str,
        plan_id: int,
        version: int,
        item_id: int,
        data: Any,
        goal_ids: tuple[int, ...] | None = None,
    ) -> Saved:
        _cls, _attr, columns = _KINDS[kind]

        def change(edit: PlanEdit) -> None:
            row = self._find(edit, kind, item_id)
            edit.apply(row, kind, columns(edit.session, edit.plan, data))
            if goal_ids is not None:
                old = tuple(g.id for g in row.goals)
                new = tuple(g.id for g in edit.plan.goals if g.id in goal_ids)
                if set(old) != set(new):
                    row.goals = [g for g in edit.plan.goals if g.id in goal_ids]
                    edit.log.record(AuditAction.UPDATE, kind, item_id, "goal_ids", old, new)
                    edit.changed = True
            edit.item_id = item_id

        return edit_plan(self._ctx, plan_id, version, change)

    @staticmethod
    def _find(edit: PlanEdit, kind: str, item_id: int) -> Any:
        return find_row(getattr(edit.plan, _KINDS[kind][1]), kind, item_id)


def _validate(kind: str, data: Any, item_id: int | None = None) -> None:
    if kind == "goal":
        validate_goal(data, item_id)
    else:
        _VALIDATE[kind](data)


def _goal_ids(kind: str, data: Any) -> tuple[int, ...] | None:
    """The goals an action is linked to (set apart from its columns); None for other kinds."""
    return data.goal_ids if kind == "action" else None


def _label(row: Any) -> str:
    for name in ("name", "text", "description"):
        if hasattr(row, name):
            return str(getattr(row, name))[:200]
    return str(getattr(row, "id", ""))
