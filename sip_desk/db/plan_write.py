"""Writing a few cells of one plan in one statement each: no ORM load, no read-back.

The version check is part of the ``UPDATE`` of the plan row (``WHERE version = :expected``),
so a stale or closed plan costs one more ``SELECT`` only when the write is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

import sip_desk.db.models  # noqa: F401  (registers every table read below)
from sip_desk.db.base import Base
from sip_desk.db.chain import append
from sip_desk.domain.enums import PlanStatus, VersionState
from sip_desk.domain.errors import DomainError, NotFoundError, StaleEditError
from sip_desk.domain.plan import VersionSummary

_tables = Base.metadata.tables
plans, versions, audit = _tables["plans"], _tables["plan_versions"], _tables["audit_entries"]


@dataclass(frozen=True)
class Written:
    """What a write changed: the cells as stored, the plan's new version, maybe a new draft."""

    version: int
    updated_at: datetime
    values: Mapping[str, Any] = field(default_factory=dict)
    new_version: VersionSummary | None = None


def write_cells(
    conn: Connection,
    *,
    plan_id: int,
    expected_version: int,
    now: datetime,
    table: str,
    row_id: int,
    values: dict[str, Any],
    audit_rows: list[dict[str, Any]],
) -> Written:
    """Set ``values`` on row ``row_id`` of ``table`` (``plans`` itself, or a row of the plan).

    The plan's version rises by one (only from ``expected_version``), ``audit_rows`` are
    inserted, and a draft version is started when the latest one is signed.

    Raises:
        StaleEditError: the plan's version is not ``expected_version``.
        DomainError: ``error.plan_closed``.
        NotFoundError: no such plan, or no such row in the plan.
    """
    touch: dict[str, Any] = {"version": plans.c.version + 1, "updated_at": now}
    if table == "plans":
        touch.update(values)
    done = conn.execute(
        update(plans)
        .where(
            plans.c.id == plan_id,
            plans.c.version == expected_version,
            plans.c.status != PlanStatus.CLOSED,
        )
        .values(touch)
    )
    if done.rowcount != 1:
        _refuse(conn, plan_id, expected_version)
    if table != "plans":
        target = _tables[table]
        where = target.c.id == row_id
        if "plan_id" in target.c:
            where = where & (target.c.plan_id == plan_id)
        if conn.execute(update(target).where(where).values(values)).rowcount != 1:
            raise NotFoundError(table, row_id)
    if audit_rows:
        append(conn, "audit_entries", audit_rows)
    return Written(expected_version + 1, now, values, start_draft_version(conn, plan_id, now))


def start_draft_version(conn: Connection, plan_id: int, now: datetime) -> VersionSummary | None:
    """Start a new draft version when the latest one is signed (or there is none)."""
    latest = conn.execute(
        select(versions.c.number, versions.c.state)
        .where(versions.c.plan_id == plan_id)
        .order_by(versions.c.number.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.state is not VersionState.SIGNED:
        return None
    number = 1 if latest is None else latest.number + 1
    conn.execute(
        insert(versions).values(
            plan_id=plan_id, number=number, state=VersionState.DRAFT, created_at=now
        )
    )
    return VersionSummary(
        number=number,
        state=VersionState.DRAFT,
        content_hash=None,
        previous_hash=None,
        created_at=now,
        signed_at=None,
    )


def _refuse(conn: Connection, plan_id: int, expected_version: int) -> None:
    row = conn.execute(select(plans.c.version, plans.c.status).where(plans.c.id == plan_id)).first()
    if row is None:
        raise NotFoundError("plan", plan_id)
    if row.version != expected_version:
        raise StaleEditError(plan_id, expected_version, row.version)
    raise DomainError("error.plan_closed")
