"""The SQLite settings that survive crashes and two writers, and store errors users can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from sip_desk.bootstrap import open_services
from sip_desk.db.engine import SQLITE_BUSY_MS, Database, make_engine, store_error_for
from sip_desk.db.migrate import prepare_store
from sip_desk.db.retry import LockWait
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import StoreError
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from tests.builders import person_data


def test_engine_sets_crash_safe_pragmas_on_every_connection(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        values = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in (
                "journal_mode",
                "synchronous",
                "foreign_keys",
                "busy_timeout",
                "trusted_schema",
            )
        }

    assert values == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": SQLITE_BUSY_MS,
        "trusted_schema": 0,
    }


def test_engine_write_transaction_takes_the_write_lock_at_begin(sqlite_db: Database) -> None:
    path = sqlite_db.path
    assert path is not None
    with sqlite_db.write() as session:
        session.execute(text("SELECT 1"))  # no write yet: only BEGIN IMMEDIATE holds the lock
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_engine_read_transaction_does_not_block_writers(sqlite_db: Database) -> None:
    path = sqlite_db.path
    assert path is not None
    with sqlite_db.read() as session:
        session.execute(text("SELECT count(*) FROM plans"))
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        other.close()


def test_store_refuses_a_corrupt_file_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not an sqlite file" * 100)

    with pytest.raises(StoreError) as info:
        open_services(str(path), user=UserContext(user="t"))

    assert info.value.code == "store.corrupt"
    assert str(path) in info.value.message("sv")
    assert "skadad" in info.value.message("sv")


def test_store_refuses_a_store_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    db = Database(make_engine(str(path)))
    prepare_store(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    db.dispose()

    with pytest.raises(StoreError) as info:
        open_services(str(path), user=UserContext(user="t"))

    assert info.value.code == "store.too_new"
    assert "nyare version" in info.value.message("sv")
    assert "newer version" in info.value.message("en")


def test_store_reports_read_only_store_and_saves_nothing(tmp_path: Path, user, clock) -> None:
    path = tmp_path / "ro.sqlite"
    writable = Database(make_engine(str(path)))
    prepare_store(writable)
    writable.dispose()
    ro = Database(make_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))
    services = Services(ServiceContext(db=ro, user=user, clock=clock))

    with pytest.raises(StoreError) as info:
        services.plans.create_plan(person_data())

    assert info.value.code == "store.read_only"
    assert services.plan_list.count_plans() == 0
    ro.dispose()


def test_store_reports_locked_store_after_the_lock_wait(tmp_path: Path, user, clock) -> None:
    path = tmp_path / "locked.sqlite"
    db = Database(make_engine(str(path), busy_timeout_ms=200), LockWait(budget_s=0.5))
    prepare_store(db)
    services = Services(ServiceContext(db=db, user=user, clock=clock))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as info:
            services.plans.create_plan(person_data())
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert info.value.code == "store.locked"
    assert services.plan_list.count_plans() == 0
    db.dispose()


def test_store_reports_full_disk_and_keeps_earlier_plans(sqlite_db: Database, user, clock) -> None:
    services = Services(ServiceContext(db=sqlite_db, user=user, clock=clock))
    first = services.plans.create_plan(person_data())
    raw = sqlite_db.engine.raw_connection()
    pages = raw.cursor().execute("PRAGMA page_count").fetchone()[0]
    raw.cursor().execute(f"PRAGMA max_page_count={pages}")
    raw.close()  # back to the pool: the next unit of work reuses this connection

    with pytest.raises(StoreError) as info:
        services.plans.create_plan(person_data(address="Storgatan 1\n" * 1500))

    assert info.value.code == "store.full"
    assert [p.id for p in services.plan_list.list_plans()] == [first.id]


@pytest.mark.parametrize(
    ("driver_text", "code"),
    [
        ("database is locked", "store.locked"),
        ("attempt to write a readonly database", "store.read_only"),
        ("database or disk is full", "store.full"),
        ("file is not a database", "store.corrupt"),
        ("database disk image is malformed", "store.corrupt"),
        ('connection to server at "127.0.0.1", port 5432 failed', "store.unreachable"),
    ],
)
def test_store_error_for_maps_driver_errors(driver_text: str, code: str) -> None:
    error = store_error_for(sqlite3.OperationalError(driver_text), Path("/x/sip_desk.sqlite"))

    assert error.code == code
    assert "{" not in error.message("sv")
