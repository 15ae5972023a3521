"""Undoable edits of the follow-up record being written, and the value changes they apply."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from sip_desk.domain.follow_up import ActionEvaluation, FollowUpRecord, GoalEvaluation
from sip_desk.domain.follow_up_record import record_of
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.unit_of_work import Saved
from sip_desk.ui.editor.session import Edit, Op, PlanSession

Change = Callable[[FollowUpRecord], FollowUpRecord]


def set_field(name: str, value: Any) -> Change:
    """A change of one of the record's own fields (``new_needs``, ``decision``…)."""
    return lambda record: dataclasses.replace(record, **{name: value})


def set_goal(goal_id: int, **values: Any) -> Change:
    """A change of the evaluation of goal ``goal_id`` (``outcome``, ``person_view``)."""

    def change(record: FollowUpRecord) -> FollowUpRecord:
        new = dataclasses.replace(record.goal(goal_id), **values)
        rows = [r for r in record.goal_reviews if r.goal_id != goal_id]
        return dataclasses.replace(record, goal_reviews=_put(record.goal_reviews, rows, new))

    return change


def set_action(action_id: int, **values: Any) -> Change:
    """A change of the evaluation of action ``action_id`` (``status``, ``comment``)."""

    def change(record: FollowUpRecord) -> FollowUpRecord:
        new = dataclasses.replace(record.action(action_id), **values)
        rows = [r for r in record.action_reviews if r.action_id != action_id]
        return dataclasses.replace(record, action_reviews=_put(record.action_reviews, rows, new))

    return change


def _put(
    old: tuple[Any, ...], others: list[Any], new: ActionEvaluation | GoalEvaluation
) -> tuple[Any, ...]:
    """``others`` with ``new`` where its predecessor was (at the end when it is new)."""
    key = "goal_id" if isinstance(new, GoalEvaluation) else "action_id"
    position = next(
        (i for i, r in enumerate(old) if getattr(r, key) == getattr(new, key)), len(others)
    )
    return (*others[:position], new, *others[position:])


def change_record(session: PlanSession, key: str, label: str, redo: Change, undo: Change) -> Edit:
    """Save ``redo`` applied to the record as stored; undo applies ``undo`` the same way."""
    draft = session.plan.follow_up_draft
    assert draft is not None
    meeting_id, services = draft.meeting_id, session.services

    def op(change: Change) -> Op:
        def run(plan: PlanDetail) -> Saved:
            record = change(record_of(plan))
            return services.follow_ups.records.save(plan.id, plan.version, meeting_id, record)

        return run

    return Edit(
        text=QCoreApplication.translate("RecordEdits", "Change %1").replace("%1", label),
        redo=op(redo),
        undo=op(undo),
        fields=(key,),
        merge_key=key,
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
