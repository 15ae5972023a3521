"""Save the record of the latest held follow-up meeting as the plan's PDF appendix."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from sip_desk.domain.enums import MeetingStatus
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui import file_dialogs
from sip_desk.ui.background import BackgroundOp
from sip_desk.ui.editor.session import PlanSession, ui_lang


def last_held(plan: PlanDetail) -> MeetingDto | None:
    """The latest follow-up meeting recorded as held, if any."""
    held = [m for m in plan.meetings if m.status is MeetingStatus.HELD]
    return max(held, key=lambda m: m.starts_at, default=None)


class RecordPdfButton(QPushButton):
    """ "Save the record as PDF…": shown once a follow-up meeting has been held."""

    def __init__(self, session: PlanSession, parent: QWidget) -> None:
        super().__init__(self.tr("Save the last meeting's record as PDF…"), parent)
        self.setObjectName("record_pdf")
        self.session = session
        self.clicked.connect(lambda _=False: self.save())

    def refresh(self, plan: PlanDetail) -> None:
        self.setVisible(last_held(plan) is not None)

    def save(self) -> bool:
        """Ask where, then write the appendix off the GUI thread; ``False`` if nothing started."""
        plan = self.session.plan
        meeting = last_held(plan)
        if meeting is None:
            return False
        day = meeting.starts_at.date().isoformat()
        title = self.tr("Save the record as PDF")
        path = file_dialogs.ask_save_path(
            self, title, f"uppfoljning-{day}.pdf", self.tr("PDF (*.pdf)")
        )
        if path is None:
            return False
        meetings, lang = self.session.services.follow_ups.meetings, ui_lang()

        def done(written: object) -> None:
            text = self.tr("Saved the record as %1.").replace("%1", str(written))
            self.session.notice.emit(text)

        def work() -> object:
            return meetings.write_follow_up_pdf(plan.id, meeting.id, path, lang)

        return BackgroundOp(self, work, done).titled(title).run()
