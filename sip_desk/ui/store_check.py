"""The whole store file checked for damage on a worker thread, after the window is in use.

Opening a store checks it only for a moment (enough for a store of about a thousand plans);
this finishes the job for a larger one without making the user wait.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from sip_desk.ui.background import BackgroundOp, Lane

if TYPE_CHECKING:
    from sip_desk.domain.errors import StoreError
    from sip_desk.services.store_checks import StoreHealthService

log = logging.getLogger(__name__)


class StoreCheck(QObject):
    """Runs the whole-file check once."""

    damaged = Signal(object)  # with the StoreError to show

    def __init__(self, health: StoreHealthService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.health = health
        self._lane = Lane(self)

    @classmethod
    def start(cls, health: StoreHealthService, parent: QObject | None = None) -> StoreCheck:
        """Start checking; ``damaged`` follows if the store is damaged."""
        check = cls(health, parent)
        op = BackgroundOp(check, health.check_whole_store, check._checked).in_lane(check._lane)
        # An unfinished check finds nothing.
        op.failure(lambda error: log.warning("the store check failed: %s", error)).run()
        return check

    def _checked(self, problem: StoreError | None) -> None:
        if problem is not None:
            self.damaged.emit(problem)

    def stop(self, wait_ms: int = 5000) -> bool:
        """Interrupt a running check and wait for the worker; ``True`` when it has ended."""
        self.health.stop()
        return self._lane.wait(wait_ms)
