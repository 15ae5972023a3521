"""The one runner for work that would stall the window (like Anki's ``QueryOp``).

``BackgroundOp(parent, work, success).run()`` runs ``work`` on a worker thread, then calls
``success(result)`` or the failure handler on the GUI thread; neither runs when ``parent`` is
deleted or its window closed meanwhile. A ``DomainError`` is shown as its message; anything
else is logged with its traceback and shown as one calm sentence.

Work on a worker uses only the services, each call with its own session and pooled connection
(WAL lets a worker's reader run beside the GUI thread's). Every op runs in a :class:`Lane`, one
at a time and in order; the default lane is shared by the whole app, so two writes or two PDF
renders (reportlab keeps module state) never run at once.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable, Hashable
from functools import cache
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui import prompts
from sip_desk.ui.background_progress import Progress, ProgressWindow

log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_DELAY_MS = 400
"""Work shorter than this shows no progress window at all."""
__all__ = ["BackgroundOp", "Lane", "Progress", "app_lane", "error_text", "show_error"]


class Lane(QObject):
    """A worker thread that runs ops one at a time, in the order they were started."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._queued: list[_Job] = []

    def start(self, job: _Job) -> None:
        self._queued = [queued for queued in self._queued if not queued.started]
        self._queued.append(job)
        self._pool.start(job)

    def drop_queued(self) -> None:
        """Forget ops not yet started (their callbacks never run)."""
        self._pool.clear()
        for job in self._queued:
            if not job.started:
                job.dropped()
        self._queued.clear()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every started op has finished (tests, shutdown)."""
        return self._pool.waitForDone(msecs)


def app_lane() -> Lane:
    """The lane shared by the whole app, made on first use and owned by the application."""
    app = QCoreApplication.instance()
    lane = app.findChild(Lane, "appLane") if app is not None else None
    if lane is None:
        lane = Lane(app)
        lane.setObjectName("appLane")
    return lane


class _Relay(QObject):
    """Lives on the GUI thread; the worker's emit reaches :meth:`_deliver` as a queued call."""

    done = Signal(bool, object)

    def __init__(self, finish: Callable[[bool, object], None]) -> None:
        super().__init__()
        self._finish = finish
        self.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, ok: bool, value: object) -> None:
        self._finish(ok, value)


class _SwitchInterval:
    """While work runs on a worker, Python hands the GIL over more often: each slot, event
    filter or delegate call of a repaint waits up to 5 ms for a busy worker's GIL by default."""

    WHILE_WORKING_S = 0.001

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = 0
        self._normal = sys.getswitchinterval()

    def __enter__(self) -> None:
        with self._lock:
            if self._busy == 0:
                self._normal = sys.getswitchinterval()
                sys.setswitchinterval(min(self._normal, self.WHILE_WORKING_S))
            self._busy += 1

    def __exit__(self, *_exc: object) -> None:
        with self._lock:
            self._busy -= 1
            if self._busy == 0:
                sys.setswitchinterval(self._normal)


_switching = _SwitchInterval()


@cache
def _freeze_startup_objects() -> None:
    """Leave what start-up built (modules, the window) out of later garbage collections.

    A full collection holds the GIL for 50–150 ms in a running app, so a worker's collection
    stalls the window. Done once, before the first op (cyclic garbage then alive is kept).
    """
    gc.freeze()


class _Job(QRunnable):
    def __init__(
        self,
        work: Callable[[], object],
        relay: _Relay,
        dropped: Callable[[], None],
        forget: Callable[[], None],
    ) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self.dropped = dropped
        self._forget = forget
        self.started = False

    def run(self) -> None:
        self.started = True
        try:
            with _switching:
                result = self._work()
        except Exception as error:  # a worker has no caller to raise to: the GUI gets it
            self._deliver(False, error)
            return
        self._deliver(True, result)

    def _deliver(self, ok: bool, value: object) -> None:
        try:
            self._relay.done.emit(ok, value)
        except RuntimeError:  # the relay went with its window (or the app quit): nobody waits
            log.debug("background result dropped: its window is gone")
            self._forget()  # or a later op with the same key would never start


