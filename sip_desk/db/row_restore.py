"""Taking a plan row with everything that goes with it, and putting all of it back (undo).

What goes with a row is found from the schema's foreign keys: rows that reference it with
``ON DELETE CASCADE`` are deleted with it (taken whole, and what references them in turn), and
references with ``ON DELETE SET NULL`` are cleared (noted, to be pointed back).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, Table, exists, insert, select, update

import sip_desk.db.models  # noqa: F401  (registers every table read below)
from sip_desk.db.base import Base
from sip_desk.domain.removal import StoredRow, Unlinked

_tables = Base.metadata.tables


def _references(table: Table) -> list[tuple[Table, Column[Any], str]]:
    """(table, column, on delete) of each foreign key that points at ``table``."""
    return [
        (child, fk.parent, (fk.ondelete or "").upper())
        for child in _tables.values()
        for fk in child.foreign_keys
        if fk.column.table is table
    ]


def take_rows(
    conn: Connection, table_name: str, row_id: int
) -> tuple[tuple[StoredRow, ...], tuple[Unlinked, ...]]:
    """Row ``row_id`` of ``table_name`` and what its deletion will delete or clear, as stored.

    Call it before deleting the row, in the same transaction.
    """
    rows: list[StoredRow] = []
    unlinked: list[Unlinked] = []
    table = _tables[table_name]
    _take(conn, table, table.c.id == row_id, rows, unlinked)
    return tuple(rows), tuple(unlinked)


def _take(
    conn: Connection,
    table: Table,
    where: ColumnElement[bool],
    rows: list[StoredRow],
    unlinked: list[Unlinked],
) -> None:
    found = conn.execute(select(table).where(where)).mappings().all()
    rows.extend(StoredRow(table.name, tuple(dict(r).items())) for r in found)
    ids = [r["id"] for r in found if "id" in r]
    if not ids:
        return
    for child, column, on_delete in _references(table):
        if on_delete == "CASCADE":
            _take(conn, child, column.in_(ids), rows, unlinked)
        elif on_delete == "SET NULL":
            stmt = select(child.c.id, column).where(column.in_(ids))
            unlinked.extend(
                Unlinked(child.name, r[0], column.name, table.name, r[1])
                for r in conn.execute(stmt)
            )


def put_back(
    conn: Connection, rows: tuple[StoredRow, ...], unlinked: tuple[Unlinked, ...]
) -> dict[tuple[str, int], int]:
    """Insert ``rows`` again as they were, and point the ``unlinked`` references back.

    Each row gets its old id when that is still free (a PostgreSQL sequence never hands an id
    out twice; SQLite may have reused the highest one), else a new one, which the rows after it
    then reference. A reference to a row removed meanwhile is left empty, or the row that needs
    it (a link, a review) is left out, as the store would have done. A row taking the position
    of one added meanwhile goes before it. Returns (table, old id) → id now, for every row put
    back that has an id.
    """
    ids: dict[tuple[str, int], int] = {}
    for stored in rows:
        table = _tables[stored.table]
        values = _relinked(conn, table, dict(stored.values), ids)
        if values is None:
            continue
        old_id = values.get("id")
        if old_id is not None and _exists(conn, table.c.id, old_id):
            del values["id"]
        if "position" in values and "plan_id" in values:
            _make_room(conn, table, values["plan_id"], values["position"])
        result = conn.execute(insert(table).values(**values))
        if old_id is not None:
            key = result.inserted_primary_key
            assert key is not None
            ids[(table.name, old_id)] = key[0]
    for u in unlinked:
        target = ids.get((u.target_table, u.target_id))
        if target is None:
            continue
        child = _tables[u.table]
        column = child.c[u.column]
        conn.execute(
            update(child).where(child.c.id == u.row_id, column.is_(None)).values({column: target})
        )
    return ids


def _relinked(
    conn: Connection, table: Table, values: dict[str, Any], ids: dict[tuple[str, int], int]
) -> dict[str, Any] | None:
    """``values`` pointing at the rows as they are now.

    A reference to a row put back under a new id gets that id; one to a row gone is emptied;
    ``None`` when a reference that cannot be empty points at a row gone.
    """
    for fk in table.foreign_keys:
        name = fk.parent.name
        value = values.get(name)
        if value is None:
            continue
        target = fk.column.table
        if (target.name, value) in ids:
            values[name] = ids[(target.name, value)]
        elif not _exists(conn, fk.column, value):
            if not fk.parent.nullable:
                return None
            values[name] = None
    return values


def _exists(conn: Connection, column: Column[Any], value: int) -> bool:
    return bool(conn.execute(select(exists().where(column == value))).scalar())


def _make_room(conn: Connection, table: Table, plan_id: int, position: int) -> None:
    """Move the plan's rows from ``position`` on one place down when one holds it."""
    taken = select(exists().where(table.c.plan_id == plan_id, table.c.position == position))
    if conn.execute(taken).scalar():
        conn.execute(
            update(table)
            .where(table.c.plan_id == plan_id, table.c.position >= position)
            .values(position=table.c.position + 1)
        )
