"""Undoable edits of the follow-up record being written, and the value changes they apply."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication

from sip_desk.domain.follow_up import FollowUpRecord
from sip_desk.domain.follow_up_record import record_of
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.unit_of_work import Saved
from sip_desk.ui.editor.conflicts import Op
from sip_desk.ui.editor.edit_command import Edit
from sip_desk.ui.editor.session import PlanSession

Path = tuple[Any, ...]
"""A value of the record: ("notes",) for its own field, ("goal", 3, "outcome") for a review."""


def value_at(plan: PlanDetail, path: Path) -> Any:
    """The value ``path`` names in the record ``plan`` is writing."""
    record = record_of(plan)
    if len(path) == 1:
        return getattr(record, path[0])
    kind, item_id, name = path
    return getattr(getattr(record, kind)(item_id), name)


def _set_at(record: FollowUpRecord, path: Path, value: Any) -> FollowUpRecord:
    if len(path) == 1:
        return dataclasses.replace(record, **{path[0]: value})
    kind, item_id, name = path
    attr, id_attr = f"{kind}_reviews", f"{kind}_id"
    new = dataclasses.replace(getattr(record, kind)(item_id), **{name: value})
    old = getattr(record, attr)
    others = [r for r in old if getattr(r, id_attr) != item_id]
    # where its predecessor was (at the end when it is new)
    at = next((i for i, r in enumerate(old) if getattr(r, id_attr) == item_id), len(others))
    rows: dict[str, Any] = {attr: (*others[:at], new, *others[at:])}
    return dataclasses.replace(record, **rows)


def record_key(path: Path) -> str:
    """The input key of the value at ``path``: "record.notes", "record.goal.3.outcome"."""
    return "record." + ".".join(map(str, path))


def change_record(session: PlanSession, label: str, path: Path, value: Any) -> Edit:
    """Set ``path`` of the record as stored to ``value``; undo sets back the value it has now."""
    draft = session.plan.follow_up_draft
    assert draft is not None
    meeting_id, records = draft.meeting_id, session.services.follow_ups.records

    def op(value: Any) -> Op:
        def run(plan: PlanDetail) -> Saved:
            record = _set_at(record_of(plan), path, value)
            return records.save(plan.id, plan.version, meeting_id, record)

        return run

    return Edit(
        text=QCoreApplication.translate("RecordEdits", "Change %1").replace("%1", label),
        redo=op(value),
        undo=op(value_at(session.plan, path)),
        fields=(record_key(path),),
        merge_key=record_key(path),
    )


def start_record(session: PlanSession, meeting_id: int | None) -> Edit:
    """Start the record of a booked follow-up (the earliest when ``meeting_id`` is ``None``)."""
    records = session.services.follow_ups.records
    state: dict[str, int | None] = {"meeting": meeting_id}

    def redo(plan: PlanDetail) -> Saved:
        saved = records.start(plan.id, plan.version, state["meeting"])
        state["meeting"] = saved.item_id
        return saved

    def undo(plan: PlanDetail) -> Saved:
        meeting = state["meeting"]
        assert meeting is not None
        return records.discard(plan.id, plan.version, meeting)

    text = QCoreApplication.translate("RecordEdits", "Start the follow-up record")
    return Edit(text=text, redo=redo, undo=undo, fields=("record.",))


def discard_record(session: PlanSession) -> Edit:
    """Throw the record away; undo brings it back with everything it held."""
    draft = session.plan.follow_up_draft
    assert draft is not None
    records, meeting_id, kept = session.services.follow_ups.records, draft.meeting_id, draft.record

    def redo(plan: PlanDetail) -> Saved:
        return records.discard(plan.id, plan.version, meeting_id)

    def undo(plan: PlanDetail) -> Saved:
        started = records.start(plan.id, plan.version, meeting_id)
        return records.save(plan.id, started.plan.version, meeting_id, kept)

    text = QCoreApplication.translate("RecordEdits", "Discard the follow-up record")
    return Edit(text=text, redo=redo, undo=undo, fields=("record.",))
