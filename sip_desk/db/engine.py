"""Engine set-up: SQLite pragmas, BEGIN IMMEDIATE for writes, retries, store-error translation."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, exc, make_url

from sip_desk.db import cipher
from sip_desk.db.backups import backup_folder, newest_backup
from sip_desk.db.immutability import is_immutability_error
from sip_desk.db.retry import LockStats, LockWait, Waiting, is_busy_error
from sip_desk.db.store_files import prepare_store_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker
from sip_desk.domain.errors import DamagedStoreError, DomainError, StaleEditError, StoreError

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA trusted_schema=OFF",
)
SQLITE_BUSY_MS = 100
"""How long one attempt waits inside SQLite for another writer (``busy_timeout``; SQLite polls
within it after 1, 2, 5, 10, … ms). :class:`LockWait` then tries again, 30 s in all: short
attempts with jittered pauses give a writer a fair chance against one that saves constantly."""
PG_LOCK_TIMEOUT_MS = 2_000
"""How long one attempt waits for a row lock on PostgreSQL (``lock_timeout``); PostgreSQL
queues lock waiters fairly, so its attempts can be longer."""
T = TypeVar("T")


def url_for(target: str) -> str:
    """Turn a ``--db`` value (a file path or an SQLAlchemy URL) into a URL."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().absolute()}"


def sqlite_file(target: str) -> Path | None:
    """The SQLite file of ``target`` (a path or URL); ``None`` for a server or in-memory store."""
    url = make_url(url_for(target))
    name = url.database
    if url.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    return None if name.startswith("file:") else Path(name)


def make_engine(
    target: str,
    busy_timeout_ms: int | None = None,
    passphrase: str | None = None,
    first_connection: Any = None,
) -> Engine:
    """Create the engine for ``target`` (a file path or an SQLAlchemy URL), production settings.

    ``busy_timeout_ms`` is how long one attempt waits for a lock another writer holds (default
    :data:`SQLITE_BUSY_MS` or :data:`PG_LOCK_TIMEOUT_MS`). With ``passphrase`` an SQLite file
    is opened (or created) encrypted with SQLCipher: ``sqlcipher3`` is the driver, and each
    new connection sets the key before anything else; ``first_connection`` (keyed, from
    :func:`~sip_desk.db.cipher.open_checked`) is the pool's first.
    """
    url = url_for(target)
    if url.startswith("sqlite"):
        busy = SQLITE_BUSY_MS if busy_timeout_ms is None else busy_timeout_ms
        if passphrase is None:
            engine = create_engine(url, connect_args={"timeout": busy / 1000})
        else:
            engine = cipher.engine(url, passphrase, busy / 1000, first_connection)
        name = engine.url.database
        if name and name != ":memory:" and not name.startswith("file:"):  # not a URI: a file
            prepare_store_file(Path(name))  # 0600 before SQLite creates it
        _install_sqlite_hooks(engine, busy)
        return engine
    if url.startswith("postgresql"):
        # Without a lock timeout a row lock held by a hung program would block a save forever.
        wait = PG_LOCK_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        options = {"options": f"-c lock_timeout={int(wait)}"}
        return create_engine(url, pool_pre_ping=True, connect_args=options)
    return create_engine(url, pool_pre_ping=True)


def _fold(value: str | None) -> str | None:
    """Unicode lower case for searches (SQLite's own lower() folds ASCII only)."""
    return None if value is None else value.lower()


