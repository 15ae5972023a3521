"""Texts of the worklist: its columns and cells, urgency buckets, row kinds and the counts."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from sip_desk.domain.local_time import local_text
from sip_desk.domain.worklist import (
    COUNT_CAP,
    Urgency,
    WarningKind,
    WorklistCounts,
    WorklistItem,
    WorklistKind,
)
from sip_desk.ui.worklist.worklist_groups import Group

Column = IntEnum(
    "Column", "DUE URGENCY KIND PERSON WHAT RESPONSIBLE ORGANISATION COORDINATOR", start=0
)


def urgency_label(urgency: Urgency) -> str:
    texts = {
        Urgency.OVERDUE: QCoreApplication.translate("Worklist", "Overdue"),
        Urgency.TODAY: QCoreApplication.translate("Worklist", "Today"),
        Urgency.THIS_WEEK: QCoreApplication.translate("Worklist", "This week"),
        Urgency.WITHIN_30_DAYS: QCoreApplication.translate("Worklist", "Within 30 days"),
    }
    return texts.get(urgency, QCoreApplication.translate("Worklist", "Later"))


def kind_label(item: WorklistItem) -> str:
    """What the row is: a follow-up meeting, an action or the warning's reason."""
    if item.kind is WorklistKind.FOLLOW_UP_MEETING:
        return QCoreApplication.translate("Worklist", "Follow-up meeting")
    if item.kind is WorklistKind.ACTION:
        return QCoreApplication.translate("Worklist", "Action")
    texts = {
        WarningKind.CONSENT_EXPIRING: QCoreApplication.translate("Worklist", "Consent ends"),
        WarningKind.CONSENT_REVOKED: QCoreApplication.translate("Worklist", "Consent revoked"),
        WarningKind.NO_FOLLOW_UP: QCoreApplication.translate("Worklist", "No follow-up booked"),
        WarningKind.NO_FIRST_MEETING: QCoreApplication.translate(
            "Worklist", "No first meeting yet"
        ),
    }
    return texts.get(item.warning or WarningKind.NO_FOLLOW_UP, "")


def count_number(value: int | None, capped: bool) -> str:
    """A bucket's number: "…" while counting, "999+" when counting stopped at the cap."""
    if value is None:
        return "…"
    if capped:
        return f"{COUNT_CAP - 1}+"
    return str(value)


def cell_text(item: WorklistItem, column: Column) -> str:
    """What a worklist cell shows; meetings show their local start time."""
    if column is Column.DUE:
        if item.starts_at is not None:
            return local_text(item.starts_at)
        return item.due.isoformat()
    values = {
        Column.URGENCY: urgency_label(item.urgency),
        Column.KIND: kind_label(item),
        Column.PERSON: item.person_name,
        Column.WHAT: item.title,
        Column.RESPONSIBLE: item.responsible,
        Column.ORGANISATION: item.organisation,
        # said, not left blank: a plan nobody coordinates is what a coordinator looks for
        Column.COORDINATOR: item.coordinator
        or QCoreApplication.translate("Worklist", "None chosen"),
    }
    return values[column]


def sort_key(item: WorklistItem, column: Column) -> Any:
    """What a column sorts by: dates and urgency as such, text ignoring case."""
    if column is Column.DUE:
        return (item.due, item.starts_at.isoformat() if item.starts_at else "")
    if column is Column.URGENCY:
        return item.urgency.value
    if column is Column.COORDINATOR:
        return item.coordinator.casefold()  # the plans nobody coordinates first
    return cell_text(item, column).casefold()


def group_title(group: Group, counts: WorklistCounts | None) -> str:
    """A group heading with its count once counted: "Today (3)"."""
    titles = {
        Group.TODAY: QCoreApplication.translate("Worklist", "Today"),
        Group.OVERDUE: QCoreApplication.translate("Worklist", "Overdue", "group heading"),
        Group.COMING: QCoreApplication.translate("Worklist", "Coming"),
    }
    if counts is None:
        return titles[group]
    buckets = {
        Group.TODAY: (Urgency.TODAY,),
        Group.OVERDUE: (Urgency.OVERDUE,),
        Group.COMING: (Urgency.THIS_WEEK, Urgency.WITHIN_30_DAYS),
    }[group]
    total = sum(counts.of(u) for u in buckets)
    number = count_number(total, any(u in counts.capped for u in buckets))  # as on the chips
    return f"{titles[group]} ({number})"
