"""Writing one translation of the person's own texts: one short transaction, no read-back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

import sip_desk.db.models  # noqa: F401  (registers every table read below)
from sip_desk.db.base import Base
from sip_desk.db.plan_write import Written, write_cells
from sip_desk.domain.errors import NotFoundError
from sip_desk.domain.translation import ACTION, GOAL, TranslationDto

_tables = Base.metadata.tables
translations = _tables["translations"]
_ROWS = {GOAL: ("goal_id", _tables["goals"]), ACTION: ("action_id", _tables["actions"])}


def write_translation(
    conn: Connection,
    *,
    plan_id: int,
    expected_version: int,
    now: datetime,
    translation: TranslationDto,
    audit_row: dict[str, Any],
) -> Written:
    """Store ``translation`` (an empty text removes it) under the plan's version check.

    The plan's version rises by one, the audit row is written and a draft version started
    after a signed one, as for any field (:func:`write_cells`).

    Raises:
        StaleEditError, DomainError, NotFoundError: as :func:`write_cells`; NotFoundError also
            when the goal or action is not in the plan.
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
    t = translation
    key: dict[str, Any] = {"goal_id": None, "action_id": None}
    if t.field in _ROWS:
        column, table = _ROWS[t.field]
        in_plan = select(table.c.id).where(table.c.id == t.item_id, table.c.plan_id == plan_id)
        if conn.execute(in_plan).first() is None:
            raise NotFoundError(t.field, t.item_id)
        key[column] = t.item_id
    where = [
        translations.c.plan_id == plan_id,
        translations.c.language == t.language,
        translations.c.field == t.field,
        *(
            translations.c[c].is_(v) if v is None else translations.c[c] == v
            for c, v in key.items()
        ),
    ]
    stored = conn.execute(select(translations.c.id).where(*where)).first()
    if not t.text:
        conn.execute(delete(translations).where(*where))
    elif stored is not None:
        conn.execute(update(translations).where(translations.c.id == stored.id).values(text=t.text))
    else:
        conn.execute(
            insert(translations).values(
                plan_id=plan_id, language=t.language, field=t.field, text=t.text, **key
            )
        )
    return written
