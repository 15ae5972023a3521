"""The mouse wheel scrolls the page; it never changes a drop-down, number or date it passes over.

Qt lets a wheel turned over a combo box or spin box change its value, focused or not. In the
plan editor that saved a new value at once ("Achieved" for a goal not yet evaluated) while the
user only meant to scroll the page. A field the user is in (it has the keyboard focus) keeps the
wheel; over any other the wheel scrolls the page around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """An application-wide event filter (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            # Qt gives a WheelFocus widget the focus *before* it delivers a real wheel event,
            # so "not focused" would never hold: the wheel does not give focus here at all.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        field = watched if isinstance(watched, _GUARDED) else watched.parentWidget()
        if not isinstance(field, _GUARDED) or field.hasFocus():
            return False
        assert isinstance(event, QWheelEvent)
        _scroll_page(field, event)
        return True  # the field never sees it


def _scroll_page(field: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the scroll area the field sits in (the editor's page)."""
    area = field.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return
    viewport = area.viewport()
    at = viewport.mapFrom(field, event.position().toPoint())
    page = QWheelEvent(
        QPointF(at),
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QApplication.sendEvent(viewport, page)


def guard_wheel() -> None:
    """Install the guard once for the application (the main window and each editor ask)."""
    app = QApplication.instance()
    if app is None or app.property("sipDeskWheelGuard"):
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.setProperty("sipDeskWheelGuard", True)
