"""When typed text is saved: at most ``SAVE_MS`` after the first unsaved change, and on demand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

SAVE_MS = 500
"""Typed text is stored at most this long after the first keystroke not yet saved."""


class SaveTimer(QObject):
    """Calls ``save`` at most ``interval`` ms after the first unsaved change.

    A throttle, not a debounce: steady typing does not postpone the save, because later
    keystrokes do not restart a running timer. The keystroke after a save starts the timer
    again, so the last edit is saved no later than ``interval`` ms after it was typed.

    ``settled``, when given, is called once the typist has paused for ``interval`` ms (a
    debounce): the moment to show what a save made while still typing had to refuse.
    """

    def __init__(
        self,
        save: Callable[[], None],
        parent: QObject | None = None,
        interval: int = SAVE_MS,
        settled: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self, singleShot=True, interval=interval)
        self._timer.timeout.connect(self._save)
        self._pause = QTimer(self, singleShot=True, interval=interval)
        if settled is not None:
            self._pause.timeout.connect(settled)

    def changed(self) -> None:
        """Something unsaved was typed: make sure a save is on its way."""
        if not self._timer.isActive():
            self._timer.start()
        self._pause.start()

    def stop(self) -> None:
        """Nothing is pending any more (saved another way, or discarded)."""
        self._timer.stop()
        self._pause.stop()

    @property
    def pending(self) -> bool:
        """True while a save is scheduled."""
        return self._timer.isActive()

    @property
    def typing(self) -> bool:
        """True while the last change is less than ``interval`` ms old."""
        return self._pause.isActive()
