"""Hash-chained, append-only logs: the access log and the audit trail.

Each row carries ``prev_hash`` (the ``row_hash`` of the row before it, by id) and ``row_hash``:
SHA-256 over ``prev_hash`` and the row's canonical fields (its id included), as JSON. A row
changed afterwards no longer gives its hash; a row removed leaves the next one pointing at a
hash that is not its predecessor's. Rows are only ever written by :func:`append`, which numbers
them under the store's write lock, so two writers never fork the chain: on SQLite here
(``BEGIN IMMEDIATE``); on PostgreSQL inside the database (``sip_desk_log_append``, under a
transaction-scoped advisory lock; :mod:`sip_desk.db.log_security`), where a user may not read the
rows before theirs. There the chain check is the database's too (:func:`checked_in_database`);
:func:`first_break` walks the rows here (SQLite, or anyone who may read every row).

Plain Core (no ORM): the plan list logs its hits before the ORM is loaded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from functools import cached_property
from typing import Any

from sqlalchemy import (
    Connection,
    DateTime,
    Integer,
    String,
    column,
    func,
    insert,
    select,
    table,
    text,
)

from sip_desk.domain.access import ChainBreak

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainedTable:
    """A log table: its name, the fields its hash covers (in order) and its lock number."""

    name: str
    fields: tuple[str, ...]
    lock_key: int

    @cached_property
    def clause(self) -> Any:
        """The table as a Core clause with the columns the chain reads and writes."""
        cols: list[Any] = [column("at", DateTime(timezone=True))]
        for name in (*(f for f in self.fields if f != "at"), "prev_hash", "row_hash"):
            cols.append(column(name, Integer() if name in _INTEGERS else String()))
        return table(self.name, *cols)


ACCESS_LOG = ChainedTable(
    "access_log",
    ("id", "at", "user", "unit", "kind", "person_id", "plan_id", "program", "command", "detail"),
    lock_key=0x51D0A1,
)
AUDIT_TRAIL = ChainedTable(
    "audit_entries",
    (
        "id",
        "at",
        "user",
        "unit",
        "action",
        "plan_id",
        "person_id",
        "entity",
        "entity_id",
        "field",
        "old",
        "new",
    ),
    lock_key=0x51D0A2,
)
TABLES = {t.name: t for t in (ACCESS_LOG, AUDIT_TRAIL)}
_INTEGERS = {"id", "person_id", "plan_id", "entity_id"}


def _plain(name: str, value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if name in _INTEGERS and value is not None:
        return int(value)
    return value


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def row_hash(spec: ChainedTable, prev_hash: str, row: Mapping[Any, Any]) -> str:
    """SHA-256 (hex) over the previous hash and the row's canonical fields."""
    values = [
        _aware(row[f]).isoformat(timespec="microseconds") if f == "at" else _plain(f, row[f])
        for f in spec.fields
    ]
    canonical = json.dumps([prev_hash, *values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _tail(conn: Connection, spec: ChainedTable) -> tuple[int, str]:
    t = spec.clause
    last = conn.execute(select(t.c.id, t.c.row_hash).order_by(t.c.id.desc()).limit(1)).first()
    return (0, GENESIS) if last is None else (int(last[0]), last[1] or GENESIS)


def tail(conn: Connection, name: str) -> tuple[int, str]:
    """The log ``name``'s row count and newest row hash (by id; the genesis hash when empty)."""
    t = TABLES[name].clause
    count = conn.execute(select(func.count()).select_from(t)).scalar_one()
    return int(count), _tail(conn, TABLES[name])[1]


def append(conn: Connection, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` at the end of the log ``name``, numbered and hash-chained.

    ``conn`` must be in a write transaction. Each row gives every field but ``id``.
    """
    if not rows:
        return
    spec = TABLES[name]
    if conn.dialect.name == "postgresql":
        _append_in_database(conn, spec, rows)
        return
    last_id, prev = _tail(conn, spec)
    sqlite = conn.dialect.name == "sqlite"
    out = []
    for offset, row in enumerate(rows, start=1):
        values = {f: _plain(f, row.get(f)) for f in spec.fields if f != "id"}
        values["at"] = _aware(values["at"])
        values["id"] = last_id + offset
        digest = row_hash(spec, prev, values)
        if sqlite:  # stored naive UTC, as UTCDateTime does
            values["at"] = values["at"].replace(tzinfo=None)
        out.append({**values, "prev_hash": prev, "row_hash": digest})
        prev = digest
    conn.execute(insert(spec.clause), out)


def _append_in_database(
    conn: Connection, spec: ChainedTable, rows: Sequence[Mapping[str, Any]]
) -> None:
    """PostgreSQL: the database numbers and hashes the rows (``sip_desk_log_append``).

    The function takes the chain's lock and reads the previous row's hash itself
    (:mod:`sip_desk.db.log_security`): the caller never reads another row.
    """
    payload = []
    for row in rows:
        values = {f: _plain(f, row.get(f)) for f in spec.fields if f != "id"}
        values["at"] = _aware(values["at"]).isoformat(timespec="microseconds")
        payload.append(values)
    conn.execute(
        text("SELECT sip_desk_log_append(:log, CAST(:rows AS jsonb))"),
        {"log": spec.name, "rows": json.dumps(payload, ensure_ascii=False)},
    )


def checked_in_database(conn: Connection, name: str) -> tuple[int, ChainBreak | None, int, str]:
    """PostgreSQL: ``sip_desk_log_check``'s verdict on the log ``name``.

    Rows read, the first break, the row count and the newest hash (empty unless the user is a
    log reviewer). No row of the log reaches the client.
    """
    read, break_id, kind, count, newest = conn.execute(
        text("SELECT * FROM sip_desk_log_check(:log)"), {"log": name}
    ).one()
    found = None if break_id is None else ChainBreak(table=name, row_id=int(break_id), kind=kind)
    return int(read), found, int(count), newest or ""


def _in_order(spec: ChainedTable, batch: int = 5000) -> Any:
    t = spec.clause
    return select(t).order_by(t.c.id).execution_options(yield_per=batch)


def first_break(conn: Connection, name: str) -> tuple[int, ChainBreak | None]:
    """Walk the log ``name`` in id order: rows read, and the first row not as written."""
    spec = TABLES[name]
    prev = GENESIS
    count = 0
    with conn.execute(_in_order(spec)) as result:
        for row in result.mappings():
            count += 1
            found = _check_row(spec, prev, row)
            if found is not None:
                return count, found
            prev = row["row_hash"]
    return count, None


def _check_row(spec: ChainedTable, prev: str, row: Mapping[Any, Any]) -> ChainBreak | None:
    row_id = int(row["id"])
    if not row["row_hash"] or not row["prev_hash"]:
        return ChainBreak(table=spec.name, row_id=row_id, kind="unchained")
    if row_hash(spec, row["prev_hash"], row) != row["row_hash"]:
        return ChainBreak(table=spec.name, row_id=row_id, kind="altered")
    if row["prev_hash"] != prev:
        return ChainBreak(table=spec.name, row_id=row_id, kind="missing")
    return None


def rechain(conn: Connection, name: str) -> int:
    """Give every row of ``name`` its hashes, in id order (migration only); returns the count."""
    spec = TABLES[name]
    t = spec.clause
    prev = GENESIS
    updates: list[dict[str, Any]] = []
    for row in conn.execute(_in_order(spec)).mappings().all():
        digest = row_hash(spec, prev, row)
        updates.append({"rid": row["id"], "p": prev, "h": digest})
        prev = digest
    if updates:
        stmt = text(f"UPDATE {t.name} SET prev_hash = :p, row_hash = :h WHERE id = :rid")
        conn.execute(stmt, updates)
    return len(updates)
