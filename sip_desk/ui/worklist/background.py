"""Read-only worklist calls on the app's background runner, answered with the ticket they
were asked with, so the receiver can drop an answer to a question that is no longer asked.

The calls use only a service's read path: each service method opens its own short read
transaction (its own Session and connection), and SQLite in WAL mode lets that reader run
beside the GUI thread's (see :mod:`sip_desk.ui.background`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.ui.background import BackgroundOp, Lane


class BackgroundReader(QObject):
    """Runs read-only calls in a lane of its own; answers arrive on the GUI thread.

    Signals:
        finished: ``(ticket, result)`` of a call that returned.
        failed: ``(ticket, DomainError)`` of a call that raised (an unexpected error is logged
            and reported as ``store.failed``).
    """

    # object: the call's result (a DTO or a list of DTOs) or the DomainError it raised.
    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane(self)

    def submit(self, ticket: int, call: Callable[[], object]) -> None:
        """Run ``call`` on the worker; its answer is posted with ``ticket``."""
        op = BackgroundOp(self, call, lambda result: self.finished.emit(ticket, result))
        op.in_lane(self._lane).failure(lambda error: self.failed.emit(ticket, _reported(error)))
        op.run()

    def drop_queued(self) -> None:
        """Forget calls not yet started (a newer question replaces them)."""
        self._lane.drop_queued()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every submitted call has finished (tests, shutdown)."""
        return self._lane.wait(msecs)


def _reported(error: Exception) -> DomainError:
    if isinstance(error, DomainError):
        return error
    return StoreError("store.failed", detail=str(error))
