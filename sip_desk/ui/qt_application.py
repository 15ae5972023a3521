"""The application object of the window: named, tied to its menu entry, none without a display."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication


def qt_application() -> QApplication:
    """The running QApplication, else a new one named for SIP Desk and its menu entry."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _check_display()
    QApplication.setApplicationName("SIP Desk")
    QApplication.setOrganizationName("SIP Desk")
    QApplication.setDesktopFileName("se.sipdesk.SipDesk")  # the menu entry's icon and name
    return QApplication(sys.argv[:1])


def _check_display() -> None:
    """On Linux with no display Qt aborts (exit 134, "could not load the Qt platform plugin");
    say it plainly instead, and how the commands and the self-test still run."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    from sip_desk.domain.errors import DomainError

    raise DomainError("gui.no_display")
