"""Read-only worklist calls on a worker, answered with the ticket they were asked with, so the
receiver can drop an answer to a question no longer asked (see :mod:`sip_desk.ui.background`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.ui.background import BackgroundOp, Lane


class BackgroundReader(QObject):
    """Runs read-only calls in a lane of its own; answers arrive on the GUI thread."""

    finished = Signal(int, object)  # ticket, result
    failed = Signal(int, object)  # ticket, DomainError (an unexpected error is store.failed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = Lane(self)

    def submit(self, ticket: int, call: Callable[[], object]) -> None:
        """Run ``call`` on the worker; its answer is posted with ``ticket``."""
        op = BackgroundOp(self, call, lambda result: self.finished.emit(ticket, result))
        op.in_lane(self._lane).failure(lambda error: self.failed.emit(ticket, _reported(error)))
        op.run()

    def drop_queued(self) -> None:
        self._lane.drop_queued()  # a newer question replaces them

    def wait(self, msecs: int = -1) -> bool:
        return self._lane.wait(msecs)


def _reported(error: Exception) -> DomainError:
    if isinstance(error, DomainError):
        return error
    return StoreError("store.failed", detail=str(error))
