"""Commands on whole plans from the main window's menus: save as PDF, JSON export and import
(import_command.py), delete (gallring) and loading the demo cases.

Each works on the plan of the current tab, or the plan selected in the plan list, off the GUI
thread; failures are shown calmly in the user's language; nothing raises to the caller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QStyle, QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui import file_dialogs, prompts
from sip_desk.ui.background import BackgroundOp, Progress, error_text
from sip_desk.ui.events import AppEvents
from sip_desk.ui.import_command import ImportCommand
from sip_desk.ui.widgets.plan_list_panel import PlanListPanel
from sip_desk.ui.widgets.plan_tabs import PlanTabs

if TYPE_CHECKING:
    from sip_desk.services.demo_generator import GenerationResult
    from sip_desk.services.demo_service import DemoLoadResult
    from sip_desk.services.registry import Services

log = logging.getLogger(__name__)
StatusSink = Callable[[str], None]
T = TypeVar("T")
DEMO_BATCH = 100
TITLE_BAR_EXTRA_PX = 160  # window buttons and margins a title bar needs beside the title
"""Generated plans per write transaction: each holds the store's write lock for about 0.1 s,
so a field the user saves meanwhile waits no longer than that."""


class PlanCommands(QObject):
    """Runs the plan commands; :meth:`attach` gives it the services once the store is open."""

    plan_imported = Signal(int)  # the window opens it

    def __init__(
        self,
        parent: QWidget,
        events: AppEvents,
        tabs: PlanTabs,
        plan_list: PlanListPanel,
        lang: str,
        status: StatusSink,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._events = events
        self._tabs = tabs
        self._plan_list = plan_list
        self._lang = lang
        self._status = status
        self.services: Services | None = None
        self._importer = ImportCommand(parent, events, lang, status)
        self._importer.plan_imported.connect(self.plan_imported)

    def attach(self, services: Services) -> None:
        self.services = services

    def target_plan_id(self) -> int | None:
        """The plan of the current tab, else the plan selected in the list (on the list tab)."""
        plan_id = self._tabs.current_plan_id()
        if plan_id is None and self._tabs.currentWidget() is self._plan_list:
            selected = self._plan_list.current_plan()
            plan_id = selected.id if selected is not None else None
        return plan_id

    def _target(self) -> int | None:
        plan_id = self.target_plan_id() if self.services is not None else None
        if plan_id is None:
            self._status(self.tr("Open a plan, or select one in the plan list, first."))
        else:
            self._tabs.flush_plan(plan_id)  # what is typed goes into the file too
        return plan_id

    def _warn(self, title: str, text: str) -> None:
        prompts.warn(self._parent, title, text)

    def _op(self, key: str, title: str, work: Callable[[], T], done: Callable[[T], None]) -> bool:
        """Start ``work`` on the runner; a second start of the same command waits its turn."""
        op = BackgroundOp(self._parent, work, done).titled(title).single((key, self))
        started = op.with_progress(title).failure(lambda error: self._failed(title, error)).run()
        if not started:
            self._status(self.tr("Still busy with the last one: %1").replace("%1", title))
        return started

    def _failed(self, title: str, error: Exception) -> None:
        self._warn(title, error_text(error, self._lang))

    def save_pdf(self) -> bool:
        """Save the current plan's latest version as a PDF (sealed when configured)."""
        plan_id = self._target()
        if plan_id is None or self.services is None:
            return False
        title = self.tr("Save as PDF")
        path = file_dialogs.ask_save_path(
            self._parent, title, f"sip-plan-{plan_id}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path is None:
            return False
        documents = self.services.documents
        from sip_desk.ui.dialogs.seal_password import ensure_seal_password

        if not ensure_seal_password(self._parent, documents):
            return False

        def saved(_pdf: object) -> None:
            self._status(self.tr("Saved the plan as PDF: %1").replace("%1", str(path)))

        # export.write_failed comes with its reason
        return self._op("pdf", title, lambda: documents.export_pdf(plan_id, path), saved)

    def export_json(self) -> bool:
        """Write the current plan as JSON (format ``sip-desk-plan``)."""
        plan_id = self._target()
        if plan_id is None or self.services is None:
            return False
        title = self.tr("Export plan as JSON")
        path = file_dialogs.ask_save_path(
            self._parent, title, f"sip-plan-{plan_id}.json", self.tr("JSON files (*.json)")
        )
        if path is None:
            return False
        from sip_desk.files import write_atomically

        transfer = self.services.transfer

        def export() -> None:
            write_atomically(path, transfer.export_plan(plan_id).encode("utf-8"))

        def exported(_none: None) -> None:
            self._status(self.tr("Exported the plan to %1").replace("%1", str(path)))

        return self._op("export", title, export, exported)

    def import_json(self) -> bool:
        """Create a plan from a JSON file; a file that fails any check changes nothing."""
        if self.services is None:
            return False
        return self._importer.start(self.services)

    def delete_plan(self) -> bool:
        """Delete (gallra) the current plan after the user confirms; closes its tab."""
        plan_id = self._target()
        if plan_id is None or self.services is None:
            return False
        title = self.tr("Delete plan")
        try:
            name = self.services.plans.get_plan(plan_id).person.full_name
        except DomainError as error:
            self._warn(title, error.message(self._lang))
            return False
        question = self.tr(
            "Delete the plan for %1 and all its versions, signatures and follow-ups?"
            " This cannot be undone. The deletion is recorded in the audit log."
        ).replace("%1", name)
        if not prompts.confirm(self._parent, title, question):
            return False
        self._tabs.close_plan(plan_id, ask=False)  # confirmed: what it holds goes with it
        try:
            self.services.plans.delete_plan(plan_id)
        except DomainError as error:
            self._warn(title, error.message(self._lang))
            return False
        self._events.plans_changed.emit()
        self._status(self.tr("Deleted the plan for %1.").replace("%1", name))
        return True

    def show_retention(self) -> None:
        """The plans due for deletion; a deletion closes their tabs and refreshes the list."""
        if self.services is None:
            return
        from sip_desk.ui.dialogs.retention_dialog import RetentionDialog

        def deleted(ids: list[int]) -> None:
            for plan_id in ids:
                self._tabs.close_plan(plan_id, ask=False)
            self._events.plans_changed.emit()
            self._status(self.tr("Deleted %1 plans due for deletion.").replace("%1", str(len(ids))))

        RetentionDialog.show_for(self._parent, self.services.plans).deleted.connect(deleted)

    def load_demo(self) -> bool:
        """Store the demo cases not stored yet (running it twice adds nothing)."""
        if self.services is None:
            return False
        services = self.services  # .demo imports plan_json and jsonschema: on the worker

        def loaded(result: DemoLoadResult) -> None:
            self._events.plans_changed.emit()
            text = self.tr("Demo data: %1 plans added, %2 already there.")
            added, skipped = str(len(result.created)), str(len(result.skipped))
            self._status(text.replace("%1", added).replace("%2", skipped))

        def load() -> DemoLoadResult:
            return services.demo.load_cases()

        return self._op("demo", self.tr("Load demo data"), load, loaded)

    def generate_demo(self) -> bool:
        """Ask how many fictional plans to add, then add them (:meth:`generate_plans`)."""
        if self.services is None:
            return False
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("generateDemoDialog")
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setWindowTitle(self.tr("Generate demo plans"))
        dialog.setLabelText(self.tr("How many fictional plans?"))
        dialog.setIntRange(1, 100_000)
        dialog.setIntValue(1000)
        # Wide enough for the whole title beside the window buttons, not just the number field.
        # (QInputDialog's layout fixes its size to its content, so the question's label widens.)
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        label = dialog.findChild(QLabel)
        if label is not None:
            sides = 2 * dialog.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
            label.setMinimumWidth(title + TITLE_BAR_EXTRA_PX - sides)
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return False
        return self.generate_plans(dialog.intValue())

    def generate_plans(self, count: int) -> bool:
        """Add ``count`` generated fictional plans on the runner, with a count shown."""
        if self.services is None:
            return False
        title = self.tr("Generate demo plans")
        services, progress, n = self.services, Progress(), count

        def generate() -> GenerationResult:  # in a child process, so the window keeps painting
            demo = services.demo
            return demo.generate_apart(
                n, lang=self._lang, progress=progress.report, batch_size=DEMO_BATCH
            )

        def generated(result: GenerationResult) -> None:
            self._events.plans_changed.emit()
            self._status(self.tr("Generated %1 demo plans.").replace("%1", str(result.plans)))

        op = BackgroundOp(self._parent, generate, generated).titled(title)
        op.single(("generate", self)).with_progress(title, progress)
        return op.failure(lambda error: self._failed(title, error)).run()
