"""Building RFC 5545 calendars from meeting rows (pure: no store, no clock).

A calendar is often shared or synced to a phone, so by default an event carries only what a
coordinator needs to get to the meeting: the kind of meeting, the person's initials and the plan
id, date and time, the place and the video link. No free text (the meeting question), no other
people's names (convenor, attendees). All of that only when the ``calendar.full_names`` setting
(or ``--full-names``) asks for it. The address and identity number are never written. For a
person with a protected identity an event is never more than "SIP-uppföljning (plan N)" and the
time: no initials, place, link, text or attendees, whatever was asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress
from icalendar.prop import vRecur

from sip_desk.domain.enums import InvitationKind, MeetingKind, MeetingStatus
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.text import text

PRODID = "-//SIP Desk//SIP Desk//SV"
CALENDAR_FULL_NAMES = "calendar.full_names"
"""The setting ("true"/"false") that lets calendar events name the person in full."""
TZID = LOCAL_TZ.key


@dataclass(frozen=True, kw_only=True)
class Attendee:
    """A participant summoned or invited to a meeting."""

    name: str
    email: str
    invitation: InvitationKind


@dataclass(frozen=True, kw_only=True)
class MeetingEvent:
    """What one calendar event is made of."""

    meeting_id: int
    plan_id: int
    kind: MeetingKind
    status: MeetingStatus
    starts_at: datetime
    duration_minutes: int
    place: str
    video_link: str
    first_name: str
    last_name: str
    address: str
    protected_identity: bool
    plan_version: int
    updated_at: datetime
    meeting_question: str = ""
    convenor: str = ""
    attendees: tuple[Attendee, ...] = ()


def meeting_uid(meeting_id: int, store_id: str) -> str:
    """The stable UID of a meeting's event: a re-export updates the same event."""
    return f"sip-desk-meeting-{meeting_id}@{store_id}"


def stockholm_timezone() -> Timezone:
    """A compact VTIMEZONE for Europe/Stockholm (EU summer time rules, no end year)."""
    tz = Timezone()
    tz.add("tzid", TZID)
    rules = (
        (TimezoneStandard(), datetime(1970, 10, 25, 3, 0), 10, (2, 1), "CET"),
        (TimezoneDaylight(), datetime(1970, 3, 29, 2, 0), 3, (1, 2), "CEST"),
    )
    for part, start, month, (before, after), name in rules:
        part.add("dtstart", start)
        part.add("rrule", vRecur(freq="YEARLY", bymonth=month, byday="-1SU"))
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        part.add("tzname", name)
        tz.add_component(part)
    return tz


def _summary(event: MeetingEvent, lang: str, full_names: bool) -> str:
    """The person's initials and the plan id, or the full name when asked for.

    A person with protected identity is not named at all, whatever was asked.
    """
    label = text(lang, f"ics.kind.{event.kind.value}")
    initials = ".".join(n[:1] for n in (event.first_name, event.last_name) if n)
    plan = f"{text(lang, 'ics.plan').lower()} {event.plan_id}"
    if event.protected_identity:
        return f"{label} ({plan})"
    if full_names:
        return f"{label}: {event.first_name} {event.last_name}".strip()
    return f"{label}: {initials}. ({plan})" if initials else f"{label} ({plan})"


def _location(event: MeetingEvent) -> str:
    if event.protected_identity:
        return ""
    place = event.place.strip()
    if event.address.strip() and event.address.strip().casefold() in place.casefold():
        return ""
    return place


def _description(event: MeetingEvent, lang: str, full_names: bool) -> str:
    """The plan id; the question, convenor and link only in full mode (never when protected)."""
    plan = f"{text(lang, 'ics.plan')} {event.plan_id}"
    if event.protected_identity or not full_names:
        return plan
    lines = []
    if event.meeting_question.strip():
        lines.append(f"{text(lang, 'ics.question')}: {event.meeting_question.strip()}")
    if event.convenor:
        lines.append(f"{text(lang, 'ics.convenor')}: {event.convenor}")
    if event.video_link:
        lines.append(f"{text(lang, 'ics.video')}: {event.video_link}")
    lines.append(plan)
    return "\n".join(lines)


def _attendee(a: Attendee) -> vCalAddress:
    address = vCalAddress(f"mailto:{a.email}")
    address.params["CN"] = a.name
    summoned = a.invitation is InvitationKind.SUMMONED
    address.params["ROLE"] = "REQ-PARTICIPANT" if summoned else "OPT-PARTICIPANT"
    return address


def build_event(
    event: MeetingEvent, store_id: str, stamp: datetime, lang: str, full_names: bool = False
) -> Event:
    """One VEVENT; SEQUENCE follows the plan's edit counter so later exports win."""
    out = Event()
    out.add("uid", meeting_uid(event.meeting_id, store_id))
    out.add("dtstamp", stamp)
    out.add("dtstart", event.starts_at.astimezone(LOCAL_TZ))
    out.add(
        "dtend", (event.starts_at + timedelta(minutes=event.duration_minutes)).astimezone(LOCAL_TZ)
    )
    out.add("summary", _summary(event, lang, full_names))
    out.add("description", _description(event, lang, full_names))
    location = _location(event)
    if location:
        out.add("location", location)
    if event.video_link and not event.protected_identity:
        out.add("url", event.video_link)
    out.add("sequence", event.plan_version)
    out.add("last-modified", event.updated_at)
    cancelled = event.status is MeetingStatus.CANCELLED
    out.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    out.add("transp", "OPAQUE")
    named = full_names and not event.protected_identity
    for attendee in event.attendees if named else ():
        if attendee.email.strip():
            out.add("attendee", _attendee(attendee))
    return out


def build_calendar(
    events: Iterable[MeetingEvent],
    store_id: str,
    stamp: datetime,
    lang: str = "sv",
    name: str = "",
    full_names: bool = False,
) -> bytes:
    """A whole VCALENDAR (METHOD:PUBLISH) with the Stockholm VTIMEZONE and one event each.

    Events name the person by initials and the plan id unless ``full_names``.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    cal.add_component(stockholm_timezone())
    for event in events:
        cal.add_component(build_event(event, store_id, stamp, lang, full_names))
    data: bytes = cal.to_ical()
    return data
