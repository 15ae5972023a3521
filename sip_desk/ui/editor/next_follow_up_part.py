"""The "next follow-up" part of a follow-up record: suggested dates and the booking to make.

Times are typed and shown in Swedish local time; a suggestion "in N weeks" keeps the meeting's
own wall-clock time (08:00 stays 08:00 over a daylight-saving change) and is never in the past.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sip_desk.domain.enums import FollowUpDecision
from sip_desk.domain.errors import ValidationError
from sip_desk.domain.follow_up_record import (
    WEEK_CHOICES,
    draft_meeting,
    later_booking,
    needs_next_booking,
    record_of,
    suggest_next,
)
from sip_desk.domain.local_time import LOCAL_TZ, local_text
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.follow_up_section import TIME_KW
from sip_desk.ui.editor.session import ui_lang

if TYPE_CHECKING:
    from sip_desk.ui.editor.follow_up_record_section import FollowUpRecordSection

DATE_KEY, TIME_KEY = "record.next_date", "record.next_time"


class NextFollowUpPart(QObject):
    """Adds the next-follow-up rows to ``section``'s form; saves through ``section.change``."""

    def __init__(self, section: FollowUpRecordSection) -> None:
        super().__init__(section)
        self.section = section
        self._time: time | None = None  # a time typed before any date: kept until one comes
        self._message = ""  # the last message about the next follow-up shown beside the date
        form = section.form
        self.note = QLabel(section)
        self.note.setObjectName("record_next_note")
        self.note.setWordWrap(True)
        heading = QLabel("<b>" + self.tr("Next follow-up") + "</b>", section)
        form.addRow(heading, self.note)
        row = QHBoxLayout()
        self.suggest: list[QPushButton] = []
        for weeks in WEEK_CHOICES:
            button = QPushButton(self.tr("In %1 weeks").replace("%1", str(weeks)), section)
            button.setObjectName(f"record_next_in_{weeks}_weeks")
            button.clicked.connect(lambda _=False, w=weeks: self.in_weeks(w))
            row.addWidget(button)
            self.suggest.append(button)
        row.addStretch(1)
        form.addRow(self.tr("Suggest:"), row)
        self.date = section.date_line()
        date_kw = section.date_kw()
        section._add(
            DATE_KEY, self.tr("Date"), self.date, self._read_date, self._save_date, **date_kw
        )
        self.time = section.line()
        self.time.setPlaceholderText("TT:MM")
        section._add(
            TIME_KEY, self.tr("Time"), self.time, self._read_time, self._save_time, **TIME_KW
        )
        self.place = section.line()
        section.record_field(self.tr("Place"), self.place, ("next_place",))
        self.video_link = section.line()
        section.record_field(self.tr("Video link"), self.video_link, ("next_video_link",))

    # Reading and saving -----------------------------------------------------------------------
    @staticmethod
    def _local(plan: PlanDetail) -> datetime | None:
        when = record_of(plan).next_starts_at
        return when.astimezone(LOCAL_TZ) if when else None

    def _read_date(self, plan: PlanDetail) -> object:
        local = self._local(plan)
        return local.date() if local else None

    def _read_time(self, plan: PlanDetail) -> object:
        local = self._local(plan)
        return local.time().replace(second=0, microsecond=0) if local else self._time

    def _save_date(self, value: object) -> bool:
        plan = self.section.session.plan
        local, meeting = self._local(plan), draft_meeting(plan)
        if not isinstance(value, date):
            return self._store(None, self.tr("Date"))
        at = local.time() if local else self._time
        if at is None and meeting is not None:
            at = meeting.starts_at.astimezone(LOCAL_TZ).time()  # the meeting's own hour
        return self._store(_aware(value, at or time(9, 0)), self.tr("Date"))

    def _save_time(self, value: object) -> bool:
        local = self._local(self.section.session.plan)
        if local is None:
            self._time = value if isinstance(value, time) else None
            return True  # booked once a date is given too
        at = value if isinstance(value, time) else local.time()
        return self._store(_aware(local.date(), at), self.tr("Time"))

    def _store(self, when: datetime | None, label: str) -> bool:
        saved = self.section.change(label, ("next_starts_at",), when)
        if saved:
            self._time = None
        return saved

    def in_weeks(self, weeks: int) -> None:
        """Fill in the next follow-up ``weeks`` after the meeting (from today if that is past)."""
        plan = self.section.session.plan
        meeting = draft_meeting(plan)
        if meeting is None:
            return
        now = self.section.clock.now()
        label = self.tr("In %1 weeks").replace("%1", str(weeks))
        if self._store(suggest_next(meeting.starts_at, weeks, now), label):
            self.place.setFocus()

    # Showing ----------------------------------------------------------------------------------
    def refresh(self, plan: PlanDetail) -> None:
        """Enable the booking only when one is needed, and say why not otherwise."""
        draft = plan.follow_up_draft
        later = later_booking(plan, draft.meeting_id) if draft else None
        needed = needs_next_booking(plan)
        for widget in (*self.suggest, self.date, self.time, self.place, self.video_link):
            widget.setEnabled(needed)
        if draft is not None and draft.record.decision is FollowUpDecision.CLOSE:
            self.note.setText(self.tr("Not needed: the plan is closed."))
        elif later is not None:
            text = self.tr("Already booked: %1. No new booking is needed.")
            self.note.setText(text.replace("%1", local_text(later.starts_at)))
        else:
            self.note.setText(self.tr("Booked when the follow-up is completed (local time)."))

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        """Show a refused next follow-up beside its date; return the other errors."""
        for error in errors:
            if error.field == "record.next_starts_at":
                self._message = error.message(ui_lang())
                self.section.bindings[DATE_KEY].show_error(self._message)
        return [e for e in errors if e.field != "record.next_starts_at"]

    def clear_errors(self, keys: tuple[str, ...]) -> None:
        """A saved date or time (or the record as a whole) answers a message beside the date."""
        date = self.section.bindings[DATE_KEY]
        if date.message == self._message and any(
            k in ("record.next_starts_at", "record.") for k in keys
        ):
            date.show_error("")  # not a message about text typed into the date itself

    def focus_chain(self) -> list[QWidget]:
        """The suggestion buttons, then date, time, place and video link."""
        return [*self.suggest, self.date, self.time, self.place, self.video_link]


def _aware(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL_TZ).astimezone(UTC)
