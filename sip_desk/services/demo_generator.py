"""Generate N fictional plans fast, for demos and benchmarks (100,000 plans in about a minute).

Rows are built in Python with their ids assigned up front, then inserted with SQLAlchemy Core
``executemany`` in batches, one write transaction per batch. The services' per-row audit would
add a million entries; instead the whole run is one audit entry.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, text

from sip_desk.db.base import Base
from sip_desk.db.engine import Database
from sip_desk.db.models import AuditEntry, Organisation, Person, Unit
from sip_desk.domain.audit import UserContext
from sip_desk.domain.enums import AuditAction, PrincipalType
from sip_desk.services.context import Clock, ServiceContext
from sip_desk.services.demo_generator_data import (
    KOMMUN_UNITS,
    KOMMUNER,
    OTHER_ACTORS,
    REGION_UNITS,
    REGIONS,
)
from sip_desk.services.demo_generator_people import PeopleMaker
from sip_desk.services.demo_generator_rows import TABLES, Batch, Catalogue, PlanMaker

BATCH_SIZE = 2000
GENERATOR_USER = UserContext(user="sip-desk demo", unit="")


@dataclass(frozen=True, kw_only=True)
class GenerationResult:
    """What a generation run inserted: rows per table and the time it took."""

    plans: int
    rows: dict[str, int]
    seconds: float


def generate_plans(
    target: Any,
    n: int,
    seed: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> GenerationResult:
    """Insert ``n`` generated plans with persons, participants, goals, actions and meetings.

    Args:
        target: a :class:`Database`, a :class:`ServiceContext`, or an object with ``ctx`` (the
            services registry); with a context, its clock and user are used.
        n: how many plans.
        seed: the same seed on the same store (and clock) gives the same plans.
        batch_size: plans per write transaction.
        progress: called after each batch with the plans stored so far and ``n``.

    Returns:
        Counts of inserted rows per table and the seconds taken.
    """
    db, user, clock = _resolve(target)
    started = time.perf_counter()
    now = clock.now()
    rng = random.Random(seed)
    with db.write() as s:
        conn = s.connection()
        catalogue = _catalogue(conn)
        taken = {row[0] for row in conn.execute(select(Person.identity_number)) if row[0]}
    people = PeopleMaker(rng, taken, clock.today(), now)
    maker = PlanMaker(rng, catalogue, people, now)
    counts: Counter[str] = Counter()
    done = 0
    while done < n:
        size = min(batch_size, n - done)
        with db.write() as s:
            conn = s.connection()
            batch = Batch(_next_ids(conn))
            for _ in range(size):
                maker.make(batch)
            _insert(conn, batch)
        counts.update({table: len(rows) for table, rows in batch.rows.items()})
        done += size
        if progress is not None:
            progress(done, n)
    _record(db, user, now, n, seed)
    return GenerationResult(plans=n, rows=dict(counts), seconds=time.perf_counter() - started)


def _resolve(target: Any) -> tuple[Database, UserContext, Clock]:
    ctx = getattr(target, "ctx", target)
    if isinstance(ctx, ServiceContext):
        return ctx.db, ctx.user, ctx.clock
    if isinstance(ctx, Database):
        return ctx, GENERATOR_USER, Clock()
    raise TypeError(f"expected Database, ServiceContext or Services, got {type(target)!r}")


def _catalogue(conn: Connection) -> Catalogue:
    """Ids of every organisation and unit the generator uses, creating the missing ones."""
    wanted: dict[tuple[str, PrincipalType], tuple[str, ...]] = {}
    for name in KOMMUNER:
        wanted[(f"{name} kommun", PrincipalType.KOMMUN)] = KOMMUN_UNITS
        wanted[(f"{name}skolan", PrincipalType.OTHER)] = ()
    for name in REGIONS:
        wanted[(name, PrincipalType.REGION)] = REGION_UNITS
    for name in OTHER_ACTORS:
        wanted[(name, PrincipalType.OTHER)] = ()
    orgs = _org_ids(conn)
    new_orgs = [{"name": k[0], "principal_type": k[1]} for k in wanted if k not in orgs]
    if new_orgs:
        conn.execute(insert(Organisation), new_orgs)
        orgs = _org_ids(conn)
    units = _unit_ids(conn)
    new_units = [
        {"organisation_id": orgs[key], "name": unit}
        for key, names in wanted.items()
        for unit in names
        if (orgs[key], unit) not in units
    ]
    if new_units:
        conn.execute(insert(Unit), new_units)
        units = _unit_ids(conn)
    return Catalogue(orgs=orgs, units=units)


def _org_ids(conn: Connection) -> dict[tuple[str, PrincipalType], int]:
    rows = conn.execute(select(Organisation.name, Organisation.principal_type, Organisation.id))
    return {(name, principal): org_id for name, principal, org_id in rows}


def _unit_ids(conn: Connection) -> dict[tuple[int, str], int]:
    rows = conn.execute(select(Unit.organisation_id, Unit.name, Unit.id))
    return {(org_id, name): unit_id for org_id, name, unit_id in rows}


def _next_ids(conn: Connection) -> dict[str, int]:
    """The next free id per table, read inside the batch's write transaction."""
    tables = Base.metadata.tables
    return {
        name: int(conn.execute(select(func.coalesce(func.max(tables[name].c.id), 0))).scalar_one())
        + 1
        for name in TABLES
        if name != "action_goals"
    }


def _insert(conn: Connection, batch: Batch) -> None:
    tables = Base.metadata.tables
    for name in TABLES:
        rows = batch.rows.get(name)
        if rows:
            conn.execute(insert(tables[name]), rows)
    if conn.dialect.name == "postgresql":
        # Explicit ids do not move PostgreSQL's sequences; move them past what we inserted.
        for name in batch.next_id:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "  # noqa: S608
                    f"(SELECT MAX(id) FROM {name}))"
                )
            )


def _record(db: Database, user: UserContext, now: Any, n: int, seed: int) -> None:
    """One audit entry for the whole run (not one per generated row)."""
    with db.write() as s:
        s.add(
            AuditEntry(
                at=now,
                user=user.user,
                unit=user.unit,
                action=AuditAction.CREATE,
                entity="demo_generation",
                field="plans",
                new=f"{n} generated plans (seed {seed})",
            )
        )
