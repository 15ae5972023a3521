"""Dialogs fit the screen and show their whole text, with large text too: the new-plan dialog's
identity-number message wraps and the dialog grows (it was cut); the settings dialog's
certificate text and check boxes; the print preview is in tests/ui/test_print_preview.py.

Opened from the main window by their keys (Ctrl+N, Ctrl+,) after Ctrl+Shift+L, as a user does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import set_large_text
from tests.ui.meeting_windows import main_window, own_settings
from tests.ui.question_boxes import act_in_next_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return own_settings(tmp_path)


@pytest.fixture
def window(
    qtbot, sqlite_services: Services, settings: AppSettings, tmp_path
) -> Iterator[MainWindow]:
    win = main_window(qtbot, sqlite_services, settings, tmp_path)
    # On the screen, as a user's window is (the helper's 1200 px is wider than the test screen).
    win.setGeometry(win.screen().availableGeometry().adjusted(20, 40, -20, -20))
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_L, CTRL_SHIFT)
    assert win.menus.large_text_action.isChecked()
    yield win
    set_large_text(False)  # while the window is still there (before pytest-qt closes it)


def shown_whole(label: QLabel) -> bool:
    """The label's text, wrapped at its width, fits its height (no line cut off)."""
    if label.wordWrap():
        return label.height() >= label.heightForWidth(label.width())
    shown = label.text().replace("&", "") if label.buddy() else label.text()  # a mnemonic
    need = label.fontMetrics().boundingRect(QRect(0, 0, 100_000, 1000), 0, shown)
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


def test_settings_show_the_certificate_text_and_its_error_whole(qtbot, window, tmp_path) -> None:
    seen: dict[str, Any] = {}
    not_a_certificate = tmp_path / "seal.p12"
    not_a_certificate.write_bytes(b"not a PKCS#12 file")

    def type_a_bad_certificate(dialog: SettingsDialog) -> None:
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
        hints = [label for label in dialog.findChildren(QLabel) if "certificate" in label.text()]
        seen["hints_whole"] = [shown_whole(label) for label in hints if label.isVisible()]
        dialog.seal_file.setFocus()
        qtbot.keyClicks(dialog.seal_file, str(not_a_certificate))
        qtbot.keyClick(dialog.seal_file, Qt.Key.Key_Return)  # Save: the certificate is checked
        qtbot.wait(50)
        seen.update(
            error=dialog.seal_error.text(), error_whole=shown_whole(dialog.seal_error),
            on_screen=on_screen(dialog), open=dialog.isVisible(),
        )  # fmt: skip
        dialog.done(QDialog.DialogCode.Rejected)

    opened = act_in_next_dialog(SettingsDialog, type_a_bad_certificate)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Comma, CTRL)

    assert opened and seen["open"]
    assert seen["hints_whole"] and all(seen["hints_whole"])
    assert "⚠" in str(seen["error"]) and seen["error_whole"], seen["error"]
    assert seen["on_screen"]


def test_check_boxes_grow_with_large_text_and_return_exactly(qtbot, window) -> None:
    def indicator(box: QCheckBox) -> QSize:
        option = QStyleOptionButton()
        box.initStyleOption(option)
        return (
            box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).size()
        )

    box = QCheckBox("Needs an interpreter", window)
    large = indicator(box)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, CTRL_SHIFT)  # large text off
    normal = indicator(box)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, CTRL_SHIFT)

    assert large.height() >= normal.height() * 1.3  # as the text beside it
    assert indicator(box) == normal


def test_the_reminder_banner_follows_large_text(qtbot, window) -> None:
    banner = window.banner
    banner.show_notice("2 follow-ups are due today.")
    qtbot.wait(20)

    def sizes() -> tuple[float, ...]:
        margins = banner.layout().contentsMargins()
        text = banner.text.font().pointSizeF()
        return (text, banner.height(), banner.dismiss.height(), margins.left(), margins.top())

    large = sizes()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.waitUntil(lambda: sizes()[3] < large[3])
    normal = sizes()

    assert large[0] == QApplication.font().pointSizeF() * 1.4
    assert all(a > b for a, b in zip(large, normal, strict=True))
    assert banner.text.height() >= banner.text.heightForWidth(banner.text.width())
