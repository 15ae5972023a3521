"""Is the SQLite store file intact? ``PRAGMA quick_check``, optionally within a time budget.

``quick_check(N)`` limits the number of problems reported, not the work: it reads every page of
the file (about 0.15 s for a store of 10,000 plans, 1.5 s for 100,000). Opening a store therefore
checks only for as long as :data:`OPEN_BUDGET_S` allows (a timer interrupts the check); a store
small enough is checked whole, and the desktop application checks a larger one whole in the
background.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from sip_desk.db.engine import Database, damaged_store_error
from sip_desk.domain.errors import DamagedStoreError

log = logging.getLogger(__name__)
OPEN_BUDGET_S = 0.05
MAX_PROBLEMS = 20  # rows of quick_check output worth logging


@dataclasses.dataclass(frozen=True)
class IntegrityReport:
    """What a check found: ``problems`` (quick_check lines not ``ok``) and whether ``complete``."""

    problems: tuple[str, ...]
    complete: bool
    seconds: float

    @property
    def damaged(self) -> bool:
        """True when the check found damage."""
        return bool(self.problems)


def check_integrity(
    db: Database, budget_s: float | None = None, interrupt: Interrupt | None = None
) -> IntegrityReport | None:
    """Run ``PRAGMA quick_check`` on an SQLite store; ``None`` for any other database.

    The check stops after ``budget_s`` (the report is then incomplete; ``None`` checks the whole
    file), or when another thread fires ``interrupt`` (e.g. when the application quits).
    """
    if not db.is_sqlite:
        return None
    interrupt = interrupt or Interrupt()
    start = time.monotonic()
    problems: tuple[str, ...] = ()
    raw = db.engine.raw_connection()
    try:
        # sqlite3's connection, or sqlcipher3's for an encrypted store (the same API)
        driver = cast(sqlite3.Connection, raw.driver_connection)
        dbapi: Any = db.engine.dialect.loaded_dbapi
        with interrupt.watching(driver, budget_s):
            try:
                if budget_s is not None and budget_s <= 0:
                    interrupt.fire()
                if not interrupt.fired:
                    rows = driver.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
                    problems = tuple(str(r[0]) for r in rows if r[0] != "ok")
            except dbapi.OperationalError:
                if not interrupt.fired:
                    raise
            except (dbapi.DatabaseError, UnicodeDecodeError) as error:
                problems = (str(error),)
    finally:
        raw.close()
    seconds = time.monotonic() - start
    log.debug("quick_check: %.3f s, complete: %s", seconds, not interrupt.fired)
    return IntegrityReport(problems, not interrupt.fired, seconds)


class Interrupt:
    """Stops a running check when its time budget is spent or when :meth:`fire` is called.

    ``sqlite3_interrupt`` reaches into the page-by-page check (SQLite's progress handler does
    not before 3.43); once the statement has ended, a late interrupt does nothing.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self.fired = False

    def fire(self) -> None:
        """Stop the check now; safe from any thread."""
        with self._lock:
            self.fired = True
            if self._connection is not None:
                self._connection.interrupt()

    @contextmanager
    def watching(self, connection: sqlite3.Connection, budget_s: float | None) -> Iterator[None]:
        """Within the block, :meth:`fire` interrupts ``connection``; so does the budget's end."""
        timer = None if budget_s is None else threading.Timer(budget_s, self.fire)
        with self._lock:
            self._connection = connection
        if timer is not None:
            timer.daemon = True
            timer.start()
        try:
            yield
        finally:
            if timer is not None:
                timer.cancel()
                timer.join()
            with self._lock:
                self._connection = None


def require_intact(db: Database, budget_s: float | None = OPEN_BUDGET_S) -> IntegrityReport | None:
    """Check the store as :func:`check_integrity` does.

    Raises:
        DamagedStoreError: damage was found; the message names the newest backup.
    """
    report = check_integrity(db, budget_s)
    if report is not None and report.damaged:
        raise damaged_error(db, report)
    return report


def damaged_error(db: Database, report: IntegrityReport) -> DamagedStoreError:
    """The error to show for a damaged store; the problems found go to the log."""
    log.error("store %s is damaged: %s", db.path, "; ".join(report.problems))
    return damaged_store_error(db.path)
