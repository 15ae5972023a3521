"""Run a read-only service call on a worker thread and post its result back to the GUI thread.

The call must use only a service's read path: each service method opens its own short read
transaction (its own Session and connection), and SQLite in WAL mode lets that reader run
beside the GUI thread's. Results carry the ticket they were asked with, so the receiver can
drop an answer to a question that is no longer asked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sip_desk.domain.errors import DomainError, StoreError

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; a worker's emit reaches the slots as a queued call."""

    # object: the call's result (a DTO or a list of DTOs) or the DomainError it raised.
    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, ticket: int, call: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._ticket = ticket
        self._call = call
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._call()
        except DomainError as error:
            self._relay.failed.emit(self._ticket, error)
            return
        except Exception as error:  # a worker has no caller to raise to
            log.exception("background read failed")
            self._relay.failed.emit(self._ticket, StoreError("store.failed", detail=str(error)))
            return
        self._relay.finished.emit(self._ticket, result)


class BackgroundReader(QObject):
    """A small worker pool for read-only calls; ``finished``/``failed`` arrive on the GUI thread.

    Attributes:
        finished: ``(ticket, result)`` of a call that returned.
        failed: ``(ticket, DomainError)`` of a call that raised.
    """

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay()
        self.finished = self._relay.finished
        self.failed = self._relay.failed

    def submit(self, ticket: int, call: Callable[[], object]) -> None:
        """Run ``call`` on a worker; its answer is posted with ``ticket``."""
        self._pool.start(_Job(ticket, call, self._relay))

    def drop_queued(self) -> None:
        """Forget calls not yet started (a newer question replaces them)."""
        self._pool.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every submitted call has finished (tests, shutdown)."""
        return self._pool.waitForDone(msecs)
