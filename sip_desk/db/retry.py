"""Waiting for another writer: which errors mean "busy, try again", and how long to keep trying.

SQLite lets one writer at a time hold the store; PostgreSQL can refuse a transaction that
collided with another one (serialization failure, deadlock) or waited too long for a row lock.
Either way nothing was written, and running the whole transaction again is safe. Other errors
(a full disk, a broken constraint, a damaged file) are never retried.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

LOCK_WAIT_S = 30.0
"""A save waits this long in total for another writer before the store is reported busy."""
INTERACTIVE_WAIT_S = 0.5
"""A write from a window's own thread waits only this long: the window must not freeze. The
window keeps what was typed and tries again later (command-line writes wait the full time)."""

# SQLite result codes (the low byte of an extended code): SQLITE_BUSY, SQLITE_LOCKED.
_SQLITE_BUSY_CODES = {5, 6}
# PostgreSQL SQLSTATEs: serialization_failure, deadlock_detected, lock_not_available.
_PG_RETRY_STATES = {"40001", "40P01", "55P03"}
_BUSY_TEXTS = ("database is locked", "database table is locked", "database is busy")


def is_busy_error(error: BaseException) -> bool:
    """True when ``error`` (a driver error, or SQLAlchemy's wrapper of one) means "try again".

    SQLite: busy or locked. PostgreSQL: serialization failure, deadlock, lock not available.
    """
    orig = getattr(error, "orig", None) or error
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str):
        return state in _PG_RETRY_STATES
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF in _SQLITE_BUSY_CODES
        return any(text in str(orig).lower() for text in _BUSY_TEXTS)
    return False


@dataclass
class LockStats:
    """What the waits of one store came to (for logs, benchmarks and the load tests)."""

    transactions: int = 0
    retried: int = 0  # transactions that needed at least one retry
    retries: int = 0  # attempts repeated after a busy error
    gave_up: int = 0  # transactions reported busy after the whole wait
    max_wait_s: float = 0.0  # longest time a transaction waited before it got through


@dataclass(frozen=True)
class LockWait:
    """How a write waits for another writer: exponential backoff with full jitter, bounded.

    Attempt *n* (from 0) that fails with a busy error is followed by a pause drawn evenly from
    ``[0, min(cap_s, first_s * 2**n)]``. No attempt starts after ``budget_s`` from the first
    one; the last busy error is then raised. On SQLite each attempt also waits inside SQLite
    (``busy_timeout``), so the store is reported busy after ``budget_s`` plus at most one
    attempt's own wait.
    """

    budget_s: float = LOCK_WAIT_S
    first_s: float = 0.005
    cap_s: float = 0.02
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    jitter: Callable[[float, float], float] = field(default=random.uniform, repr=False)

    def start(self, stats: LockStats) -> Waiting:
        """The wait of one transaction, counted in ``stats``."""
        return Waiting(self, stats)


class Waiting:
    """One transaction's attempts: decides after each busy error whether to try again."""

    def __init__(self, policy: LockWait, stats: LockStats) -> None:
        self._policy, self._stats = policy, stats
        self._started = policy.clock()
        self.attempts = 0
        self._given_up = False
        stats.transactions += 1

    def again(self, error: BaseException) -> bool:
        """After ``error``: pause and return True to try again, or False to give up."""
        if self._given_up or not is_busy_error(error):
            return False
        policy = self._policy
        left = self._started + policy.budget_s - policy.clock()
        if left <= 0:
            self._given_up = True
            self._stats.gave_up += 1
            log.warning("store busy for %.1f s; giving up: %s", policy.budget_s, error)
            return False
        ceiling = min(policy.cap_s, policy.first_s * 2**self.attempts)
        pause = min(left, max(0.0, policy.jitter(0.0, ceiling)))
        self.attempts += 1
        self._stats.retries += 1
        if self.attempts == 1:
            self._stats.retried += 1
        log.debug("store busy (attempt %d); trying again in %.3f s", self.attempts, pause)
        policy.sleep(pause)
        return True

    def got_through(self) -> None:
        """The transaction holds what it needs (on SQLite: the write lock)."""
        waited = self._policy.clock() - self._started
        self._stats.max_wait_s = max(self._stats.max_wait_s, waited)
