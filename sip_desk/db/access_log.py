"""Writing and reading the access log (plain Core: the plan list logs before the ORM loads)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, column, func, literal, or_, outerjoin, select, table
from sqlalchemy.exc import DBAPIError

from sip_desk.db.chain import (
    ACCESS_LOG,
    AUDIT_TRAIL,
    append,
    checked_in_database,
    first_break,
    tail,
)
from sip_desk.db.engine import Database, translate_store_errors
from sip_desk.domain.access import (
    AccessEntryDto,
    AccessQuery,
    ChainBreak,
    ChainReport,
    access_kind,
)
from sip_desk.domain.local_time import LOCAL_TZ

_plans = table("plans", column("id"), column("person_id"))
_persons = table(
    "persons", column("id"), column("first_name"), column("last_name"), column("identity_number")
)


def persons_of_plans(conn: Connection, plan_ids: Iterable[int]) -> dict[int, int]:
    """The person of each plan (plans that are gone are left out)."""
    wanted = sorted(set(plan_ids))
    found: dict[int, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        stmt = select(_plans.c.id, _plans.c.person_id).where(_plans.c.id.in_(chunk))
        found.update({int(p): int(q) for p, q in conn.execute(stmt)})
    return found


def write_reads(db: Database, rows: Sequence[Mapping[str, Any]]) -> None:
    """Append ``rows`` to the access log in a transaction of their own."""
    if not rows:
        return
    # Waits for a busy store as every write does (Database.transaction), without the ORM.
    waiting = db._waiting()  # noqa: SLF001  (the store's own policy: shorter on the GUI thread)
    with translate_store_errors(db):
        while True:
            try:
                with db.engine.execution_options(sip_write=True).begin() as conn:
                    append(conn, ACCESS_LOG.name, _with_persons(conn, rows))
                    return
            except DBAPIError as error:
                if not waiting.again(error):
                    raise


def append_reads(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    """Append ``rows`` in the caller's write transaction."""
    append(conn, ACCESS_LOG.name, _with_persons(conn, rows))


def _with_persons(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    missing = [r["plan_id"] for r in rows if r.get("person_id") is None and r.get("plan_id")]
    persons = persons_of_plans(conn, missing) if missing else {}
    return [
        {**r, "person_id": r.get("person_id") or persons.get(r.get("plan_id") or 0)} for r in rows
    ]


def _bounds(query: AccessQuery) -> list[Any]:
    t = ACCESS_LOG.clause
    where: list[Any] = []
    if query.since is not None:
        where.append(t.c.at >= _utc(datetime.combine(query.since, time(), LOCAL_TZ)))
    if query.until is not None:
        end = datetime.combine(query.until + timedelta(days=1), time(), LOCAL_TZ)
        where.append(t.c.at < _utc(end))
    if query.user:
        where.append(t.c.user == query.user)
    if query.identity_number:
        ids = select(_persons.c.id).where(_persons.c.identity_number == query.identity_number)
        # an import refused because the person is stored out of the user's sight names only
        # the identity number the file held (services.plan_json.service)
        refused = t.c.detail == f"refused: {query.identity_number}"
        where.append(or_(t.c.person_id.in_(ids), refused))
    return where


def _utc(value: datetime) -> Any:
    return value.astimezone(UTC)


def read_entries(conn: Connection, query: AccessQuery) -> list[AccessEntryDto]:
    """Rows matching ``query``, oldest first, each with the person's name while known."""
    t = ACCESS_LOG.clause
    p = _persons
    name = func.trim(
        func.coalesce(p.c.first_name, "") + literal(" ") + func.coalesce(p.c.last_name, "")
    )
    # every column but the hashes: an ordinary user on PostgreSQL may not read those
    fields = [t.c[f] for f in ACCESS_LOG.fields]
    stmt = (
        select(*fields, name.label("person_name"), p.c.identity_number)
        .select_from(outerjoin(t, p, p.c.id == t.c.person_id))
        .where(and_(True, *_bounds(query)))
        .order_by(t.c.id)
    )
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    sqlite = conn.dialect.name == "sqlite"
    return [_dto(row, sqlite) for row in conn.execute(stmt).mappings()]


def _dto(row: Mapping[Any, Any], sqlite: bool) -> AccessEntryDto:
    at = row["at"]
    person = " ".join(v for v in (row["person_name"], row["identity_number"]) if v)
    return AccessEntryDto(
        id=int(row["id"]),
        at=at.replace(tzinfo=UTC) if sqlite or at.tzinfo is None else at.astimezone(UTC),
        user=row["user"],
        unit=row["unit"],
        kind=access_kind(str(row["kind"])),
        person_id=row["person_id"],
        plan_id=row["plan_id"],
        program=row["program"],
        command=row["command"],
        detail=row["detail"],
        person=person,
    )


def chain_report(conn: Connection) -> ChainReport:
    """Walk both logs and report the first break of each.

    On PostgreSQL the walk is the database's (``sip_desk_log_check``): a user who may not read
    every row still gets the verdict; the newest hashes only for a log reviewer.
    """
    if conn.dialect.name == "postgresql":
        a_read, a_break, a_count, a_hash = checked_in_database(conn, ACCESS_LOG.name)
        u_read, u_break, u_count, u_hash = checked_in_database(conn, AUDIT_TRAIL.name)
        return ChainReport(
            access_rows=a_read,
            audit_rows=u_read,
            breaks=tuple(b for b in (a_break, u_break) if b),
            access_tail=(a_count, a_hash),
            audit_tail=(u_count, u_hash),
        )
    access_rows, access_break = first_break(conn, ACCESS_LOG.name)
    audit_rows, audit_break = first_break(conn, AUDIT_TRAIL.name)
    breaks: tuple[ChainBreak, ...] = tuple(b for b in (access_break, audit_break) if b)
    return ChainReport(
        access_rows=access_rows,
        audit_rows=audit_rows,
        breaks=breaks,
        access_tail=tail(conn, ACCESS_LOG.name),
        audit_tail=tail(conn, AUDIT_TRAIL.name),
    )
