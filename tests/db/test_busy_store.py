"""A busy store: a save waits for the other writer (30 s in all), then says calmly it is busy."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg.errors
import pytest
from sqlalchemy import exc, func, select, text
from sqlalchemy.orm import Session

from sip_desk.db.engine import Database, make_engine
from sip_desk.db.models import AuditEntry
from sip_desk.db.retry import LOCK_WAIT_S, LockStats, LockWait, is_busy_error
from sip_desk.domain.audit import UserContext
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import StoreError
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from tests.builders import person_data

SHORT = LockWait(budget_s=0.8)


def _services(db: Database, lock_wait: LockWait = SHORT, wait_ms: int = 100) -> Services:
    """Services on the store of ``db`` with short waits (injected for the test)."""
    url = db.engine.url.render_as_string(hide_password=False)
    short = Database(make_engine(url, busy_timeout_ms=wait_ms), lock_wait)
    return Services(ServiceContext(db=short, user=UserContext(user="anna.test")))


@contextmanager
def _other_program_holds_the_plan(db: Database, plan_id: int) -> Iterator[None]:
    """Another connection holds the write lock (SQLite) or the plan's row lock (PostgreSQL)."""
    if db.is_sqlite:
        assert db.path is not None
        holder = sqlite3.connect(db.path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    with db.engine.connect() as conn:
        conn.execute(text("SELECT id FROM plans WHERE id = :id FOR UPDATE"), {"id": plan_id})
        yield
        conn.rollback()


def _save_reason(services: Services, plan: PlanDetail, reason: str) -> PlanDetail:
    fields = dataclasses.replace(plan.fields, reason=reason)
    return services.plans.update_fields(plan.id, plan.version, fields).plan


def test_the_default_wait_for_a_busy_store_is_30_seconds() -> None:
    assert LockWait().budget_s == LOCK_WAIT_S == 30.0


@contextmanager
def _released_after(db: Database, plan_id: int, seconds: float) -> Iterator[None]:
    """Another program holds the plan (on a thread of its own) and lets go after ``seconds``."""
    ready, done = threading.Event(), threading.Event()

    def hold() -> None:
        with _other_program_holds_the_plan(db, plan_id):
            ready.set()
            done.wait(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    assert ready.wait(5)
    try:
        yield
    finally:
        done.set()
        thread.join(10)


def test_a_save_waits_while_the_other_program_holds_the_store(
    db: Database, services: Services
) -> None:
    plan = services.plans.create_plan(person_data())
    patient = _services(db, LockWait(budget_s=10.0))

    with _released_after(db, plan.id, 1.0):
        started = time.monotonic()
        saved = _save_reason(patient, plan, "Bostad")
        waited = time.monotonic() - started

    assert waited >= 0.8
    assert services.plans.get_plan(plan.id).fields.reason == saved.fields.reason == "Bostad"
    assert patient.ctx.db.lock_stats.retries > 0
    assert patient.ctx.db.lock_stats.gave_up == 0
    patient.ctx.db.dispose()


def test_a_lock_held_longer_than_the_limit_says_the_store_is_busy(
    db: Database, services: Services
) -> None:
    plan = services.plans.create_plan(person_data())
    impatient = _services(db)

    with _other_program_holds_the_plan(db, plan.id):
        started = time.monotonic()
        with pytest.raises(StoreError) as info:
            _save_reason(impatient, plan, "Bostad")
        waited = time.monotonic() - started

    assert info.value.code == "store.locked"
    assert info.value.message("sv") == (
        "Databasen är upptagen av ett annat program. Försök igen om en stund."
    )
    assert "Traceback" not in info.value.message("en")
    assert SHORT.budget_s <= waited < SHORT.budget_s + 2.0  # reported after the limit, not before
    assert impatient.ctx.db.lock_stats.gave_up == 1
    assert services.plans.get_plan(plan.id).fields.reason == ""  # nothing half-saved
    impatient.ctx.db.dispose()


def test_a_whole_transaction_runs_again_after_a_busy_error(sqlite_db: Database) -> None:
    calls: list[int] = []

    def work(session: Session) -> int:
        calls.append(1)
        session.add(AuditEntry(user="x", action=AuditAction.READ, entity="plan"))
        session.flush()
        if len(calls) == 1:  # the first attempt collides half-way through
            busy = sqlite3.OperationalError("database is locked")
            raise exc.OperationalError("INSERT", {}, busy)
        return len(calls)

    assert sqlite_db.transaction(work) == 2

    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 1  # first rolled back
    assert sqlite_db.lock_stats.retries == 1


def test_other_errors_are_never_retried(sqlite_db: Database) -> None:
    calls: list[int] = []

    def work(session: Session) -> None:
        calls.append(1)
        session.execute(text("INSERT INTO no_such_table VALUES (1)"))

    with pytest.raises(StoreError) as info:
        sqlite_db.transaction(work)

    assert info.value.code == "store.failed"
    assert calls == [1]
    assert sqlite_db.lock_stats.retries == 0


@pytest.mark.parametrize(
    ("error", "busy"),
    [
        (sqlite3.OperationalError("database is locked"), True),
        (sqlite3.OperationalError("database table is locked"), True),
        (sqlite3.OperationalError("database or disk is full"), False),
        (sqlite3.DatabaseError("database disk image is malformed"), False),
        (sqlite3.IntegrityError("UNIQUE constraint failed: organisations.name"), False),
        (psycopg.errors.SerializationFailure("could not serialize access"), True),
        (psycopg.errors.DeadlockDetected("deadlock detected"), True),
        (psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"), True),
        (psycopg.errors.UniqueViolation("duplicate key value"), False),
        (psycopg.errors.DiskFull("could not extend file"), False),
        (psycopg.errors.OperationalError("connection refused"), False),
        (ValueError("database is locked"), False),
    ],
)
def test_only_lock_busy_and_serialization_errors_are_retried(error: Exception, busy: bool) -> None:
    wrapped = exc.OperationalError("UPDATE plans", {}, error)

    assert is_busy_error(error) is busy
    assert is_busy_error(wrapped) is busy


class _FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.pauses: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds + 0.002  # each attempt itself takes a moment


def test_backoff_grows_exponentially_with_jitter_and_stops_at_the_limit() -> None:
    clock = _FakeTime()
    policy = LockWait(
        budget_s=30.0,
        first_s=0.005,
        cap_s=0.1,
        sleep=clock.sleep,
        clock=lambda: clock.now,
        jitter=lambda low, high: high,  # the largest pause the jitter may draw
    )
    stats = LockStats()
    waiting = policy.start(stats)
    busy = sqlite3.OperationalError("database is locked")

    while waiting.again(busy):
        pass

    assert clock.pauses[:6] == pytest.approx([0.005, 0.01, 0.02, 0.04, 0.08, 0.1])
    assert max(clock.pauses) <= 0.1
    assert 30.0 <= clock.now <= 30.2  # gave up only after the whole wait, and soon after it
    assert (stats.retried, stats.gave_up) == (1, 1)
    assert stats.retries == len(clock.pauses)


def test_jitter_draws_each_pause_between_zero_and_the_ceiling() -> None:
    clock = _FakeTime()
    drawn: list[tuple[float, float]] = []

    def jitter(low: float, high: float) -> float:
        drawn.append((low, high))
        return (low + high) / 2

    policy = LockWait(
        budget_s=1.0, cap_s=0.1, sleep=clock.sleep, clock=lambda: clock.now, jitter=jitter
    )
    waiting = policy.start(LockStats())
    for _ in range(4):
        assert waiting.again(sqlite3.OperationalError("database is locked"))

    assert [low for low, _ in drawn] == [0.0] * 4
    assert [high for _, high in drawn] == pytest.approx([0.005, 0.01, 0.02, 0.04])
    assert clock.pauses == pytest.approx([0.0025, 0.005, 0.01, 0.02])
