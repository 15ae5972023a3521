"""The open plan: its latest stored state, saving through the services, and undo/redo."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from sip_desk.domain.errors import (
    DomainError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.services.unit_of_work import Saved

log = logging.getLogger(__name__)

MERGE_SECONDS = 1.5
"""Saves of one field less than this many seconds apart are one undo step.

Typing saves every half second, so one burst of typing is one step, and Ctrl+Z undoes the
last burst: a pause of about 1.5–2 s between two bursts makes them two steps.
"""

# An operation maps the plan as now stored to a save through the services.
Op = Callable[[PlanDetail], Saved]


def ui_lang() -> str:
    """The language of the loaded UI translation ("sv" when the Swedish one is installed)."""
    # The .ts file translates this marker to "sv"; without a translator it stays "en".
    return "sv" if QCoreApplication.translate("Language", "en") == "sv" else "en"


@dataclass
class Edit:
    """One user edit, expressed against whatever plan is current when it runs.

    Attributes:
        text: what the undo menu shows.
        redo: applies the edit; returns the saved plan (``item_id`` for an added row).
        undo: reverts it.
        fields: error keys (prefixes) this edit answers for; their inline messages are cleared
            when it succeeds.
        merge_key: consecutive edits with the same key merge into one undo step.
        absorb: how this edit takes in a later one merged into it; by default the later
            edit's ``redo`` replaces its own.
        values: ``(before, after)`` for an edit that replaces one value; when merged edits
            bring back ``before``, the undo step is dropped (there is nothing to undo).
    """

    text: str
    redo: Op
    undo: Op
    fields: tuple[str, ...] = ()
    merge_key: str = ""
    on_redo: Callable[[Saved], None] | None = field(default=None, repr=False)
    on_undo: Callable[[Saved], None] | None = field(default=None, repr=False)
    absorb: Callable[[Edit], None] | None = field(default=None, repr=False)
    values: tuple[Any, Any] | None = field(default=None, repr=False)


class _EditCommand(QUndoCommand):
    """A saved edit on the undo stack; its first redo already happened when it was pushed."""

    _MERGE_ID = 1

    def __init__(self, session: PlanSession, edit: Edit) -> None:
        super().__init__(edit.text)
        self.session = session
        self.edit = edit
        self._first = True
        self._last = time.monotonic()

    def id(self) -> int:
        return self._MERGE_ID if self.edit.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _EditCommand) or other.edit.merge_key != self.edit.merge_key:
            return False
        if other._last - self._last > MERGE_SECONDS:
            return False
        if self.edit.absorb is not None:
            self.edit.absorb(other.edit)
        else:
            self.edit.redo = other.edit.redo
            if self.edit.values is not None and other.edit.values is not None:
                self.edit.values = (self.edit.values[0], other.edit.values[1])
                self.setObsolete(self.edit.values[0] == self.edit.values[1])
        self._last = other._last
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.session.run(self.edit.redo, self.edit.fields, self.edit.on_redo)

    def undo(self) -> None:
        self.session.run(self.edit.undo, self.edit.fields, self.edit.on_undo)


class PlanSession(QObject):
    """Keeps the latest :class:`PlanDetail` and saves every edit at once, with undo.

    Every service call takes the version of the plan as last seen; a stale save reloads the
    plan, retries the edit once on top of it and says so calmly (``notice``).
    """

    plan_changed = Signal(object)  # PlanDetail
    validation_failed = Signal(object)  # list[ValidationError]
    fields_ok = Signal(object)  # tuple[str, ...]: error keys to clear
    notice = Signal(str)
    plan_saved = Signal(int)

    def __init__(self, services: Services, plan_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.plan: PlanDetail = services.plans.open_plan(plan_id)
        self.undo_stack = QUndoStack(self)
        self._id_map: dict[tuple[str, int], int] = {}

    @property
    def plan_id(self) -> int:
        return self.plan.id

    def resolve(self, kind: str, item_id: int) -> int:
        """The current id of a row that undo/redo may have re-created under a new id."""
        while (kind, item_id) in self._id_map:
            item_id = self._id_map[(kind, item_id)]
        return item_id

    def remap(self, kind: str, old_id: int, new_id: int) -> None:
        """Record that the row ``old_id`` now lives on as ``new_id``."""
        if old_id != new_id:
            self._id_map[(kind, old_id)] = new_id

    def execute(self, edit: Edit) -> bool:
        """Run ``edit`` now; on success put it on the undo stack. False when refused."""
        if not self.run(edit.redo, edit.fields, edit.on_redo):
            return False
        self.undo_stack.push(_EditCommand(self, edit))
        return True

    def run(
        self,
        op: Op,
        fields: tuple[str, ...] = (),
        on_done: Callable[[Saved], None] | None = None,
    ) -> bool:
        """Save through ``op`` against the current plan; report problems, never raise."""
        try:
            saved = self._call(op)
        except ValidationErrors as exc:
            self.validation_failed.emit(list(exc.errors))
            return False
        except ValidationError as exc:
            self.validation_failed.emit([exc])
            return False
        except DomainError as exc:
            self.notice.emit(exc.message(ui_lang()))
            self.reload()
            return False
        if on_done is not None:
            on_done(saved)
        self.fields_ok.emit(fields)
        self._accept(saved.plan)
        return True

    def _call(self, op: Op) -> Saved:
        try:
            return op(self.plan)
        except StaleEditError:
            self.reload()
            saved = op(self.plan)
            self.notice.emit(
                self.tr(
                    "The plan had been changed elsewhere. It has been reloaded and your "
                    "change saved on top of the latest version."
                )
            )
            return saved

    def reload(self) -> None:
        """Read the plan as stored now."""
        try:
            self._accept(self.services.plans.get_plan(self.plan.id), saved=False)
        except DomainError as exc:
            self.notice.emit(exc.message(ui_lang()))

    def _accept(self, plan: PlanDetail, saved: bool = True) -> None:
        self.plan = plan
        self.plan_changed.emit(plan)
        if saved:
            self.plan_saved.emit(plan.id)
