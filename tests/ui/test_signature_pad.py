from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from sip_desk.ui.widgets.signature_pad import PNG_HEIGHT, SignaturePad


def _draw(qtbot, pad: SignaturePad) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 80))
    QTest.mouseMove(pad, QPoint(120, 30))
    QTest.mouseMove(pad, QPoint(220, 90))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 40))


def _pad(qtbot) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 140)
    pad.show()
    return pad


def test_signature_pad_starts_empty_and_exports_nothing(qtbot) -> None:
    pad = _pad(qtbot)

    assert pad.is_empty() and pad.to_png() == b""


def test_signature_pad_draws_with_the_mouse_and_exports_png(qtbot) -> None:
    pad = _pad(qtbot)

    with qtbot.waitSignal(pad.signature_changed):
        _draw(qtbot, pad)

    data = pad.to_png()
    image = QImage.fromData(data)
    inked = [x for x in range(image.width()) if image.pixelColor(x, image.height() // 2).alpha()]
    assert not pad.is_empty() and inked  # the stroke crosses the middle of the image
    assert image.height() == PNG_HEIGHT and image.hasAlphaChannel()
    assert image.pixelColor(image.width() // 2, 5).alpha() == 0  # transparent background


def test_signature_pad_clears_with_delete_key(qtbot) -> None:
    pad = _pad(qtbot)
    _draw(qtbot, pad)
    pad.setFocus()

    QTest.keyClick(pad, Qt.Key.Key_Delete)

    assert pad.is_empty()


def test_signature_pad_draws_with_touch(qtbot) -> None:
    from PySide6.QtGui import QPointingDevice

    pad = _pad(qtbot)
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)

    QTest.touchEvent(pad, device).press(0, QPoint(30, 60)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(150, 80)).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(160, 90)).commit()

    assert not pad.is_empty()


def test_signature_pad_is_accessible(qtbot) -> None:
    pad = _pad(qtbot)

    assert pad.accessibleName() and "Delete" in pad.accessibleDescription()
    assert pad.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_stray_delete_is_taken_back_with_ctrl_z(qtbot) -> None:
    pad = _pad(qtbot)
    _draw(qtbot, pad)
    drawn = pad.to_png()
    pad.setFocus()

    QTest.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.is_empty()
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert pad.to_png() == drawn


def test_ctrl_z_takes_back_the_last_stroke_only(qtbot) -> None:
    pad = _pad(qtbot)
    _draw(qtbot, pad)
    first = pad.to_png()
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 100))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(90, 110))
    assert pad.to_png() not in (first, b"")  # the second stroke shows
    pad.setFocus()

    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.to_png() == first
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.is_empty()
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing more
    assert pad.is_empty()


def test_a_click_or_a_dot_is_no_signature_and_the_hint_stays(qtbot) -> None:
    pad = _pad(qtbot)
    blank = pad.grab().toImage()

    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(200, 70))
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(200, 0))  # the top edge
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(100, 60))
    QTest.mouseMove(pad, QPoint(103, 62))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(104, 61))

    assert pad.is_empty() and pad.to_png() == b""
    hint = blank.copy(10, 40, 80, 70)  # "Sign here" still shown where it was
    assert pad.grab().toImage().copy(10, 40, 80, 70) == hint


def test_a_real_stroke_counts_at_any_pad_size(qtbot) -> None:
    pad = _pad(qtbot)
    pad.resize(800, 280)  # large text / zoom: the same gesture scaled up

    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 160))
    QTest.mouseMove(pad, QPoint(240, 60))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(440, 180))

    assert not pad.is_empty()
