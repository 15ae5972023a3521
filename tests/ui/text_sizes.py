"""Measuring text sizes in GUI tests."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget


def small_text(top: QWidget) -> list[str]:
    """Widgets of ``top`` (shown or not) whose text is smaller than the application's."""
    size = QApplication.font().pointSizeF()
    return [
        f"{type(w).__name__} {w.objectName()} {w.font().pointSizeF()}"
        for w in [top, *top.findChildren(QWidget)]
        if w.font().pointSizeF() < size - 0.01
    ]
