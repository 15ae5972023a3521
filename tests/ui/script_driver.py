"""A script for a child process that drives the real app as a user does, step by step.

The script is a generator. It yields :func:`until` (wait for a condition; the value that made it
true is sent back) or :func:`later` (do something from the event loop). Actions that open a
modal dialog (its own event loop) must be done ``later``: the script waits for the dialog while
the action's key press is still being handled. A step that waits too long writes where it was
stuck to standard error and ends the process with exit code 3.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

TICK_MS = 20
STUCK_AFTER_S = 20.0
STUCK_EXIT = 3
FAILED_EXIT = 4


@dataclass
class Until:
    what: str
    condition: Callable[[], Any]
    timeout: float = STUCK_AFTER_S
    soft: bool = False  # on timeout go on (``None`` sent back) instead of being stuck


@dataclass
class Later:
    action: Callable[[], object]


Step = Until | Later
Script = Generator[Step, Any, Any]


def until(what: str, condition: Callable[[], Any], timeout: float = STUCK_AFTER_S) -> Until:
    return Until(what, condition, timeout)


def for_a_while(what: str, condition: Callable[[], Any], timeout: float) -> Until:
    """Wait up to ``timeout`` seconds for ``condition``; then go on either way."""
    return Until(what, condition, timeout, soft=True)


def later(action: Callable[[], object]) -> Later:
    return Later(action)


def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def active_window() -> QWidget | None:
    """The active window; with none (offscreen, a closed progress box does not hand activation
    back as a window manager does) the modal dialog, else the main window, is activated and
    ``None`` returned, to be asked again on the next tick."""
    found = QApplication.activeWindow()
    if found is None:
        window = QApplication.activeModalWidget() or top_level(QMainWindow)
        if window is not None:
            window.activateWindow()
    return found


def target() -> QWidget | None:
    """Where a key press goes: the focus widget, else the active window."""
    return QApplication.focusWidget() or QApplication.activeWindow()


def keys(sequence: str | Qt.Key, widget: QWidget | None = None) -> Script:
    """Steps: wait for an active window, then press ``sequence`` (see :func:`press`)."""
    if widget is None:
        yield until("an active window", active_window)
    yield later(lambda: press(sequence, widget))


def press(keys: str | Qt.Key, widget: QWidget | None = None) -> None:
    """Press ``keys`` ("Ctrl+Shift+K", or one key) in ``widget`` (default: :func:`target`)."""
    receiver = widget or target()
    assert receiver is not None, "no window to press keys in"
    if isinstance(keys, Qt.Key):
        QTest.keyClick(receiver, keys)
        return
    *held, name = keys.split("+") if keys != "+" else ["+"]
    modifiers = Qt.KeyboardModifier.NoModifier
    for modifier in held:
        modifiers |= _MODIFIERS[modifier]
    QTest.keyClick(receiver, _KEYS.get(name) or getattr(Qt.Key, f"Key_{name}"), modifiers)


_MODIFIERS = {
    "Ctrl": Qt.KeyboardModifier.ControlModifier,
    "Shift": Qt.KeyboardModifier.ShiftModifier,
    "Alt": Qt.KeyboardModifier.AltModifier,
}
_KEYS = {",": Qt.Key.Key_Comma, "Del": Qt.Key.Key_Delete}


def modal(kind: type[QObject], name: str = "") -> Any:
    """The visible modal dialog of type ``kind`` (and object name ``name``), or ``None``."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, kind) and dialog.isVisible() and name in ("", dialog.objectName()):
        return dialog
    return None


def top_level(kind: type[QObject]) -> Any:
    """A visible top-level window of type ``kind``, or ``None``."""
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def gone(widget: QWidget) -> bool:
    """``widget`` is closed (hidden, or deleted as dialogs are on closing)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()


class ScriptDriver(QObject):
    """Runs a :data:`Script` from a timer, so it goes on inside modal dialogs' event loops."""

    def __init__(self, script: Script, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._script = script
        self._waiting: Until | None = None
        self._since = time.monotonic()
        self._stepping = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)

    def _tick(self) -> None:
        if self._stepping:
            return
        value: Any = None
        if self._waiting is not None:
            try:
                value = self._waiting.condition()
            except Exception:
                self._failed()
            if not value:
                if time.monotonic() - self._since <= self._waiting.timeout:
                    return
                if not self._waiting.soft:
                    self._stuck(self._waiting.what)
        self._stepping = True
        try:
            self._advance(value)
        finally:
            self._stepping = False

    def _advance(self, value: Any) -> None:
        while True:
            try:
                step = self._script.send(value)
            except StopIteration:
                self._timer.stop()
                self._waiting = None
                return
            except Exception:
                self._failed()
            if isinstance(step, Later):
                QTimer.singleShot(0, step.action)
                value = None
                continue
            self._waiting, self._since = step, time.monotonic()
            return

    def _failed(self) -> None:
        """The script found something wrong: say what, end at once."""
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(FAILED_EXIT)

    def _stuck(self, what: str) -> None:
        modal_now = QApplication.activeModalWidget()
        shown = modal_now.windowTitle() if modal_now is not None else "none"
        text = getattr(modal_now, "text", None)
        detail = text() if callable(text) else ""
        sys.stderr.write(f"STUCK waiting for: {what} (modal dialog: {shown} {detail})\n")
        sys.stderr.flush()
        os._exit(STUCK_EXIT)
