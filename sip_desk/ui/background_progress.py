"""The progress window of long background work: busy, or "n of N" as the work reports it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

POLL_MS = 100


class Progress:
    """How far long work has come; ``report`` may be called from the worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done, self._total = 0, 0

    def report(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total

    def value(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total


class ProgressWindow:
    """A small window beside ``parent`` that neither blocks it nor takes the keyboard."""

    def __init__(
        self, parent: QWidget | None, title: str, label: str, progress: Progress | None
    ) -> None:
        self._label = label
        self._progress = progress
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setObjectName("backgroundProgress")
        dialog.setWindowTitle(title or label)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        dialog.setMinimumDuration(0)
        self.dialog = dialog
        if progress is not None:
            timer = QTimer(dialog)
            timer.timeout.connect(self._update)
            timer.start(POLL_MS)
        dialog.show()

    def _update(self) -> None:
        if self._progress is None:
            return
        done, total = self._progress.value()
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)
            count = (
                QCoreApplication.translate("BackgroundOp", "%1 of %2")
                .replace("%1", thousands(done))
                .replace("%2", thousands(total))
            )
            self.dialog.setLabelText(f"{self._label}\n{count}")

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


def thousands(value: int) -> str:
    """Thousands separated by a space, as in Swedish (10 000)."""
    return f"{value:,}".replace(",", "\N{NO-BREAK SPACE}")
