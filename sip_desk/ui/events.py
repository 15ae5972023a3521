"""Application-wide change notification (Anki's ``operation_did_execute`` in miniature)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals emitted after a service call has committed; panels listen and re-query."""

    # Plan id and the object that changed it (None: no widget); an editor ignores its own echo.
    plan_changed = Signal(int, object)
    plans_changed = Signal()  # added, removed, or many changed: the list re-queries
    plan_opened = Signal(int)  # the recent-plans menu listens
    language_changed = Signal(str)  # "sv" or "en"
    store_opened = Signal()
    open_plan_requested = Signal(int)  # e.g. from the worklist, to the main window
    follow_up_record_requested = Signal(int, int)  # plan id, meeting id: in the plan's editor
