"""Commands on whole plans from the main window's menus: save as PDF, JSON export and import,
delete (gallring) and loading the demo cases.

Each command works on the current plan: the plan of the current tab, or the plan selected in
the plan list. Failures are shown calmly in the user's language; nothing raises to the caller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui import file_dialogs, prompts
from sip_desk.ui.events import AppEvents
from sip_desk.ui.widgets.plan_list_panel import PlanListPanel
from sip_desk.ui.widgets.plan_tabs import PlanTabs

if TYPE_CHECKING:
    from sip_desk.domain.person_match import ImportResult
    from sip_desk.services.registry import Services

log = logging.getLogger(__name__)
StatusSink = Callable[[str], None]


class PlanCommands(QObject):
    """Runs the plan commands; :meth:`attach` gives it the services once the store is open."""

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

    # -- commands ---------------------------------------------------------------------------

    def save_pdf(self) -> Path | None:
        """Save the current plan's latest version as a PDF (sealed when configured)."""
        plan_id = self._target()
        if plan_id is None or self.services is None:
            return None
        title = self.tr("Save as PDF")
        path = file_dialogs.ask_save_path(
            self._parent, title, f"sip-plan-{plan_id}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path is None:
            return None
        try:
            with _busy():
                self.services.documents.export_pdf(plan_id, path)
        except DomainError as error:  # export.write_failed too, with the reason
            self._warn(title, error.message(self._lang))
            return None
        self._status(self.tr("Saved the plan as PDF: %1").replace("%1", str(path)))
        return path

    def export_json(self) -> Path | None:
        """Write the current plan as JSON (format ``sip-desk-plan``)."""
        plan_id = self._target()
        if plan_id is None or self.services is None:
            return None
        title = self.tr("Export plan as JSON")
        path = file_dialogs.ask_save_path(
            self._parent, title, f"sip-plan-{plan_id}.json", self.tr("JSON files (*.json)")
        )
        if path is None:
            return None
        from sip_desk.files import write_atomically

        try:
            write_atomically(path, self.services.transfer.export_plan(plan_id).encode("utf-8"))
        except DomainError as error:
            self._warn(title, error.message(self._lang))
            return None
        self._status(self.tr("Exported the plan to %1").replace("%1", str(path)))
        return path

    def import_json(self) -> int | None:
        """Create a plan from a JSON file; a file that fails any check changes nothing.

        Returns:
            The new plan's id (the caller opens it), or ``None``.
        """
        if self.services is None:
            return None
        title = self.tr("Import plan from JSON")
        path = file_dialogs.ask_open_path(
            self._parent, title, self.tr("JSON files (*.json);;All files (*)")
        )
        if path is None:
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            log.warning("import file %s not read: %s", path, error)
            text = self.tr("The file %1 could not be read as text (UTF-8).")
            self._warn(title, text.replace("%1", str(path)))
            return None
        transfer = self.services.transfer
        try:
            match = transfer.preview_import(text)
            update = False
            if match.differences:  # the stored person is the truth unless the user says so
                from sip_desk.ui.dialogs.import_person_dialog import ImportPersonDialog

                answer = ImportPersonDialog.ask(self._parent, match, self._lang)
                if answer is None:
                    return None
                update = answer
            result = transfer.import_with_report(text, update_person=update)
        except DomainError as error:
            intro = self.tr("The plan was not imported; nothing was changed.")
            self._warn(title, f"{intro}\n\n{error.message(self._lang)}")
            return None
        self._events.plans_changed.emit()
        self._status(self._imported_text(result))
        return result.plan.id

    def _imported_text(self, result: ImportResult) -> str:
        name = result.plan.person.full_name
        if not result.person.differences:
            return self.tr("Imported the plan for %1.").replace("%1", name)
        if result.person.updated:
            text = self.tr("Imported the plan for %1 and updated the stored person.")
        elif result.person.applied:
            text = self.tr(
                "Imported the plan for %1; protected identity was switched on as the file says, "
                "the other stored details were kept."
            )
        else:
            text = self.tr("Imported the plan for %1; the stored person was kept as it was.")
        return text.replace("%1", name)

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

    def load_demo(self) -> None:
        """Store the demo cases not stored yet (running it twice adds nothing)."""
        if self.services is None:
            return
        try:
            with _busy():
                result = self.services.demo.load_cases()
        except DomainError as error:
            self._warn(self.tr("Load demo data"), error.message(self._lang))
            return
        self._events.plans_changed.emit()
        text = self.tr("Demo data: %1 plans added, %2 already there.")
        added, skipped = str(len(result.created)), str(len(result.skipped))
        self._status(text.replace("%1", added).replace("%2", skipped))


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor for a few seconds of work on the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
