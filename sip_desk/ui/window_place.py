"""The user's place in the main window, carried over when the window is rebuilt (a new language):
the open plans, the current tab, each editor's scroll position (by section, so a page laid out in
the other language shows the same part) and the field with the keyboard focus."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

if TYPE_CHECKING:
    from sip_desk.ui.main_window import MainWindow


@dataclass
class WindowPlace:
    plan_ids: list[int] = field(default_factory=list)
    current_plan: int | None = None  # None: a fixed tab (see current_index)
    current_index: int = 0
    scrolled: dict[int, tuple[int, int]] = field(default_factory=dict)  # section, pixels into it
    focus: str = ""  # the objectName of the focused input (or its nearest named parent)
    # in the current tab


def capture(window: MainWindow) -> WindowPlace:
    tabs = window.tabs
    place = WindowPlace(tabs.open_ids(), tabs.current_plan_id(), tabs.currentIndex())
    for plan_id in place.plan_ids:
        editor = tabs.plan_widget(plan_id)
        if editor is not None and (at := _section_at_top(editor)) is not None:
            place.scrolled[plan_id] = at
    current = tabs.currentWidget()
    focused = QApplication.focusWidget() if window.isActiveWindow() else None
    focused = focused or window.focusWidget()
    if current is not None:
        place.focus = _unique_name(focused, current)
    return place


def restore_tabs(window: MainWindow, place: WindowPlace) -> None:
    """Open the plans again (not logged: the user has them open) and make the same tab current."""
    for plan_id in place.plan_ids:
        window.open_plan(plan_id, log_access=False)
    if place.current_plan is None or not window.tabs.show_plan(place.current_plan):
        window.tabs.setCurrentIndex(place.current_index)


def restore_view(window: MainWindow, place: WindowPlace) -> None:
    """Once ``window`` is shown: the same scroll positions, the keyboard in the same field, and
    the window active (typing goes there at once)."""
    window.activateWindow()
    window.raise_()
    current = window.tabs.currentWidget()
    target = current.findChild(QWidget, place.focus) if place.focus and current else None
    if isinstance(target, QWidget) and target.isVisibleTo(current):
        target.setFocus(Qt.FocusReason.OtherFocusReason)
    elif current is not None:
        current.setFocus(Qt.FocusReason.OtherFocusReason)

    def scroll() -> None:
        for plan_id, at in place.scrolled.items():
            editor = window.tabs.plan_widget(plan_id)
            if editor is not None:
                _scroll_to(editor, *at)

    scroll()
    QTimer.singleShot(0, window, scroll)  # again once the layout has settled


def _sections(editor: QWidget) -> tuple[QScrollArea | None, list[QWidget]]:
    area = getattr(editor, "scroll_area", None)
    sections = getattr(editor, "sections", None)
    if not isinstance(area, QScrollArea) or not isinstance(sections, list):
        return None, []
    return area, sections


def _section_at_top(editor: QWidget) -> tuple[int, int] | None:
    area, sections = _sections(editor)
    page = area.widget() if area is not None else None
    if area is None or page is None or not sections:
        return None
    value = area.verticalScrollBar().value()
    tops = [s.mapTo(page, QPoint(0, 0)).y() for s in sections]
    index = max((i for i, top in enumerate(tops) if top <= value), default=0)
    return index, value - tops[index]


def _scroll_to(editor: QWidget, index: int, offset: int) -> None:
    area, sections = _sections(editor)
    page = area.widget() if area is not None else None
    if area is None or page is None or index >= len(sections):
        return
    top = sections[index].mapTo(page, QPoint(0, 0)).y()
    area.verticalScrollBar().setValue(top + offset)


def _unique_name(widget: QWidget | None, editor: QWidget) -> str:
    """The name of ``widget``, or of its nearest parent inside ``editor`` with a unique name."""
    while widget is not None and widget is not editor:
        name = widget.objectName()
        if name and not name.startswith("qt_") and len(editor.findChildren(QWidget, name)) == 1:
            return name
        widget = widget.parentWidget()
    return ""
