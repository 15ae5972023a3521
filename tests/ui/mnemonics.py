"""Collecting the mnemonics (Alt+letter) that are live at the same time in one window.

Qt registers a window-wide shortcut for the marked letter of every visible menu-bar title,
label with a buddy, button (push, tool, check, radio), group-box title and tab. When two of
them share a letter, Alt+letter alternates between them: the user cannot know which one a
press reaches. The letters of a popup menu's items are a context of their own (plain letters
while that menu is open).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QTabBar,
    QWidget,
)


@dataclass(frozen=True)
class Mnemonic:
    key: str  # "Alt+A"
    text: str  # the text carrying it
    owner: str  # what kind of widget, and its objectName


def mnemonic_of(text: str) -> str:
    """The key Qt binds for ``text`` ("Alt+A"), or "" when it has no marked letter."""
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.PortableText)


def _owner(widget: QWidget, kind: str) -> str:
    return f"{kind} {widget.objectName() or type(widget).__name__}"


def _texts_of(widget: QWidget) -> list[tuple[str, str]]:
    """(text, owner) pairs of the mnemonic-bearing texts ``widget`` registers itself."""
    if isinstance(widget, QMenuBar):
        return [(a.text(), f"menu {a.text()!r}") for a in widget.actions() if a.isVisible()]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        buddy = widget.buddy()
        return [(widget.text(), _owner(buddy, "label of"))]
    if isinstance(widget, QAbstractButton):
        return [(widget.text(), _owner(widget, "button"))]
    if isinstance(widget, QGroupBox):
        return [(widget.title(), _owner(widget, "group box"))]
    if isinstance(widget, QTabBar):
        return [(widget.tabText(i), f"tab {i}") for i in range(widget.count())]
    return []


def _on_shown_page(widget: QWidget, window: QWidget) -> bool:
    """False when ``widget`` lies on a page not shown now (another tab of a tab widget)."""
    child: QWidget | None = widget
    while child is not None and child is not window:
        parent = child.parentWidget()
        if isinstance(parent, QStackedWidget) and parent.currentWidget() is not child:
            return False
        child = parent
    return True


def live_mnemonics(window: QWidget) -> list[Mnemonic]:
    """Every mnemonic that answers Alt+letter in ``window`` with its current tab shown.

    Widgets hidden for the moment on the shown page (a message, a panel that appears when
    needed) count too: once shown they share the window with the rest.
    """
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if isinstance(widget, QMenu) or widget.window() is not window:
            continue
        if not _on_shown_page(widget, window):
            continue
        for text, owner in _texts_of(widget):
            key = mnemonic_of(text)
            if key:
                found.append(Mnemonic(key, text, owner))
    return found


def menu_item_mnemonics(menu: QMenu) -> list[Mnemonic]:
    """The letters of a popup menu's items (a context of its own while the menu is open)."""
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        key = mnemonic_of(action.text())
        if key:
            found.append(Mnemonic(key, action.text(), f"item of {menu.objectName()}"))
    return found


def clashes(mnemonics: list[Mnemonic]) -> dict[str, list[str]]:
    """The keys taken more than once, each with the texts that share it."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for m in mnemonics:
        by_key[m.key].append(f"{m.text!r} ({m.owner})")
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}
