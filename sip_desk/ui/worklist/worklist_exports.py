"""What the worklist writes to files: a meeting's invitation (PDF and .ics) and the shown
follow-ups as a calendar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.domain.worklist import WorklistFilter, WorklistItem
from sip_desk.services.registry import Services
from sip_desk.ui import file_dialogs, prompts


def save_invitation(parent: QWidget, services: Services, item: WorklistItem, lang: str) -> None:
    """Ask where, then write the summons for the meeting ``item``; say where it went."""
    assert item.item_id is not None
    day = item.due.isoformat()
    path = file_dialogs.ask_save_path(
        parent,
        QCoreApplication.translate("WorklistPanel", "Save invitation"),
        f"kallelse-{day}.pdf",
        QCoreApplication.translate("WorklistPanel", "PDF (*.pdf)"),
    )
    if path is None:
        return
    try:
        written = services.follow_ups.meetings.write_invitation(
            item.plan_id, item.item_id, path, lang
        )
    except DomainError as error:
        prompts.warn(
            parent, QCoreApplication.translate("WorklistPanel", "Invitation"), error.message(lang)
        )
        return
    text = QCoreApplication.translate("WorklistPanel", "Saved the invitation as %1 and %2.")
    prompts.inform(
        parent,
        QCoreApplication.translate("WorklistPanel", "Invitation"),
        text.replace("%1", str(written[0])).replace("%2", str(written[1])),
    )


def export_calendar(parent: QWidget, services: Services, shown: WorklistFilter, lang: str) -> None:
    """Ask where, then write the follow-ups of the ``shown`` filter as an .ics file."""
    path = file_dialogs.ask_save_path(
        parent,
        QCoreApplication.translate("WorklistPanel", "Export to calendar"),
        "sip-uppfoljningar.ics",
        QCoreApplication.translate("WorklistPanel", "Calendar (*.ics)"),
    )
    if path is None:
        return
    calendar = services.calendar
    try:
        calendar.write(path, calendar.worklist_calendar(shown, lang))
    except DomainError as error:
        prompts.warn(
            parent,
            QCoreApplication.translate("WorklistPanel", "Export to calendar"),
            error.message(lang),
        )
