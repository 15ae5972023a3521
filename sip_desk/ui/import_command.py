"""Import a plan from a JSON file (format ``sip-desk-plan``), from the main window's menu.

The file is read and checked on the runner; a person already stored with other details is
asked about (the stored person is the truth unless the user says so); a plan already in the
store is imported again only as a new plan, after a question. Nothing is half-written: the
service imports in one transaction or not at all.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui import file_dialogs, prompts
from sip_desk.ui.background import BackgroundOp, error_text
from sip_desk.ui.events import AppEvents

if TYPE_CHECKING:
    from collections.abc import Callable

    from sip_desk.domain.person_match import ImportResult, PersonMatch
    from sip_desk.services.registry import Services

log = logging.getLogger(__name__)


class ImportCommand(QObject):
    """The menu's "Import plan from JSON"; ``plan_imported`` gives the new plan's id."""

    plan_imported = Signal(int)

    def __init__(
        self, parent: QWidget, events: AppEvents, lang: str, status: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        self._parent, self._events, self._lang, self._status = parent, events, lang, status
        self.services: Services | None = None

    def start(self, services: Services) -> bool:
        """Ask for a file and import it; a file that fails any check changes nothing."""
        self.services = services
        title = self.tr("Import plan from JSON")
        path = file_dialogs.ask_open_path(
            self._parent, title, self.tr("JSON files (*.json);;All files (*)")
        )
        if path is None:
            return False
        transfer = self.services.transfer

        def check() -> tuple[str, PersonMatch]:
            text = _read_text(path)
            return text, transfer.preview_import(text)

        op = BackgroundOp(self._parent, check, lambda checked: self._import_checked(*checked))
        op.titled(title).single(("import", self)).with_progress(title)
        return op.failure(lambda error: self._import_failed(path, error)).run()

    def _import_checked(self, text: str, match: PersonMatch) -> None:
        assert self.services is not None
        update = False
        if match.differences:  # the stored person is the truth unless the user says so
            from sip_desk.ui.dialogs.import_person_dialog import ImportPersonDialog

            answer = ImportPersonDialog.ask(self._parent, match, self._lang)
            if answer is None:
                return
            update = answer
        self._import(text, update, as_new=False)

    def _import(self, text: str, update: bool, as_new: bool) -> None:
        assert self.services is not None
        transfer, title = self.services.transfer, self.tr("Import plan from JSON")
        op = BackgroundOp(
            self._parent,
            lambda: transfer.import_with_report(text, update_person=update, as_new=as_new),
            self._imported,
        )
        failed = lambda e: self._import_refused(e, text, update)  # noqa: E731
        op.titled(title).with_progress(title).failure(failed)
        op.run()

    def _import_refused(self, error: Exception, text: str, update: bool) -> None:
        """A plan already in the store: ask, and import it as a new plan only on "Yes"."""
        if not (isinstance(error, DomainError) and error.code == "import.plan_exists"):
            self._import_failed(None, error)
            return
        question = self.tr(
            "The plan is already in the database (plan %1). Import it as a new plan anyway?"
        ).replace("%1", str(error.params.get("plan", "")))
        if prompts.confirm(self._parent, self.tr("Import plan from JSON"), question):
            self._import(text, update, as_new=True)

    def _import_failed(self, path: Path | None, error: Exception) -> None:
        title = self.tr("Import plan from JSON")
        if isinstance(error, _UnreadableError):
            log.warning("import file %s not read: %s", path, error.__cause__)
            text = self.tr("The file %1 could not be read as text (UTF-8).")
            prompts.warn(self._parent, title, text.replace("%1", str(path)))
        elif isinstance(error, DomainError):
            intro = self.tr("The plan was not imported; nothing was changed.")
            prompts.warn(self._parent, title, f"{intro}\n\n{error.message(self._lang)}")
        else:
            prompts.warn(self._parent, title, error_text(error, self._lang))

    def _imported(self, result: ImportResult) -> None:
        self._events.plans_changed.emit()
        self._status(self._imported_text(result))
        self.plan_imported.emit(result.plan.id)

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


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _UnreadableError(str(path)) from error


class _UnreadableError(Exception):
    """The import file is not readable as UTF-8 text."""
