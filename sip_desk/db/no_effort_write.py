"""Writing the reason a principal has no effort: one short transaction, no read-back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

import sip_desk.db.models  # noqa: F401  (registers every table read below)
from sip_desk.db.base import Base
from sip_desk.db.plan_write import Written, write_cells

reasons = Base.metadata.tables["no_effort_reasons"]


def write_no_effort_reason(
    conn: Connection,
    *,
    plan_id: int,
    expected_version: int,
    now: datetime,
    organisation_id: int,
    reason: str,
    recorded_by: str,
    audit_row: dict[str, Any],
) -> Written:
    """Store ``reason`` for ``organisation_id`` in the plan (an empty reason removes it).

    The plan's version rises by one, the audit row is written and a draft version started
    after a signed one, as for any field (:func:`write_cells`).

    Raises:
        StaleEditError, DomainError, NotFoundError: as :func:`write_cells`.
    """
    written = write_cells(
        conn,
        plan_id=plan_id,
        expected_version=expected_version,
        now=now,
        table="plans",
        row_id=plan_id,
        values={},
        audit_rows=[audit_row],
    )
    where = (reasons.c.plan_id == plan_id) & (reasons.c.organisation_id == organisation_id)
    stored = conn.execute(select(reasons.c.id).where(where)).first()
    values = {"reason": reason, "recorded_at": now, "recorded_by": recorded_by}
    if not reason:
        conn.execute(delete(reasons).where(where))
    elif stored is not None:
        conn.execute(update(reasons).where(reasons.c.id == stored.id).values(values))
    else:
        conn.execute(
            insert(reasons).values(plan_id=plan_id, organisation_id=organisation_id, **values)
        )
    return written
