"""The whole store file checked for damage on a worker thread, after the window is in use.

Opening a store checks it only for a moment (enough for a store of about a thousand plans);
this finishes the job for a larger one without making the user wait.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from sip_desk.services.store_checks import StoreHealthService

log = logging.getLogger(__name__)


class _Job(QRunnable):
    def __init__(self, check: StoreCheck) -> None:
        super().__init__()
        self._check = check

    def run(self) -> None:
        try:
            problem = self._check.health.check_whole_store()
        except Exception:  # a worker has no caller to raise to; an unfinished check finds nothing
            log.exception("the background check of the store failed")
            return
        if problem is not None:
            self._check.damaged.emit(problem)


class StoreCheck(QObject):
    """Runs the whole-file check once."""

    damaged = Signal(object)  # on the GUI thread, with the StoreError to show

    def __init__(self, health: StoreHealthService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.health = health
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    @classmethod
    def start(cls, health: StoreHealthService, parent: QObject | None = None) -> StoreCheck:
        """Start checking; ``damaged`` follows if the store is damaged."""
        check = cls(health, parent)
        check._pool.start(_Job(check))
        return check

    def stop(self, wait_ms: int = 5000) -> bool:
        """Interrupt a running check and wait for the worker; ``True`` when it has ended."""
        self.health.stop()
        return self._pool.waitForDone(wait_ms)
