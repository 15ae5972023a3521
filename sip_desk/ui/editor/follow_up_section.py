"""Section 7: the next follow-up meeting (date, time, place, who convenes)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from sip_desk.domain.enums import MeetingKind
from sip_desk.domain.errors import ValidationError
from sip_desk.domain.follow_up import MeetingData, MeetingDto
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor import edits, row_edits
from sip_desk.ui.editor.section import Section
from sip_desk.ui.editor.session import PlanSession, ui_lang
from sip_desk.ui.item_models.cell_values import ParseError


def parse_time(text: str) -> time | None:
    """Read ``HH:MM`` (or ``HHMM``); empty is no time."""
    digits = text.strip().replace(":", "").replace(".", "")
    if not digits:
        return None
    try:
        if len(digits) not in (3, 4) or not digits.isdigit():
            raise ValueError(text)
        return time(int(digits[:-2]), int(digits[-2:]))
    except ValueError:
        raise ParseError(
            QCoreApplication.translate("FollowUpSection", "Write the time as HH:MM, e.g. 13:30.")
        ) from None


def _format_time(value: object) -> str:
    return value.strftime("%H:%M") if isinstance(value, time) else ""


TIME_KW: dict[str, Any] = {"parse": parse_time, "show": _format_time}


class FollowUpSection(Section):
    """Books the next follow-up through ``services.meetings`` once date and time are given."""

    def __init__(self, session: PlanSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("7. Next follow-up"), parent)
        self.setObjectName("section_follow_up")
        self._draft: dict[str, Any] = {}
        self.date = self.date_line()
        self._field("date", self.tr("&Date"), self.date, **self.date_kw())
        self.time = self.line()
        self.time.setPlaceholderText("TT:MM")
        self._field("time", self.tr("Time"), self.time, **TIME_KW)
        self.place = self.line()
        self._field("place", self.tr("Place"), self.place)
        self.video_link = self.line()
        self._field("video_link", self.tr("Video link"), self.video_link)
        self.convenor = self.combo([])
        self._field("convenor_participant_id", self.tr("Who convenes"), self.convenor)
        self._quick_dates()

    def _quick_dates(self) -> None:
        row = QHBoxLayout()
        for weeks in (4, 6, 8, 12):
            button = QPushButton(self.tr("In %1 weeks").replace("%1", str(weeks)), self)
            button.setObjectName(f"follow_up_in_{weeks}_weeks")
            button.clicked.connect(lambda _=False, w=weeks: self._in_weeks(w))
            row.addWidget(button)
        row.addStretch(1)
        self.form.addRow("", row)

    def _in_weeks(self, weeks: int) -> None:
        day = self.clock.today() + timedelta(weeks=weeks)
        self.date.setText(day.isoformat())
        self.date.textEdited.emit(self.date.text())
        self.bindings["meeting.date"].commit()
        if not self.time.text().strip():
            self.time.setFocus()

    def _field(self, attr: str, label: str, widget: QWidget, **kw: Any) -> None:
        self._add(
            f"meeting.{attr}",
            label,
            widget,
            lambda plan: self._read(plan, attr),
            lambda value: self._save(attr, value),
            **kw,
        )

    def next_meeting(self, plan: PlanDetail) -> MeetingDto | None:
        return plan.next_follow_up(self.clock.now())

    def _read(self, plan: PlanDetail, attr: str) -> object:
        meeting = self.next_meeting(plan)
        if meeting is None:
            return self._draft.get(attr, "" if attr in ("place", "video_link") else None)
        local = meeting.starts_at.astimezone(LOCAL_TZ)
        if attr == "date":
            return local.date()
        if attr == "time":
            return local.time().replace(second=0, microsecond=0)
        return getattr(meeting, attr)

    def _save(self, attr: str, value: object) -> bool:
        meeting = self.next_meeting(self.session.plan)
        if meeting is None:
            self._draft[attr] = value
            day, at = self._draft.get("date"), self._draft.get("time")
            if not isinstance(day, date) or not isinstance(at, time):
                return True  # booked once both date and time are known
            data = MeetingData(
                kind=MeetingKind.FOLLOW_UP,
                starts_at=_aware(day, at),
                place=self._draft.get("place", ""),
                video_link=self._draft.get("video_link", ""),
                convenor_participant_id=self._draft.get("convenor_participant_id"),
            )
            if self.session.execute(row_edits.book_meeting(self.session, data)):
                self._draft.clear()
                return True
            return False
        data = edits.to_data(meeting, MeetingData)
        local = meeting.starts_at.astimezone(LOCAL_TZ)
        if attr in ("date", "time"):
            day = value if attr == "date" else local.date()
            at = value if attr == "time" else local.time()
            if not isinstance(day, date) or not isinstance(at, time):
                return False
            data = dataclasses.replace(data, starts_at=_aware(day, at))
        else:
            data = dataclasses.replace(data, **{attr: value})
        return self.session.execute(row_edits.update_meeting(self.session, meeting, data))

    def refresh(self, plan: PlanDetail) -> None:
        people = [(p.id, p.name) for p in plan.participants]
        self.set_choices(
            "meeting.convenor_participant_id", [("", self.tr("(not chosen)")), *people]
        )
        super().refresh(plan)

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        # A refused date and time is shown beside the date.
        for error in errors:
            if error.field == "meeting.starts_at":
                self.bindings["meeting.date"].show_error(error.message(ui_lang()))
        return super().show_errors([e for e in errors if e.field != "meeting.starts_at"])


def _aware(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL_TZ)
