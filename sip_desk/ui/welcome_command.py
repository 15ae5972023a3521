"""Showing the welcome: at an account's first start on a store, and from Help › Welcome….

Scripted runs never see it: ``SIP_DESK_NO_WELCOME=1`` in the environment (the test suite sets
it) or ``--no-welcome`` on the command line. The demo plans chosen in it load on the
background runner (:meth:`PlanCommands.load_demo`), so the window never waits.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui.plan_commands import PlanCommands

if TYPE_CHECKING:
    from sip_desk.services.registry import Services
    from sip_desk.ui.welcome_dialog import WelcomeDialog

log = logging.getLogger(__name__)
NO_WELCOME_ENV = "SIP_DESK_NO_WELCOME"


def first_run_wanted(args: argparse.Namespace) -> bool:
    """False for scripted runs (the environment variable or ``--no-welcome``)."""
    off = os.environ.get(NO_WELCOME_ENV, "").strip().lower() not in ("", "0", "no", "false")
    return not off and not getattr(args, "no_welcome", False)


class WelcomeCommand(QObject):
    """Opens the welcome over the window (never blocking it) and acts on its answer."""

    def __init__(
        self,
        parent: QWidget,
        commands: PlanCommands,
        lang: str,
        status: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._commands = commands
        self._lang = lang
        self._status = status
        self.services: Services | None = None
        self.dialog: WelcomeDialog | None = None

    def attach(self, services: Services) -> None:
        self.services = services

    def show_if_new(self, args: argparse.Namespace) -> bool:
        """The welcome, unless this account completed it on this store (or a script runs)."""
        if self.services is None or not first_run_wanted(args):
            return False
        try:
            if self.services.accounts.welcome_done():
                return False
        except DomainError as error:  # the store is busy or gone: the next start asks again
            log.warning("first-run flag not read: %s", error.message("en"))
            return False
        return self.show()

    def show(self) -> bool:
        """Open the welcome with what is stored filled in (or bring the open one forward)."""
        if self.services is None:
            return False
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return True
        from sip_desk.ui.welcome_dialog import WelcomeDialog

        dialog = WelcomeDialog(self.services, self._lang, self._parent)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return True

    def _on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        self._status(self.tr("Welcome to SIP Desk: your details are saved."))
        if dialog.load_demo:
            self._commands.load_demo()
