"""Builders of undoable edits: each one saves through the services against the current plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sip_desk.domain.action import ActionData, ActionDto
from sip_desk.domain.errors import DomainError
from sip_desk.domain.follow_up import MeetingData, MeetingDto
from sip_desk.domain.goal import GoalData, GoalDto, NeedData, NeedDto
from sip_desk.domain.participant import (
    InformationConsentData,
    InformationConsentDto,
    ParticipantData,
    ParticipantDto,
)
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.unit_of_work import Saved, touched
from sip_desk.ui.editor.conflicts import GONE, FieldChange, FieldSave, Op, show_value
from sip_desk.ui.editor.edit_command import Edit
from sip_desk.ui.editor.session import PlanSession

# The rows of kind "goal" are PlanDetail.goals, and so on.
DATA_TYPES: dict[str, type[Any]] = {
    "participant": ParticipantData,
    "consent": InformationConsentData,
    "goal": GoalData,
    "need": NeedData,
    "action": ActionData,
}
Row = ParticipantDto | InformationConsentDto | GoalDto | NeedDto | ActionDto
_KIND_NAMES = {
    "participant": QT_TRANSLATE_NOOP("Edits", "participant"),
    "consent": QT_TRANSLATE_NOOP("Edits", "consent"),
    "goal": QT_TRANSLATE_NOOP("Edits", "goal"),
    "need": QT_TRANSLATE_NOOP("Edits", "need"),
    "action": QT_TRANSLATE_NOOP("Edits", "action"),
    "representative": QT_TRANSLATE_NOOP("Edits", "representative"),
}


def _text(template: object, subject: str) -> str:
    """An undo text such as "Ändra Anledning" (``template`` is an "Edits" source text)."""
    return QCoreApplication.translate("Edits", str(template)).replace("%1", subject)


def kind_name(kind: str) -> str:
    """What a row of ``kind`` is called in the UI language ("insats" for "action")."""
    return QCoreApplication.translate("Edits", str(_KIND_NAMES.get(kind, kind)))


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
    return _changing(change, (key, *fields), key, (change.old, change.new))


def _changing(change: FieldChange, fields: tuple[str, ...], merge_key: str, values: Any) -> Edit:
    """The edit that makes ``change`` (undo: back to its old value)."""
    return Edit(
        text=_text(QT_TRANSLATE_NOOP("Edits", "Change %1"), change.label),
        redo=change.write(change.new),
        undo=change.write(change.old),
        fields=fields,
        merge_key=merge_key,
        change=change,
        values=values,
    )


def _adder(
    session: PlanSession, kind: str, data: Any, state: dict[str, int], add: Any = None
) -> Op:
    services = session.services
    add = add or getattr(services.items, f"add_{kind}")

    def op(plan: PlanDetail) -> Saved:
        saved: Saved = add(plan.id, plan.version, data)
        assert saved.item_id is not None
        if "id" in state:
            session.remap(kind, state["id"], saved.item_id)
        state["id"] = saved.item_id
        if "position" in state:
            saved = services.items.move(
                kind, plan.id, saved.plan.version, saved.item_id, state["position"]
            )
        return saved

    return op


def _remover(session: PlanSession, kind: str, state: dict[str, int]) -> Op:
    services = session.services

    def op(plan: PlanDetail) -> Saved:
        item_id = session.resolve(kind, state["id"])
        return services.items.remove(kind, plan.id, plan.version, item_id)

    return op


def add_item(session: PlanSession, kind: str, data: Any, typed: str = "") -> Edit:
    """Add a row of ``kind``; undo removes it, redo adds it again.

    ``typed`` names the column whose typing adds the row: typing on in that cell merges into
    this one undo step (undo removes the row, redo adds it with all that was typed).
    """
    state: dict[str, int] = {}
    add = _adder(session, kind, data, state)
    edit = Edit(
        text=_text(QT_TRANSLATE_NOOP("Edits", "Add %1"), kind_name(kind)),
        redo=add,
        undo=_remover(session, kind, state),
        fields=(f"{kind}.",),
    )

    def absorb(later: Edit) -> None:
        edit.redo = _then(add, later.redo)

    def name_merge(saved: Saved) -> None:
        edit.merge_key = _cell_key(kind, saved.item_id, typed)

    if typed:
        edit.absorb, edit.on_redo = absorb, name_merge
    return edit


def _then(first: Op, second: Op) -> Op:
    def op(plan: PlanDetail) -> Saved:
        return second(first(plan).plan)

    return op


def _cell_key(kind: str, item_id: int | None, attr: str) -> str:
    """The merge key of typing into column ``attr`` of row ``item_id``."""
    return f"{kind}.{item_id}.{attr}"


def remove_item(session: PlanSession, kind: str, row: Row) -> Edit:
    """Remove a row; undo adds it back at the same place (under a new id)."""
    rows = getattr(session.plan, f"{kind}s")
    position = next((i for i, r in enumerate(rows) if r.id == row.id), len(rows))
    state = {"id": row.id, "position": position}
    data = to_data(row, DATA_TYPES[kind])
    undo = _adder(session, kind, data, state)
    if kind == "need":
        undo = _relinking_needs(session, undo, row.id)
    return Edit(
        text=_text(QT_TRANSLATE_NOOP("Edits", "Remove %1"), kind_name(kind)),
        redo=_remover(session, kind, state),
        undo=undo,
        fields=(f"{kind}.",),
    )


def _relinking_needs(session: PlanSession, add: Op, need_id: int) -> Op:
    """``add`` (a removed need coming back), then its actions point at it again."""
    linked = [a.id for a in session.plan.actions if a.need_id == need_id]
    items = session.services.items

    def op(plan: PlanDetail) -> Saved:
        saved = add(plan)
        new_id = session.resolve("need", need_id)
        for action_id in (session.resolve("action", i) for i in linked):
            action = next((a for a in saved.plan.actions if a.id == action_id), None)
            if action is not None and action.need_id is None:
                data = dataclasses.replace(to_data(action, ActionData), need_id=new_id)
                saved = items.update_action(saved.plan.id, saved.plan.version, action_id, data)
        return saved

    return op


def _row(plan: PlanDetail, kind: str, item_id: int) -> Row | None:
    return next((r for r in getattr(plan, f"{kind}s") if r.id == item_id), None)


def _with_row(plan: PlanDetail, kind: str, item_id: int, values: Any) -> PlanDetail:
    """``plan`` with ``values`` set on its ``kind`` row ``item_id``."""
    attr = f"{kind}s"
    rows = tuple(
        dataclasses.replace(r, **values) if r.id == item_id else r for r in getattr(plan, attr)
    )
    changed: dict[str, Any] = {attr: rows}
    return dataclasses.replace(plan, **changed)


def update_item(
    session: PlanSession,
    kind: str,
    row: Row,
    data: Any,
    label: str = "",
    show: Callable[[object], str] = show_value,
) -> Edit:
    """Change the cells of ``row`` in which ``data`` differs; undo saves their previous values.

    Only those cells are written, on top of the row as stored when the edit runs, so a change
    someone else made to another cell of the row stays. ``row`` is the row as the table showed
    it: a cell someone else has changed since is a conflict for the user to decide.
    ``label`` names the changed column, ``show`` shows its values. Typing on in the same cell
    (one changed column) merges into one undo step.
    """
    services = session.services
    data_type = DATA_TYPES[kind]
    old = to_data(row, data_type)
    names = [f.name for f in dataclasses.fields(data_type)]
    changed = tuple(n for n in names if getattr(old, n) != getattr(data, n))
    attrs = changed or tuple(names)
    one = len(attrs) == 1

    def pick(values: Any) -> object:
        return getattr(values, attrs[0]) if one else tuple(getattr(values, a) for a in attrs)

    def read(plan: PlanDetail) -> object:
        current = _row(plan, kind, session.resolve(kind, row.id))
        return GONE if current is None else pick(current)

    def setter(value: Any) -> Op:
        def op(plan: PlanDetail) -> Saved:
            item_id = session.resolve(kind, row.id)
            current = _row(plan, kind, item_id)
            stored = old if current is None else to_data(current, data_type)
            cells = dict(zip(attrs, (value,) if one else value, strict=True))
            if current is not None and set(cells) <= services.items.cells_of(kind):
                written = services.items.save_cells(plan, kind, item_id, cells)
                return Saved(touched(_with_row(plan, kind, item_id, written.values), written))
            update = getattr(services.items, f"update_{kind}")
            saved: Saved = update(
                plan.id, plan.version, item_id, dataclasses.replace(stored, **cells)
            )
            return saved

        return op

    title = f"{kind_name(kind)}: {label}" if label else kind_name(kind)
    new = pick(data)
    change = FieldChange(
        f"{kind}.{row.id}.{'+'.join(attrs)}",
        title,
        read,
        setter,
        pick(old),
        new,
        text=one and isinstance(new, str) and not isinstance(new, Enum),
        show=show if one else show_value,
    )
    merge_key = _cell_key(kind, row.id, changed[0]) if len(changed) == 1 else ""
    return _changing(change, (f"{kind}.",), merge_key, (old, data))


def book_meeting(session: PlanSession, data: MeetingData) -> Edit:
    """Book a follow-up meeting; undo removes the booking."""
    meetings = session.services.meetings
    state: dict[str, int] = {}

    def remove(plan: PlanDetail) -> Saved:
        meeting_id = session.resolve("meeting", state["id"])
        return meetings.remove_meeting(plan.id, plan.version, meeting_id)

    return Edit(
        text=QCoreApplication.translate("Edits", "Book follow-up"),
        redo=_adder(session, "meeting", data, state, meetings.add_meeting),
        undo=remove,
        fields=("meeting.",),
    )


def update_meeting(session: PlanSession, meeting: MeetingDto, data: MeetingData) -> Edit:
    """Change a booked meeting; undo saves its previous data."""
    services = session.services
    old = to_data(meeting, MeetingData)

    def setter(value: MeetingData) -> Op:
        def op(plan: PlanDetail) -> Saved:
            meeting_id = session.resolve("meeting", meeting.id)
            return services.meetings.update_meeting(plan.id, plan.version, meeting_id, value)

        return op

    return Edit(
        text=QCoreApplication.translate("Edits", "Change follow-up"),
        redo=setter(data),
        undo=setter(old),
        fields=("meeting.",),
        merge_key=f"meeting.{meeting.id}",
    )
