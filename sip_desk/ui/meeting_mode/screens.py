"""Which screen meeting mode opens on.

The user may name a screen in Inställningar ("Skärm för mötesläge"); the setting keeps the
screen's :func:`screen_key` (its name, e.g. "HDMI-1"). Without a choice, or when the chosen
screen is gone (a projector unplugged), meeting mode goes to the other screen than the editor's
when there is one, else to the editor's own screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QScreen

AUTOMATIC = ""  # the setting's value for "the other screen when there are two, else the same"


def screen_key(screen: QScreen) -> str:
    """What the setting keeps: the screen's name, or its place and size for a nameless one."""
    if screen.name():
        return screen.name()
    g = screen.geometry()
    return f"{g.width()}x{g.height()}+{g.x()}+{g.y()}"


def default_screen(screens: Sequence[QScreen], editor_screen: QScreen | None) -> QScreen | None:
    """The first screen that is not the editor's; the editor's own when it is the only one."""
    others = [s for s in screens if s is not editor_screen]
    if others and len(screens) > 1:
        return others[0]
    if editor_screen is not None:
        return editor_screen
    return screens[0] if screens else None


def choose_screen(
    screens: Sequence[QScreen], remembered: str, editor_screen: QScreen | None
) -> QScreen | None:
    """The remembered screen when it is connected, else :func:`default_screen` (quietly)."""
    if remembered != AUTOMATIC:
        for screen in screens:
            if screen_key(screen) == remembered:
                return screen
    return default_screen(screens, editor_screen)


def meeting_screen(remembered: str, editor_screen: QScreen | None) -> QScreen | None:
    """:func:`choose_screen` among the screens connected now."""
    return choose_screen(QGuiApplication.screens(), remembered, editor_screen)


def screen_label(screen: QScreen) -> str:
    """The screen for a list: its name, size and place, e.g. "HDMI-1: 1920 × 1080 at (1366, 0)"."""
    g = screen.geometry()
    name = screen.name() or QCoreApplication.translate("MeetingScreens", "Screen")
    return (
        QCoreApplication.translate("MeetingScreens", "%1: %2 × %3 at (%4, %5)")
        .replace("%1", name)
        .replace("%2", str(g.width()))
        .replace("%3", str(g.height()))
        .replace("%4", str(g.x()))
        .replace("%5", str(g.y()))
    )
