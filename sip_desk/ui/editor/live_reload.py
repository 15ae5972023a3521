"""Showing what someone else saved: an open plan looks at the store every few seconds.

Two caseworkers (or two copies of SIP Desk) may have one plan open. Each save raises the plan's
version counter, so one cheap read tells whether the plan changed elsewhere; the plan is then
read again and shown, while nothing the user is typing is touched (a field with unsaved text
keeps it, see ``FieldBinding.refresh``). Nothing is reloaded while the user types, edits a
table cell or answers a question.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui.editor.session import PlanSession

LOOK_MS = 3000
"""How often an open plan looks for saves made elsewhere."""


class LiveReload(QObject):
    """Reloads ``session``'s plan when the store holds a newer version and the user is idle."""

    def __init__(self, session: PlanSession, editor: QWidget, typing: Callable[[], bool]) -> None:
        super().__init__(editor)
        self._session, self._editor, self._typing = session, editor, typing
        self.timer = QTimer(self, interval=LOOK_MS)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> bool:
        """Reload now if the plan changed elsewhere and the user is not in the middle of
        something. True when it reloaded."""
        if not self._editor.isVisible() or self._busy():
            return False
        try:
            stored = self._session.services.plans.stored_version(self._session.plan_id)
        except DomainError:
            return False  # a busy or unreachable store: look again later
        if stored is None or stored <= self._session.plan.version:
            return False
        self._session.reload()
        return True

    def _busy(self) -> bool:
        if QApplication.activeModalWidget() is not None or self._typing():
            return True
        return any(
            view.state() == QAbstractItemView.State.EditingState
            for view in self._editor.findChildren(QAbstractItemView)
        )
