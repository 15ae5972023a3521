"""Steps of the app's scripts (see :mod:`tests.ui.script_driver`): find a plan, open its editor,
answer a dialog by a key, type a file name into the file dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit

from tests.ui.script_driver import (
    Script,
    for_a_while,
    gone,
    keys,
    later,
    modal,
    say,
    top_level,
    until,
)


def main_window() -> Any:
    from sip_desk.ui.main_window import MainWindow

    return top_level(MainWindow)


def closes(kind: type, key: str | Qt.Key = Qt.Key.Key_Escape, name: str = "") -> Script:
    """Wait for the modal ``kind``, press ``key`` in it, wait until it is gone."""
    what = f"{kind.__name__} {name}".strip()
    dialog = yield until(what, lambda: modal(kind, name))
    yield from keys(key)
    yield from closed(what, dialog)


def closed(what: str, widget: Any) -> Script:
    """Wait until ``widget`` is closed; say so on standard output."""
    yield until(f"{what} closed", lambda: gone(widget))
    say("closed", what)


def dialog_by_key(sequence: str, kind: type, name: str = "") -> Script:
    yield from keys(sequence)
    yield from closes(kind, name=name)


def type_file_name(name: str) -> Script:
    """In the open file dialog: type ``name``, then Enter until the dialog is gone."""
    dialog = yield until("file dialog", lambda: modal(QFileDialog))
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    yield later(lambda: (field.selectAll(), QTest.keyClicks(field, name)))
    while not gone(dialog):  # the first Enter may only take the completer's choice
        yield from keys(Qt.Key.Key_Return, field)
        yield for_a_while("file dialog answered", lambda: gone(dialog), 1.0)
    say("closed", "QFileDialog", name)


def find_plan(name: str) -> Script:
    """Ctrl+F, type the first name (ASCII: QTest types no other keys), Down into the list."""
    window = main_window()
    yield from keys("Ctrl+F")
    search = window.plan_list.view.search
    yield until("search box", search.hasFocus)
    yield from keys("Ctrl+A", search)
    yield later(lambda: QTest.keyClicks(search, name.split(maxsplit=1)[0]))
    yield until(f"only {name} listed", lambda: window.plan_list.model.rowCount() == 1)
    yield from keys(Qt.Key.Key_Down)
    yield until(
        f"{name} selected",
        lambda: (plan := window.plan_list.current_plan()) and plan.person_name == name,
    )


def open_editor(name: str) -> Script:
    """Select the plan of ``name`` and press Enter; the step's value is its editor."""
    yield from find_plan(name)
    yield from keys(Qt.Key.Key_Return)
    editor = yield until("editor", lambda: _editor(main_window().tabs.currentWidget()))
    return editor


def _editor(widget: Any) -> Any:
    from sip_desk.ui.editor.plan_editor import PlanEditor

    return widget if isinstance(widget, PlanEditor) else None


def tabs() -> list[Any]:
    """The main window's tabs: plan list, worklist, plans open."""
    widget = main_window().tabs
    return [widget.widget(i) for i in range(widget.count())]


def mnemonic(text: str) -> str:
    """The letter after "&" in a menu title or button text."""
    return text[text.index("&") + 1].upper()
