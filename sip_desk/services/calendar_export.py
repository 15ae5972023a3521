"""Calendar export of SIP meetings (iCalendar, RFC 5545): the worklist's and an invitation's.

UIDs are ``sip-desk-meeting-<id>@<store id>`` where the store id is a UUID kept in the settings
table, so exporting again updates the same events instead of adding copies. Every export is
logged per plan (its events name the person).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, aliased

from sip_desk.db.models import Meeting, Participant, Person, Plan, Setting
from sip_desk.db.queries.worklist import follow_up_meeting_ids
from sip_desk.domain.access import AccessKind
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import NotFoundError
from sip_desk.domain.worklist import WorklistFilter
from sip_desk.files import write_atomically
from sip_desk.services.audit import AuditLog, log_read
from sip_desk.services.calendar_ics import (
    CALENDAR_FULL_NAMES,
    Attendee,
    MeetingEvent,
    build_calendar,
)
from sip_desk.services.context import ServiceContext
from sip_desk.services.store_identity import store_uuid

_CHUNK = 500


def _event_stmt() -> Any:
    """The meetings' rows, one column per :class:`MeetingEvent` field (and ``person_id``)."""
    convenor = aliased(Participant)
    return (
        select(
            Meeting.id.label("meeting_id"),
            Meeting.plan_id,
            Meeting.kind,
            Meeting.status,
            Meeting.starts_at,
            Meeting.duration_minutes,
            Meeting.place,
            Meeting.video_link,
            Person.id.label("person_id"),
            Person.first_name,
            Person.last_name,
            Person.address,
            Person.protected_identity,
            Plan.version.label("plan_version"),
            Plan.updated_at,
            Plan.meeting_question,
            func.coalesce(convenor.name, "").label("convenor"),
        )
        .join(Plan, Plan.id == Meeting.plan_id)
        .join(Person, Person.id == Plan.person_id)
        .outerjoin(convenor, convenor.id == Meeting.convenor_participant_id)
        .order_by(Meeting.starts_at, Meeting.id)
    )


def _event(row: Row[Any], attendees: tuple[Attendee, ...] = ()) -> MeetingEvent:
    fields = {k: v for k, v in row._mapping.items() if k != "person_id"}
    return MeetingEvent(**fields, attendees=attendees)


class CalendarService:
    """Meetings as iCalendar bytes. Each export is one write transaction (it is logged)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def worklist_calendar(
        self, query: WorklistFilter | None = None, lang: str = "sv", full_names: bool | None = None
    ) -> bytes:
        """The booked follow-up meetings of the (filtered) worklist window.

        ``full_names``: name the person in full (``None``: as the setting says).
        """
        with self._ctx.db.write() as s:
            ids = follow_up_meeting_ids(s, query or WorklistFilter(), self._ctx.clock.today())
            rows: list[Row[Any]] = []
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                rows += s.execute(_event_stmt().where(Meeting.id.in_(chunk))).all()
            rows.sort(key=lambda r: (r.starts_at, r.meeting_id))
            return self._calendar(s, [_event(r) for r in rows], rows, lang, full_names)

    def invitation_calendar(
        self, plan_id: int, meeting_id: int, lang: str = "sv", full_names: bool | None = None
    ) -> bytes:
        """One meeting with its summoned and invited participants as attendees."""
        with self._ctx.db.write() as s:
            row = s.execute(
                _event_stmt().where(Meeting.id == meeting_id, Meeting.plan_id == plan_id)
            ).first()
            if row is None:
                raise NotFoundError("meeting", meeting_id)
            people = s.scalars(
                select(Participant)
                .where(Participant.plan_id == plan_id)
                .order_by(Participant.position)
            )
            attendees = tuple(
                Attendee(name=p.name, email=p.email, invitation=p.invitation) for p in people
            )
            return self._calendar(s, [_event(row, attendees)], [row], lang, full_names)

    def store_id(self) -> str:
        """The store's own UUID (created on first use)."""
        with self._ctx.db.write() as s:
            return store_uuid(s)

    @staticmethod
    def write(path: str | Path, data: bytes) -> Path:
        """Save calendar bytes to ``path`` (atomically); returns the path written."""
        target = Path(path).expanduser()
        write_atomically(target, data, error="calendar.write_failed")
        return target

    def _calendar(
        self,
        s: Session,
        events: list[MeetingEvent],
        rows: Sequence[Row[Any]],
        lang: str,
        full_names: bool | None,
    ) -> bytes:
        now = self._ctx.clock.now()
        if full_names is None:
            setting = s.get(Setting, CALENDAR_FULL_NAMES)
            full_names = setting is not None and setting.value == "true"
        for plan_id, person_id in sorted({(r.plan_id, r.person_id) for r in rows}):
            AuditLog(s, self._ctx.user, now, plan_id, person_id).record(
                AuditAction.EXPORT, "calendar", plan_id
            )
            log_read(self._ctx, AccessKind.CALENDAR, plan_id, person_id, "ics", s.connection())
        store_id = store_uuid(s)
        return build_calendar(events, store_id, now, lang, name="SIP Desk", full_names=full_names)
