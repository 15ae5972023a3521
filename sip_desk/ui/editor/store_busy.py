"""Another program holds the store: say so at once, keep what was typed, and try again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from sip_desk.ui.editor.session import PlanSession

RETRY_MS = 2_000
"""While the store is busy, what waits is tried again this often (one short try each time)."""


class StoreBusyBanner(QObject):
    """Shows ``label`` while ``session`` finds the store busy, and retries through ``save``.

    Each retry lets one save try the store (it gives up within about half a second), so the
    window keeps answering. Once a save gets through, the others follow and the banner goes.
    """

    def __init__(
        self, session: PlanSession, label: QLabel, save: Callable[[], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.label, self._session, self._save = label, session, save
        self._timer = QTimer(self, interval=RETRY_MS)
        self._timer.timeout.connect(self.retry)
        session.store_busy.connect(self._on_store_busy)

    def _on_store_busy(self, busy: bool) -> None:
        if busy:
            self.label.setText(
                "ℹ "
                + self.tr(
                    "The database is busy with another program. What you type is kept and "
                    "saved as soon as the database is free."
                )
            )
            self.label.show()
            self._timer.start()
        else:
            self._timer.stop()
            self.label.hide()

    def retry(self) -> None:
        """Try the store once more with what waits."""
        self._session.try_store_again(self._save)
