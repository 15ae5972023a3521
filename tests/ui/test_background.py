"""The background runner: work off the GUI thread, answers on it, errors as calm messages."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from sip_desk.domain.errors import NotFoundError
from sip_desk.ui.background import BackgroundOp, app_lane
from sip_desk.ui.i18n import Translations
from tests.ui.question_boxes import Questions, answer_next_question, press

T = TypeVar("T")


class Gate:
    """Holds work on the worker until the test opens it."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self._open = threading.Event()

    def wait(self) -> None:
        self.reached.set()
        assert self._open.wait(10), "the test never opened the gate"

    def open(self) -> None:
        self._open.set()

    def then(self, value: T) -> Callable[[], T]:
        """Work that waits for the gate, then returns ``value``."""

        def work() -> T:
            self.wait()
            return value

        return work


def _window(qtbot) -> QWidget:
    window = QWidget()
    window.setWindowTitle("parent")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_background_op_runs_the_work_on_another_thread_and_answers_on_the_gui_thread(
    qtbot,
) -> None:
    window = _window(qtbot)
    threads: dict[str, int] = {}

    def work() -> int:
        threads["work"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        threads["answer"] = threading.get_ident()
        threads["result"] = result

    assert BackgroundOp(window, work, done).run()

    qtbot.waitUntil(lambda: "answer" in threads)
    assert threads["result"] == 42
    assert threads["work"] != threading.get_ident()
    assert threads["answer"] == threading.get_ident()


def test_background_op_lets_the_user_type_while_the_work_runs(qtbot) -> None:
    window = _window(qtbot)
    field = QLineEdit(window)
    field.show()
    gate, results = Gate(), list[object]()
    BackgroundOp(window, gate.then("done"), results.append).run()
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)

    qtbot.keyClicks(field, "Åsa")  # the work is held on the worker meanwhile

    assert field.text() == "Åsa"
    assert results == []
    gate.open()
    qtbot.waitUntil(lambda: results == ["done"])


def test_background_op_with_the_same_key_does_not_start_twice(qtbot) -> None:
    window = _window(qtbot)
    gate, results = Gate(), list[object]()

    first = BackgroundOp(window, gate.then(1), results.append).single("k").run()
    second = BackgroundOp(window, lambda: 2, results.append).single("k").run()
    gate.open()
    qtbot.waitUntil(lambda: results == [1])
    third = BackgroundOp(window, lambda: 3, results.append).single("k").run()

    assert (first, second, third) == (True, False, True)
    qtbot.waitUntil(lambda: results == [1, 3])


def test_background_op_shows_a_domain_error_in_swedish(qtbot) -> None:
    window = _window(qtbot)
    translations = Translations()
    translations.install("sv")
    questions = Questions()
    try:

        def work() -> None:
            raise NotFoundError("plan", 7)

        answer_next_question(questions, press(Qt.Key.Key_Return))
        BackgroundOp(window, work, lambda _: None).titled("Spara").run()
        qtbot.waitUntil(lambda: len(questions.asked) == 1, timeout=5000)
    finally:
        translations.install("en")

    assert questions.asked == [NotFoundError("plan", 7).message("sv")]
    assert "Traceback" not in questions.asked[0]


def test_background_op_logs_an_unexpected_error_and_shows_one_calm_sentence(qtbot, caplog) -> None:
    window = _window(qtbot)
    questions = Questions()

    def work() -> None:
        raise ZeroDivisionError("division by zero")

    answer_next_question(questions, press(Qt.Key.Key_Return))
    with caplog.at_level(logging.ERROR, logger="sip_desk.ui.background"):
        BackgroundOp(window, work, lambda _: None).run()
        qtbot.waitUntil(lambda: len(questions.asked) == 1, timeout=5000)

    assert questions.asked[0].startswith("Something unexpected went wrong.")
    assert "ZeroDivisionError" not in questions.asked[0]
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_background_op_answers_nobody_when_its_window_was_closed_meanwhile(qtbot) -> None:
    window = _window(qtbot)
    gate, results, failures = Gate(), list[object](), list[Exception]()
    op = BackgroundOp(window, gate.then("late"), results.append)
    op.failure(failures.append).run()
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)

    window.close()
    gate.open()
    assert app_lane().wait(5000)
    qtbot.wait(50)  # the answer is posted; nobody may receive it

    assert results == [] and failures == []


def test_background_op_answers_nobody_when_its_parent_was_deleted_meanwhile(qtbot) -> None:
    window = _window(qtbot)
    child = QWidget(window)
    gate, results = Gate(), list[object]()
    BackgroundOp(child, gate.then("late"), results.append).run()
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)

    child.deleteLater()
    qtbot.waitUntil(lambda: not window.findChildren(QWidget))
    gate.open()
    assert app_lane().wait(5000)
    qtbot.wait(50)

    assert results == []


QUIT_WHILE_WORKING = """
import os, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sip_desk.ui.background import BackgroundOp
app = QApplication([])
window = QWidget()
BackgroundOp(window, lambda: time.sleep(0.5), lambda _result: None).run()
QTimer.singleShot(50, app.quit)
app.exec()
"""


@pytest.mark.slow
def test_quitting_while_work_runs_prints_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_WORKING],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0
    assert "Traceback" not in done.stderr and "Error calling" not in done.stderr, done.stderr
