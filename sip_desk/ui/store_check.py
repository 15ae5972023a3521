"""The whole store file checked for damage on a worker thread, after the window is in use.

Opening a store checks it only for a moment (enough for a store of about a thousand plans);
this finishes the job for a larger one without making the user wait. An intact store then gets
its daily backup on the same worker (the first start of a day; old backups are rotated).
A backup that cannot be made is reported by ``backup_failed``; the work goes on.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from sip_desk.domain.errors import DomainError
from sip_desk.ui.background import BackgroundOp, Lane

if TYPE_CHECKING:
    from sip_desk.domain.errors import StoreError
    from sip_desk.services.store_checks import StoreHealthService

log = logging.getLogger(__name__)


class StoreCheck(QObject):
    """Runs the whole-file check once, then the day's backup if the store is intact."""

    damaged = Signal(object)  # with the StoreError to show
    backup_failed = Signal(object)  # with the DomainError saying why the day's backup is missing

    def __init__(self, health: StoreHealthService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.health = health
        self._lane = Lane(self)

    @classmethod
    def start(cls, health: StoreHealthService, parent: QObject | None = None) -> StoreCheck:
        """Start checking; ``damaged`` follows if the store is damaged, ``backup_failed`` if
        the day's backup cannot be made."""
        check = cls(health, parent)
        op = BackgroundOp(check, check._check_and_back_up, check._checked).in_lane(check._lane)
        # An unfinished check finds nothing.
        op.failure(lambda error: log.warning("the store check failed: %s", error)).run()
        return check

    def _check_and_back_up(self) -> tuple[StoreError | None, DomainError | None]:
        """On the worker: the whole-file check; a good store is then backed up (once a day).

        Returns the damage found, and why the backup could not be made.
        """
        problem = self.health.check_whole_store()
        if problem is not None:
            return problem, None
        try:
            copied = self.health.daily_backup()
        except DomainError as refused:
            return None, refused
        if copied is not None:
            log.info("daily backup %s (%.2f s)", copied.path, copied.seconds)
        return None, None

    def _checked(self, found: tuple[StoreError | None, DomainError | None]) -> None:
        problem, refused = found
        if problem is not None:
            self.damaged.emit(problem)
        if refused is not None:
            self.backup_failed.emit(refused)

    def stop(self, wait_ms: int = 5000) -> bool:
        """Interrupt a running check and wait for the worker; ``True`` when it has ended."""
        self.health.stop()
        return self._lane.wait(wait_ms)
