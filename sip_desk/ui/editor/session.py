"""The open plan: its latest stored state, saving through the services, and undo/redo."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from sip_desk.domain.errors import (
    DomainError,
    StaleEditError,
    StoreError,
    ValidationError,
    ValidationErrors,
)
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from sip_desk.services.unit_of_work import Saved
from sip_desk.ui.editor.conflicts import (
    GONE,
    Choice,
    Conflict,
    FieldChange,
    Op,
    Outcome,
    Resolution,
    Resolver,
    decide_later,
)
from sip_desk.ui.editor.edit_command import Edit, EditCommand

log = logging.getLogger(__name__)

SAVE_ROUNDS = 5
"""A save refused as stale is tried again (on the reloaded plan) at most this often."""


def ui_lang() -> str:
    """The language of the loaded UI translation ("sv" when the Swedish one is installed)."""
    # The .ts file translates this marker to "sv"; without a translator it stays "en".
    return "sv" if QCoreApplication.translate("Language", "en") == "sv" else "en"


class PlanSession(QObject):
    """Keeps the latest :class:`PlanDetail` and saves every edit at once, with undo.

    Every service call takes the version of the plan as last seen. A stale save reloads the
    plan; an edit of one field is then saved on top when the field itself is unchanged, and
    otherwise the user chooses through ``resolver`` (keep mine, take theirs, merge, later).
    Edits whose decision is put off wait in ``deferred`` (by field key).
    """

    plan_changed = Signal(object)  # PlanDetail
    validation_failed = Signal(object)  # list[ValidationError]
    fields_ok = Signal(object)  # tuple[str, ...]: error keys to clear
    notice = Signal(str)
    plan_saved = Signal(int)
    deferred_changed = Signal()
    store_busy = Signal(bool)  # True: another program holds the store; False: saved again
    replaced_elsewhere = Signal(str, str)  # field key, "HH:MM": another copy saved over mine

    def __init__(self, services: Services, plan_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.plan: PlanDetail = services.plans.open_plan(plan_id)
        self.undo_stack = QUndoStack(self)
        self._id_map: dict[tuple[str, int], int] = {}
        self.resolver: Resolver = decide_later
        self.deferred: dict[str, Edit] = {}
        self._mine: dict[str, FieldChange] = {}  # the text this copy stored last, by field
        self._asking = False
        self.busy = False  # the last save found the store held by another program
        self._probe = False  # while busy, the next save may try the store once

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

    def execute(self, edit: Edit, ask: bool = True) -> bool:
        """Run ``edit`` now; on success put it on the undo stack. False when not saved."""
        return self.apply(edit, ask) is Outcome.SAVED

    def apply(self, edit: Edit, ask: bool = True) -> Outcome:
        """Run ``edit`` now and say what became of it (``ask``: conflicts may be asked now)."""
        op, change = edit.step(forward=True)
        outcome, final = self._run(op, change, edit.fields, edit.on_redo, ask)
        edit.settled(final, forward=True)
        if outcome is Outcome.SAVED:
            self.undo_stack.push(EditCommand(self, edit))
        elif outcome is Outcome.THEIRS and final is not None:
            self.undo_stack.push(EditCommand(self, self._kept_theirs(edit, final)))
        if change is not None and outcome in (Outcome.SAVED, Outcome.THEIRS, Outcome.DEFERRED):
            self._set_deferred(change.key, edit if outcome is Outcome.DEFERRED else None)
        if final is not None and outcome is Outcome.SAVED:
            self._mine[final.key] = final
        elif change is not None:
            self._mine.pop(change.key, None)
        return outcome

    def settle(self, key: str) -> Outcome:
        """Ask again about the deferred edit of ``key``."""
        return self.apply(self.deferred[key], ask=True)

    def replay(self, edit: Edit, forward: bool) -> None:
        """Redo or undo ``edit`` (from the undo stack)."""
        op, change = edit.step(forward)
        on_done = edit.on_redo if forward else edit.on_undo
        _outcome, final = self._run(op, change, edit.fields, on_done, ask=True)
        edit.settled(final, forward)

    def try_store_again(self, save: Callable[[], None]) -> None:
        """While the store is busy, run ``save`` (which saves what waits) with one try of the
        store, however many edits wait; once it gets through, the others follow."""
        self._probe = True
        save()
        if self._probe:  # nothing waited any more
            self._probe = False
            self._set_busy(False)

    def run(self, op: Op, fields: tuple[str, ...] = ()) -> bool:
        """Save through ``op`` against the current plan; report problems, never raise."""
        return self._run(op, None, fields, None, ask=True)[0] is Outcome.SAVED

    def _run(
        self,
        op: Op,
        change: FieldChange | None,
        fields: tuple[str, ...],
        on_done: Callable[[Saved], None] | None,
        ask: bool,
    ) -> tuple[Outcome, FieldChange | None]:
        if self.busy and not self._probe:
            return Outcome.BUSY, None  # no wait on a store known to be busy: kept for the retry
        self._probe = False
        try:
            outcome, saved, change = self._save(op, change, ask)
        except (ValidationErrors, ValidationError) as exc:
            errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
            self.validation_failed.emit(list(errors))
            return Outcome.REFUSED, None
        except DomainError as exc:
            if isinstance(exc, StoreError) and exc.code == "store.locked":
                log.info("store busy; the edit waits for the next try")
                self._set_busy(True)
                return Outcome.BUSY, None
            self.notice.emit(exc.message(ui_lang()))
            self.reload()
            return Outcome.FAILED, None
        self._set_busy(False)
        if outcome is Outcome.SAVED:
            if saved is not None and on_done is not None:
                on_done(saved)
            self.fields_ok.emit(fields)
        if saved is not None:
            self._accept(saved.plan)
        return outcome, change

    def _save(
        self, op: Op, change: FieldChange | None, ask: bool
    ) -> tuple[Outcome, Saved | None, FieldChange | None]:
        stale = chosen = False
        for _round in range(SAVE_ROUNDS):
            if change is not None:
                stored = change.read(self.plan)
                if stored is not GONE and stored != change.old:
                    # The same field changed since this editor showed it.
                    if stored == change.new:
                        return Outcome.SAVED, None, change  # the other person typed the same
                    resolution = self._decide(change, stored, ask)
                    if resolution.choice is Choice.LATER:
                        return Outcome.DEFERRED, None, change
                    if resolution.choice is Choice.THEIRS:
                        return Outcome.THEIRS, None, change.rebased(change.new, stored)
                    mine = resolution.choice is Choice.MINE
                    change = change.rebased(
                        stored, change.new if mine else change.parse(resolution.text)
                    )
                    chosen = True
                    if change.new == stored:
                        return Outcome.SAVED, None, change
                op = change.write(change.new)
            try:
                saved = op(self.plan)
            except StaleEditError:
                self.reload()  # saved elsewhere since: look again at what is stored now
                stale = True
                continue
            if stale and not chosen:
                self.notice.emit(
                    self.tr(
                        "The plan had been changed elsewhere. It has been reloaded and your "
                        "change saved on top of the latest version."
                    )
                )
            return Outcome.SAVED, saved, change
        raise StaleEditError(self.plan.id, self.plan.version, self.plan.version)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.store_busy.emit(busy)

    def _decide(self, change: FieldChange, stored: object, ask: bool) -> Resolution:
        if not ask or self._asking:
            return Resolution(Choice.LATER)
        conflict = Conflict(
            change.label,
            change.show(stored),
            change.show(change.new),
            change.text,
            change.multiline,
        )
        self._asking = True
        try:
            resolution = self.resolver(conflict)
        finally:
            self._asking = False
        log.info("conflict in %s resolved: %s", change.key, resolution.choice.value)
        return resolution

    def _kept_theirs(self, edit: Edit, change: FieldChange) -> Edit:
        """An undo step for "take theirs": undo stores the user's value after all."""
        self.notice.emit(
            self.tr("The other text in “%1” was kept. Undo (Ctrl+Z) brings yours back.").replace(
                "%1", change.label
            )
        )
        text = self.tr("Keep other text: %1").replace("%1", change.label)
        return Edit(
            text, change.write(change.new), change.write(change.old), edit.fields, "", change=change
        )

    def _set_deferred(self, key: str, edit: Edit | None) -> None:
        if edit is not None:
            self.deferred[key] = edit
        elif self.deferred.pop(key, None) is None:
            return
        self.deferred_changed.emit()

    def reload(self) -> None:
        """Read the plan as stored now."""
        try:
            plan = self.services.plans.get_plan(self.plan.id)
        except DomainError as exc:
            self.notice.emit(exc.message(ui_lang()))
            return
        self._accept(plan, saved=False)
        self._offer_replaced(plan)

    def _offer_replaced(self, plan: PlanDetail) -> None:
        """Text this copy stored that another copy has replaced since is shown as stored now
        (the field refreshes itself): nothing of this copy's is unsaved there, so there is no
        conflict and nothing to write back; the field only gets a calm note. Text still typed
        and unsaved meets the other copy's in the usual conflict when it is saved."""
        for key, mine in list(self._mine.items()):
            stored = mine.read(plan)
            if stored is GONE or stored == mine.new or key in self.deferred:
                continue
            del self._mine[key]
            self.replaced_elsewhere.emit(key, plan.updated_at.astimezone().strftime("%H:%M"))

    def _accept(self, plan: PlanDetail, saved: bool = True) -> None:
        self.plan = plan
        self.plan_changed.emit(plan)
        if saved:
            self.plan_saved.emit(plan.id)
