"""Engine set-up: SQLite pragmas, BEGIN IMMEDIATE for writes, and store-error translation."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, exc

from sip_desk.db.backups import backup_folder, newest_backup
from sip_desk.db.immutability import is_immutability_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker
from sip_desk.domain.errors import DamagedStoreError, DomainError, StaleEditError, StoreError

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA trusted_schema=OFF",
)
BUSY_TIMEOUT_MS = 10_000


def url_for(target: str) -> str:
    """Turn a ``--db`` value (a file path or an SQLAlchemy URL) into a URL."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().absolute()}"


def make_engine(target: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """Create the engine for ``target`` with the production settings.

    Args:
        target: a file path or an SQLAlchemy URL.
        busy_timeout_ms: how long an SQLite writer waits for another writer before giving up.
    """
    url = url_for(target)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})
        _install_sqlite_hooks(engine, busy_timeout_ms)
        return engine
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

    Every service method opens exactly one of :meth:`read` or :meth:`write`; the write factory
    starts SQLite transactions with ``BEGIN IMMEDIATE`` so two writers never dead-lock.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

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
        """A write unit of work; commits on success, rolls everything back on any error."""
        with translate_store_errors(self), self._write.begin() as session:
            yield session

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
    if "locked" in text or "busy" in text:
        return StoreError("store.locked")
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
