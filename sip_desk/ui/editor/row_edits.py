"""Undoable edits of the plan's table rows (participants, consents, goals, needs, actions) and
of its booked meetings: each saves through the services against the current plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from sip_desk.domain.action import ActionData, ActionDto
from sip_desk.domain.follow_up import MeetingData, MeetingDto
from sip_desk.domain.goal import GoalData, GoalDto, NeedData, NeedDto
from sip_desk.domain.participant import (
    InformationConsentData,
    InformationConsentDto,
    ParticipantData,
    ParticipantDto,
)
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.removal import Removal
from sip_desk.services.unit_of_work import Saved, touched
from sip_desk.ui.editor.conflicts import GONE, FieldChange, Op, show_value
from sip_desk.ui.editor.edit_command import Edit
from sip_desk.ui.editor.edits import changing, to_data, undo_text
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


def kind_name(kind: str) -> str:
    """What a row of ``kind`` is called in the UI language ("insats" for "action")."""
    return QCoreApplication.translate("Edits", str(_KIND_NAMES.get(kind, kind)))


def _adder(
    session: PlanSession, kind: str, data: Any, state: dict[str, int], add: Any = None
) -> Op:
    services = session.services

    def op(plan: PlanDetail) -> Saved:
        saved: Saved = (
            add(plan.id, plan.version, data)
            if add
            else services.items.add(kind, plan.id, plan.version, data)
        )
        assert saved.item_id is not None
        if "id" in state:
            session.remap(kind, state["id"], saved.item_id)
        state["id"] = saved.item_id
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
        text=undo_text(QT_TRANSLATE_NOOP("Edits", "Add %1"), kind_name(kind)),
        redo=add,
        undo=_remover(session, kind, state),
        fields=(f"{kind}.",),
    )

    def absorb(later: Edit) -> None:
        then = later.redo
        edit.redo = lambda plan: then(add(plan).plan)

    def name_merge(saved: Saved) -> None:
        edit.merge_key = _cell_key(kind, saved.item_id, typed)

    if typed:
        edit.absorb, edit.on_redo = absorb, name_merge
    return edit


def _cell_key(kind: str, item_id: int | None, attr: str) -> str:
    """The merge key of typing into column ``attr`` of row ``item_id``."""
    return f"{kind}.{item_id}.{attr}"


def remove_item(session: PlanSession, kind: str, row: Row) -> Edit:
    """Remove a row; undo puts it back exactly as it was, redo removes it again.

    Undo restores the row under its old id at its old place, with its links, translations
    and reviews (see ``PlanItemsService.restore``), so nothing looks changed since signing.
    """
    items = session.services.items
    taken: list[Removal] = []

    def remove(plan: PlanDetail) -> Saved:
        saved = items.remove(kind, plan.id, plan.version, session.resolve(kind, row.id))
        assert saved.removal is not None
        taken[:] = [saved.removal]
        return saved

    def restore(plan: PlanDetail) -> Saved:
        removal = taken[0]
        saved = items.restore(plan.id, plan.version, removal)
        assert saved.item_id is not None
        session.remap(kind, removal.item_id, saved.item_id)
        return saved

    return Edit(
        text=undo_text(QT_TRANSLATE_NOOP("Edits", "Remove %1"), kind_name(kind)),
        redo=remove,
        undo=restore,
        fields=(f"{kind}.",),
    )


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
            data = dataclasses.replace(stored, **cells)
            return services.items.update(kind, plan.id, plan.version, item_id, data)

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
    return changing(change, (f"{kind}.",), merge_key, (old, data))


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
