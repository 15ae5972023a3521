"""Answering the question boxes of :mod:`sip_desk.ui.prompts` the way a user does: by keys or
a click in the real box, which is modal (its own event loop), so the answer is scheduled."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

POLL_MS = 10
GIVE_UP_AFTER = 1000  # polls: ten seconds at least (a first import loads its checker on a worker)


D = TypeVar("D", bound=QDialog)
_test_round = [0]
"""Raised when a test ends: an answer its test never used must not answer the next test's box."""


def forget_unused_answers() -> None:
    """End every answer still waiting for its box (called when each test ends)."""
    _test_round[0] += 1


@contextmanager
def showing(qtbot) -> Iterator[Callable[[D], D]]:
    """Show dialogs as the app does; afterwards close them with ``done`` (which never asks).

    Not ``qtbot.addWidget``: pytest-qt closes its widgets with ``close()``, and a dialog still
    holding typed text would then ask, in a box nobody answers.
    """
    dialogs: list[QDialog] = []

    def show(dialog: D) -> D:
        dialogs.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        return dialog

    try:
        yield show
    finally:
        for dialog in dialogs:
            dialog.done(QDialog.DialogCode.Rejected)
            dialog.deleteLater()


@dataclass
class Questions:
    """The questions asked so far (their texts), in order."""

    asked: list[str] = field(default_factory=list)


def answer_next_question(questions: Questions, answer: Callable[[QMessageBox], None]) -> None:
    """When the next question box opens, record its text and let ``answer`` act in it."""

    def record_and_answer(box: QMessageBox) -> None:
        questions.asked.append(box.text())
        answer(box)

    act_in_next_dialog(QMessageBox, record_and_answer)


def press(*keys: Qt.Key) -> Callable[[QMessageBox], None]:
    """An answer: press ``keys`` in the box (Escape, Enter…)."""

    def act(box: QMessageBox) -> None:
        for key in keys:
            QTest.keyClick(box, key)

    return act


def click(object_name: str) -> Callable[[QMessageBox], None]:
    """An answer: click the box's button named ``object_name`` (e.g. "discardButton")."""

    def act(box: QMessageBox) -> None:
        button = box.findChild(QPushButton, object_name)
        assert button is not None, f"no button {object_name} in the question"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


def act_in_next_dialog(kind: type[D], act: Callable[[D], None]) -> list[D]:
    """When a modal dialog of ``kind`` opens (it runs its own event loop), let ``act`` work in it.

    Returns the list the dialog is put in once it has opened, so a test can see that it did.
    """
    seen: list[D] = []
    polls = 0
    round_ = _test_round[0]

    def look() -> None:
        nonlocal polls
        if round_ != _test_round[0]:
            return  # its test has ended
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            polls += 1
            if polls < GIVE_UP_AFTER:
                QTimer.singleShot(POLL_MS, look)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, look)
    return seen
