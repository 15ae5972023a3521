"""Shared fixtures. Qt runs offscreen; set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
os.environ["SIP_DESK_NO_WELCOME"] = "1"  # tests that want the welcome remove it

from collections.abc import Iterator  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import create_engine, make_url, text  # noqa: E402

from sip_desk.db.base import Base  # noqa: E402
from sip_desk.db.engine import Database, make_engine  # noqa: E402
from sip_desk.db.log_guard import LOG_TABLES, NO_TRUNCATE  # noqa: E402
from sip_desk.db.migrate import prepare_store  # noqa: E402
from sip_desk.domain.audit import UserContext  # noqa: E402
from sip_desk.services.context import Clock, ServiceContext  # noqa: E402
from sip_desk.services.registry import Services  # noqa: E402
from sip_desk.ui.qt_refcounts import protect_singletons  # noqa: E402
from tests.builders import PlanBuilder  # noqa: E402
from tests.keyring_memory import MemoryKeyring, NoKeyring  # noqa: E402

if TYPE_CHECKING:
    from tests.db.pg_roles import Cast

protect_singletons()  # as the app does: a long test session reads many empty QVariants

PG_URL_ENV = "SIP_DESK_TEST_PG_URL"
FIXED_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class MutableClock(Clock):
    """A clock tests can move."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.current = now
        super().__init__(now_fn=lambda: self.current)

    def set(self, now: datetime) -> None:
        self.current = now


@pytest.fixture(autouse=True, scope="session")
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory OS keyring for the whole session: tests never touch the developer's own.

    Its passwords are kept by certificate path (each test's own temporary folder).
    """
    import keyring

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring(memory_keyring: MemoryKeyring) -> Iterator[None]:
    """A computer without an OS keyring (the backend keyring falls back to)."""
    import keyring

    keyring.set_keyring(NoKeyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(memory_keyring)


@pytest.fixture
def clock() -> MutableClock:
    return MutableClock()


@pytest.fixture
def user() -> UserContext:
    return UserContext(user="anna.test", unit="Socialtjänsten Vuxenenheten")


def _sqlite_db(tmp_path: Path) -> Database:
    db = Database(make_engine(str(tmp_path / "sip_desk.sqlite")))
    prepare_store(db)
    return db


@pytest.fixture(scope="session")
def _pg_database() -> Iterator[Database | None]:
    """A PostgreSQL database of this test run's own (so parallel runs never collide)."""
    url = os.environ.get(PG_URL_ENV)
    if not url:
        yield None
        return
    base = make_url(url)
    name = f"{base.database}_{os.getpid()}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(make_engine(base.set(database=name).render_as_string(hide_password=False)))
    prepare_store(db)
    yield db
    db.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate(db: Database) -> None:
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        # the logs refuse TRUNCATE on PostgreSQL (db.log_guard); the owner lifts that here only
        for table in LOG_TABLES:
            guard = NO_TRUNCATE.format(table=table)
            conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {guard}"))
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        for table in LOG_TABLES:
            conn.execute(
                text(f"ALTER TABLE {table} ENABLE TRIGGER {NO_TRUNCATE.format(table=table)}")
            )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The store on each backend: SQLite always, PostgreSQL when SIP_DESK_TEST_PG_URL is set."""
    if request.param == "sqlite":
        database = _sqlite_db(tmp_path)
        yield database
        database.dispose()
        return
    pg = request.getfixturevalue("_pg_database")
    if pg is None:
        pytest.skip(f"PostgreSQL not configured ({PG_URL_ENV} unset)")
    _truncate(pg)
    yield pg


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    """An SQLite store only (UI, PDF and crash tests)."""
    database = _sqlite_db(tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def services(db: Database, user: UserContext, clock: MutableClock, tmp_path: Path) -> Services:
    # SQLite keeps its key beside the store (in tmp_path); PostgreSQL gets one in tmp_path too.
    key_path = None if db.is_sqlite else tmp_path / "pg-store.key"
    return Services(ServiceContext(db=db, user=user, clock=clock, key_path=key_path))


@pytest.fixture
def sqlite_services(sqlite_db: Database, user: UserContext, clock: MutableClock) -> Services:
    return Services(ServiceContext(db=sqlite_db, user=user, clock=clock))


@pytest.fixture
def make_plan(services: Services) -> PlanBuilder:
    return PlanBuilder(services)


@pytest.fixture(scope="module")
def cast(_pg_database: Database | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cast]:
    """Login roles of two units (and an administrator) on a fresh PostgreSQL store, for the
    row-level security tests of one module (tests/db/pg_roles.py); skipped without a server."""
    from tests.db.pg_roles import make_cast, require_pg

    owner = require_pg(_pg_database)
    _truncate(owner)
    yield from make_cast(owner, tmp_path_factory.mktemp("roles"))
