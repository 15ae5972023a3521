"""Application-wide change notification (Anki's ``operation_did_execute`` in miniature)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals emitted after a service call has committed; panels listen and re-query.

    Attributes:
        plan_changed: one plan's content changed: its id, and the object that changed it
            (``None`` when no widget did); an editor ignores the echo of its own saves.
        plans_changed: plans were added or removed, or many changed (the list re-queries).
        plan_opened: the user opened a plan (its id); the recent-plans menu listens.
        language_changed: the user picked another UI language ("sv" or "en").
        store_opened: the store is ready and the services can be used.
        open_plan_requested: a panel (e.g. the worklist) asks the main window to open a plan.
        follow_up_record_requested: a panel asks to record a follow-up meeting in the plan's
            editor (plan id, meeting id).
    """

    plan_changed = Signal(int, object)  # plan id, initiator
    plans_changed = Signal()
    plan_opened = Signal(int)
    language_changed = Signal(str)
    store_opened = Signal()
    open_plan_requested = Signal(int)
    follow_up_record_requested = Signal(int, int)