class BackgroundOp(Generic[T]):
    """One piece of work off the GUI thread (``work`` must not touch widgets), with its
    callbacks on the GUI thread for ``parent``."""

    _running: ClassVar[set[Hashable]] = set()
    _live: ClassVar[set[Any]] = set()  # ops started and not finished: kept alive till then

    def __init__(
        self, parent: QObject, work: Callable[[], T], success: Callable[[T], None]
    ) -> None:
        self._parent = parent
        self._work = work
        self._success = success
        self._failure: Callable[[Exception], None] | None = None
        self._title = ""
        self._key: Hashable | None = None
        self._lane: Lane | None = None
        self._label: str | None = None
        self._progress: Progress | None = None
        self._dialog: ProgressWindow | None = None
        self._window_shown = False
        self._relay: _Relay | None = None

    def failure(self, on_failure: Callable[[Exception], None]) -> BackgroundOp[T]:
        """Handle errors here instead of the default warning box."""
        self._failure = on_failure
        return self

    def titled(self, title: str) -> BackgroundOp[T]:
        """The title of the default warning box (the command's name)."""
        self._title = title
        return self

    def single(self, key: Hashable) -> BackgroundOp[T]:
        """Refuse to start while another op with ``key`` runs (a second Ctrl+P, say)."""
        self._key = key
        return self

    def in_lane(self, lane: Lane) -> BackgroundOp[T]:
        """Run in ``lane`` instead of the app's shared one."""
        self._lane = lane
        return self

    def with_progress(self, label: str, progress: Progress | None = None) -> BackgroundOp[T]:
        """Show a small progress window when the work lasts; counts from ``progress``."""
        self._label = label
        self._progress = progress
        return self

    def run(self) -> bool:
        """Start the work; ``False`` (nothing started) while an op with the same key runs."""
        if self._key is not None:
            if self._key in self._running:
                return False
            self._running.add(self._key)
        _freeze_startup_objects()
        window = self._parent.window() if isinstance(self._parent, QWidget) else None
        self._window_shown = window is not None and window.isVisible()
        self._live.add(self)
        relay = _Relay(self._finish)
        self._relay = relay
        if self._label is not None:
            QTimer.singleShot(PROGRESS_DELAY_MS, self._show_progress)
        (self._lane or app_lane()).start(_Job(self._work, relay, self._release, self._forget))
        return True

    def _forget(self) -> None:
        """No longer running: its key is free again (safe from any thread)."""
        self._live.discard(self)
        if self._key is not None:
            self._running.discard(self._key)

    def _release(self) -> None:
        """The op has ended (or was dropped before it started): forget it, close its window."""
        self._forget()
        self._label = None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog = None

    def _finish(self, ok: bool, value: object) -> None:
        self._release()
        if not ok and not isinstance(value, DomainError):
            error = value if isinstance(value, BaseException) else None
            log.error("background work failed", exc_info=error)
        if not self._parent_alive():
            log.info("background result dropped: its window was closed")
            return
        if ok:
            self._success(value)  # type: ignore[arg-type]
        elif self._failure is not None:
            self._failure(value)  # type: ignore[arg-type]
        else:
            show_error(self._parent, self._title, value)  # type: ignore[arg-type]

    def _parent_alive(self) -> bool:
        if not shiboken6.isValid(self._parent):
            return False
        if isinstance(self._parent, QWidget):
            return not self._window_shown or self._parent.window().isVisible()
        return True

    def _show_progress(self) -> None:
        if self._label is None or not self._parent_alive():
            return  # finished already, or nobody to show it to
        parent = self._parent.window() if isinstance(self._parent, QWidget) else None
        self._dialog = ProgressWindow(parent, self._title, self._label, self._progress)


def error_text(error: BaseException, lang: str) -> str:
    """What the user reads about ``error``: its message, or one calm sentence."""
    if isinstance(error, DomainError):
        return error.message(lang)
    # The sentence the app shows for any unexpected error (its translation is shared).
    return QCoreApplication.translate(
        "DesktopApp",
        "Something unexpected went wrong. What you have saved is safe; the last change"
        " may not have been saved. Please check it, and tell your support contact if"
        " it happens again.",
    )


def show_error(parent: QObject, title: str, error: BaseException) -> None:
    """The default failure handler: a warning box in the UI's language."""
    from sip_desk.ui.editor.session import ui_lang

    widget = parent if isinstance(parent, QWidget) else None
    details = "" if isinstance(error, DomainError) else f"{type(error).__name__}: {error}"
    title = title or QCoreApplication.translate("DesktopApp", "SIP Desk")
    prompts.warn(widget, title, error_text(error, ui_lang()), details=details)
