"""Retention (gallring): closed plans with their last entry, and deleting a plan whole.

A deleted plan takes every row of it with it (the database cascades); its person goes too
when no other plan is about them, so the person's name and identity number leave the store.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, delete, exists, func, select

from sip_desk.db.models import Meeting, Person, Plan, PlanVersion, Setting
from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.retention import (
    DEFAULT_YEARS,
    YEARS_SETTING,
    DueForDeletion,
    due_on,
    parse_years,
)


def _day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(LOCAL_TZ).date()
    return value


def closed_plans(conn: Connection) -> list[tuple[int, str, date | None, date]]:
    """Every closed plan: id, the person's name, the closing date and the last entry's date.

    The last entry is the latest of the plan's last change, its closing date, its versions
    (made or signed) and its meetings.
    """
    versions = (
        select(func.max(func.coalesce(PlanVersion.signed_at, PlanVersion.created_at)))
        .where(PlanVersion.plan_id == Plan.id)
        .scalar_subquery()
    )
    meetings = select(func.max(Meeting.starts_at)).where(Meeting.plan_id == Plan.id)
    stmt = (
        select(
            Plan.id,
            Person.first_name,
            Person.last_name,
            Plan.closed_on,
            Plan.updated_at,
            versions.label("version_at"),
            meetings.scalar_subquery().label("meeting_at"),
        )
        .join(Person, Person.id == Plan.person_id)
        .where(Plan.status == PlanStatus.CLOSED)
        .order_by(Plan.id)
    )
    out = []
    for row in conn.execute(stmt):
        days = [_day(v) for v in (row.closed_on, row.updated_at, row.version_at, row.meeting_at)]
        last = max(d for d in days if d is not None)
        name = f"{row.first_name} {row.last_name}".strip()
        out.append((row.id, name, row.closed_on, last))
    return out


def retention_years(conn: Connection) -> int:
    """The retention period in years (the ``retention.years`` setting, default 5)."""
    value = conn.scalar(select(Setting.value).where(Setting.key == YEARS_SETTING))
    return parse_years(value) if value is not None else DEFAULT_YEARS


def due_for_deletion(conn: Connection, today: date) -> list[DueForDeletion]:
    """Closed plans whose last entry is the retention period or more ago, longest due first."""
    years = retention_years(conn)
    due = [
        DueForDeletion(
            plan_id=plan_id,
            person_name=name,
            closed_on=closed_on,
            last_entry=last,
            due_on=due_on(last, years),
        )
        for plan_id, name, closed_on, last in closed_plans(conn)
        if due_on(last, years) <= today
    ]
    return sorted(due, key=lambda d: (d.due_on, d.plan_id))


def delete_plan_rows(conn: Connection, plan_id: int) -> bool:
    """Delete plan ``plan_id`` with everything in it, and its person if no plan is left.

    One statement per table; the database cascades to every row of the plan. (The ORM would
    delete signed versions row by row, which the immutability triggers refuse.) False when
    there was no such plan.
    """
    person_id = conn.scalar(select(Plan.person_id).where(Plan.id == plan_id))
    if person_id is None:
        return False
    conn.execute(delete(Plan).where(Plan.id == plan_id))
    others = exists().where(Plan.person_id == person_id)
    conn.execute(delete(Person).where(Person.id == person_id, ~others))
    return True
