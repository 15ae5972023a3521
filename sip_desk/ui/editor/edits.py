"""Undoable edits of the plan's own fields and the person's, saved against the current plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sip_desk.domain.errors import DomainError
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.unit_of_work import Saved, touched
from sip_desk.ui.editor.conflicts import FieldChange, FieldSave, Op
from sip_desk.ui.editor.edit_command import Edit
from sip_desk.ui.editor.session import PlanSession


def undo_text(template: object, subject: str) -> str:
    """An undo text such as "Ändra Anledning" (``template`` is an "Edits" source text)."""
    return QCoreApplication.translate("Edits", str(template)).replace("%1", subject)


def to_data(dto: Any, data_type: type[Any]) -> Any:
    """The editable part of a stored row (drops id, position and display-only fields)."""
    names = {f.name for f in dataclasses.fields(data_type)}
    return data_type(**{n: getattr(dto, n) for n in names})


def person_data(plan: PlanDetail) -> PersonData:
    """The person of ``plan`` as editable data."""
    person: PersonData = to_data(plan.person, PersonData)
    return person


def set_plan_field(
    session: PlanSession,
    name: str,
    value: object,
    label: str = "",
    request: FieldSave | None = None,
) -> Edit:
    """Set one of the plan's own fields; ``label`` names it for undo.

    ``request`` (from the field's binding) says which stored value the user changed; without
    it the edit is based on the value now in the session's plan.
    """
    plans = session.services.plans

    def setter(v: Any) -> Op:
        def op(plan: PlanDetail) -> Saved:
            if name not in plans.CELL_FIELDS:  # the lead organisation, coordinator
                fields = dataclasses.replace(plan.fields, **{name: v})
                return plans.update_fields(plan.id, plan.version, fields)
            written = plans.save_field(plan, name, v)
            fields = dataclasses.replace(plan.fields, **written.values)
            return Saved(touched(dataclasses.replace(plan, fields=fields), written))

        return op

    return _field_edit(session, "plan.fields", name, setter, value, label, request)


def set_person_field(
    session: PlanSession,
    name: str,
    value: object,
    label: str = "",
    request: FieldSave | None = None,
    confirm_unprotect: Callable[[], bool] | None = None,
) -> Edit:
    """Set one field of the person (representatives included), as :func:`set_plan_field`.

    Whenever the edit (or its undo or redo) would switch protected identity off, it asks
    ``confirm_unprotect`` first; without it, or when declined, protection is kept.
    """
    plans = session.services.plans

    def setter(v: Any) -> Op:
        def op(plan: PlanDetail) -> Saved:
            person = dataclasses.replace(person_data(plan), **{name: v})
            unprotect = plan.person.protected_identity and not person.protected_identity
            if unprotect and (confirm_unprotect is None or not confirm_unprotect()):
                raise DomainError("person.protection_not_removed")
            if name not in plans.PERSON_CELLS:  # identity, protection, representatives
                return plans.update_person(plan.id, plan.version, person, unprotect=unprotect)
            written = plans.save_person_field(plan, name, v)
            stored = dataclasses.replace(plan.person, **written.values)
            return Saved(touched(dataclasses.replace(plan, person=stored), written))

        return op

    return _field_edit(
        session, "person.person", name, setter, value, label, request, "representative."
    )


def _field_edit(
    session: PlanSession,
    where: str,
    name: str,
    setter: Callable[[Any], Op],
    value: object,
    label: str,
    request: FieldSave | None,
    *fields: str,
) -> Edit:
    """The edit of field ``name`` of a plan part; ``where`` is "<key prefix>.<PlanDetail attr>"."""
    prefix, part = where.split(".")
    key, title = f"{prefix}.{name}", label or name

    def read(plan: PlanDetail) -> object:
        return getattr(getattr(plan, part), name)

    if request is None:
        request = FieldSave(value, read(session.plan), text=isinstance(value, str))
    shown = {n: getattr(request, n) for n in ("text", "multiline", "show", "parse")}
    change = FieldChange(key, title, read, setter, request.base, request.value, **shown)
    return changing(change, (key, *fields), key, (change.old, change.new))


def changing(change: FieldChange, fields: tuple[str, ...], merge_key: str, values: Any) -> Edit:
    """The edit that makes ``change`` (undo: back to its old value)."""
    return Edit(
        text=undo_text(QT_TRANSLATE_NOOP("Edits", "Change %1"), change.label),
        redo=change.write(change.new),
        undo=change.write(change.old),
        fields=fields,
        merge_key=merge_key,
        change=change,
        values=values,
    )