def _install_sqlite_hooks(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook emit BEGIN itself instead of pysqlite.
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function("sip_fold", 1, _fold, deterministic=True)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
        except UnicodeDecodeError as error:
            # A damaged schema page: SQLite's error text quotes bytes that are not UTF-8.
            raise sqlite3.DatabaseError(f"database disk image is malformed ({error})") from error
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get("sip_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Database:
    """The store: an engine with one session factory for reads and one for writes.

    Every service method opens exactly one of :meth:`read`, :meth:`write` or
    :meth:`transaction`; the write factory starts SQLite transactions with ``BEGIN IMMEDIATE``
    so two writers never dead-lock. A write that finds the store busy waits as ``lock_wait``
    says (30 s in all) before it is reported as ``store.locked``; ``lock_stats`` counts it.
    ``interactive_wait``, when set, is used instead for writes on the main thread (the thread
    of a window's event loop, which must never wait long).
    """

    def __init__(
        self,
        engine: Engine,
        lock_wait: LockWait | None = None,
        interactive_wait: LockWait | None = None,
        passphrase: str | None = None,
    ) -> None:
        self.engine = engine
        self.passphrase = passphrase
        """The key of an encrypted SQLite store (for its backups and child processes), else None."""
        self.lock_wait = lock_wait or LockWait()
        self.interactive_wait = interactive_wait
        self.lock_stats = LockStats()

    # The ORM (~50 ms to import) loads on the first unit of work, not when the store opens:
    # the plan list is shown through :meth:`read_connection` before that.
    @cached_property
    def _read(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _write(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine.execution_options(sip_write=True), expire_on_commit=False)

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A plain connection (no ORM) for single read statements.

        Each statement is its own consistent snapshot (SQLite autocommit; on PostgreSQL the
        driver's implicit transaction, rolled back when the connection returns to the pool).
        """
        with translate_store_errors(self), self.engine.connect() as conn:
            yield conn

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded SQLite store."""
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The SQLite file, if any."""
        name = self.engine.url.database
        if self.is_sqlite and name and name != ":memory:":
            return Path(name)
        return None

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work."""
        with translate_store_errors(self), self._read.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write unit of work; commits on success, rolls everything back on any error.

        The transaction begins before the body runs (on SQLite, ``BEGIN IMMEDIATE`` takes the
        write lock), and the begin is tried again while the store is busy. A busy error later
        in the body is not retried here: :meth:`transaction` runs the whole body again.
        """
        with translate_store_errors(self), self._begun(self._waiting()) as session:
            yield session

    def transaction(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one write transaction and commit; return what it returns.

        After a busy error anywhere (begin, body, commit: SQLite busy, PostgreSQL
        serialization failure, deadlock or lock timeout) everything is rolled back and
        ``work`` runs again in a new transaction, with backoff, until ``lock_wait`` is used
        up; then ``StoreError("store.locked")``. Any other error is raised at once.
        ``work`` must therefore do nothing outside the session that cannot be done twice.
        """
        with translate_store_errors(self):
            waiting = self._waiting()
            while True:
                try:
                    with self._begun(waiting) as session:
                        return work(session)
                except exc.DBAPIError as error:
                    if not waiting.again(error):
                        raise

    def _waiting(self) -> Waiting:
        policy = self.lock_wait
        if (
            self.interactive_wait is not None
            and threading.current_thread() is threading.main_thread()
        ):
            policy = self.interactive_wait
        return policy.start(self.lock_stats)

    @contextmanager
    def _begun(self, waiting: Waiting) -> Iterator[Session]:
        session = self._begin(waiting)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def _begin(self, waiting: Waiting) -> Session:
        while True:
            session = self._write()
            try:
                session.connection()  # BEGIN (IMMEDIATE on SQLite: the write lock is taken here)
            except exc.DBAPIError as error:
                session.close()
                if not waiting.again(error):
                    raise
            else:
                waiting.got_through()
                return session

    def dispose(self) -> None:
        """Close all connections."""
        self.engine.dispose()


@contextmanager
def translate_store_errors(db: Database) -> Iterator[None]:
    """Turn driver errors into :class:`StoreError` with a message the user can act on."""
    try:
        yield
    except DomainError:
        raise
    except exc.SQLAlchemyError as error:
        # sqlalchemy.orm.exc.StaleDataError, matched by name so the ORM is not imported early
        if type(error).__name__ == "StaleDataError":
            raise StaleEditError(0, 0, 0) from error
        if not isinstance(error, exc.DBAPIError):
            raise
        if isinstance(error, exc.IntegrityError) and is_immutability_error(error):
            raise DomainError("error.signed_locked") from error
        raise store_error_for(error, db.path) from error
    except sqlite3.DatabaseError as error:
        raise store_error_for(error, db.path) from error
    except UnicodeDecodeError as error:
        # Text the driver read from the file is not UTF-8: the file is damaged.
        raise damaged_store_error(db.path) from error


def store_error_for(error: BaseException, path: Path | None) -> StoreError:
    """The :class:`StoreError` matching a driver error text."""
    text = str(getattr(error, "orig", error)).lower()
    where = str(path or "")
    if is_busy_error(error) or "locked" in text or "busy" in text:
        return StoreError("store.locked")
    if (
        "row-level security" in text
        or "permission denied for" in text
        or "sip_desk: a plan" in text
        or "sip_desk: only the administrator" in text
        or "sip_desk: the identity number" in text
    ):
        return StoreError("store.denied", detail=text[:300])  # PostgreSQL: the role lacks it
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return StoreError("store.read_only", path=where)
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return StoreError("store.full")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return damaged_store_error(path)
    if "unable to open" in text and path is not None:
        return StoreError("store.cannot_open", path=where)
    if "connect" in text or "could not" in text or "unable to open" in text:
        return StoreError("store.unreachable", detail=text[:300])
    return StoreError("store.failed", detail=text[:300])


def damaged_store_error(path: Path | None) -> DamagedStoreError:
    """The error for a damaged store file, naming its newest backup."""
    if path is None:
        return DamagedStoreError("")
    backup = newest_backup(path)
    return DamagedStoreError(str(path), str(backup) if backup else None, str(backup_folder(path)))
