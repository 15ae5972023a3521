from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from sip_desk.domain.enums import AuditAction, InvitationKind, MeetingStatus
from sip_desk.domain.errors import DomainError
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.identity import make_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.participant import ParticipantData
from sip_desk.domain.worklist import WorklistFilter
from tests.services.follow_up_builders import FollowUpPlans


@pytest.fixture
def plans(services, make_plan) -> FollowUpPlans:
    return FollowUpPlans(services, make_plan)


def _events(data: bytes) -> list[Any]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_calendar_export_plan_events_parse_with_stockholm_time(services, plans) -> None:
    plan = plans.active(first_name="Åsa", last_name="Öberg")
    meeting = plan.meetings[0]

    data = services.calendar.invitation_calendar(plan.id, meeting.id)

    cal = Calendar.from_ical(data)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    (event,) = _events(data)
    assert str(event["UID"]) == f"sip-desk-meeting-{meeting.id}@{services.calendar.store_id()}"
    assert event.decoded("DTSTART") == meeting.starts_at.astimezone(LOCAL_TZ)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=60)
    assert str(event["SUMMARY"]) == f"SIP-uppföljning: Å.Ö. (plan {plan.id})"
    assert str(event["LOCATION"]) == "Socialtjänsten, Storgatan 1"
    assert b"Europe/Stockholm" in data


def test_calendar_export_reexport_keeps_uid_and_raises_sequence(services, plans, clock) -> None:
    plan = plans.active()
    meeting_id = plan.meetings[0].id
    first = _events(services.calendar.invitation_calendar(plan.id, meeting_id))[0]
    clock.set(clock.current + timedelta(minutes=5))
    plans.action(services.plans.get_plan(plan.id), 5)

    second = _events(services.calendar.invitation_calendar(plan.id, meeting_id))[0]

    assert second["UID"] == first["UID"]
    assert int(second["SEQUENCE"]) > int(first["SEQUENCE"])
    assert second.decoded("LAST-MODIFIED") >= first.decoded("LAST-MODIFIED")


def test_calendar_export_marks_cancelled_meeting(services, plans) -> None:
    plan = plans.active()
    meeting = plan.meetings[0]
    data = services.meetings.update_meeting(
        plan.id,
        plan.version,
        meeting.id,
        _as_data(meeting, status=MeetingStatus.CANCELLED),
    )

    (event,) = _events(services.calendar.invitation_calendar(data.plan.id, meeting.id))

    assert str(event["STATUS"]) == "CANCELLED"


def _as_data(meeting: Any, **changes: Any) -> MeetingData:
    names = {f.name for f in fields(MeetingData)}
    base = MeetingData(**{n: getattr(meeting, n) for n in names})
    return replace(base, **changes)


def test_calendar_export_hides_place_and_identity_of_protected_person(services, plans) -> None:
    identity = make_identity(date(1990, 5, 17), 432)
    plan = plans.active(
        identity_number=identity,
        protected_identity=True,
        first_name="Skyddad",
        last_name="Person",
        address="Hemliga vägen 7",
    )

    data = services.calendar.invitation_calendar(plan.id, plan.meetings[0].id)

    text = data.decode()
    (event,) = _events(data)
    assert "LOCATION" not in event
    assert "Storgatan" not in text and "Hemliga" not in text
    assert identity not in text and identity.replace("-", "") not in text
    assert str(event["SUMMARY"]) == f"SIP-uppföljning (plan {plan.id})"
    assert "S.P." not in text and "Skyddad" not in text and "ATTENDEE" not in event


def test_calendar_export_worklist_holds_booked_meetings_in_window(services, plans) -> None:
    alva = plans.meeting(plans.active(first_name="Alva"), 4)
    plans.meeting(plans.active(first_name="Bo"), 20)
    soon = min(alva.meetings, key=lambda m: m.starts_at)

    events = _events(services.calendar.worklist_calendar(WorklistFilter()))
    near = _events(services.calendar.worklist_calendar(WorklistFilter(due_within_days=7)))

    assert [str(e["SUMMARY"]) for e in events] == [
        f"SIP-uppföljning: A.T. (plan {alva.id})",
        f"SIP-uppföljning: B.T. (plan {alva.id + 1})",
    ]
    assert [str(e["UID"]).split("@")[0] for e in near] == [f"sip-desk-meeting-{soon.id}"]


def test_calendar_export_invitation_lists_attendees_by_role(services, plans) -> None:
    plan = plans.active()
    plan = services.items.add(
        "participant",
        plan.id,
        plan.version,
        ParticipantData(
            name="Sara Skolkurator",
            organisation="Norrskolan",
            email="sara@example.se",
            invitation=InvitationKind.INVITED,
        ),
    ).plan

    meeting_id = plan.meetings[0].id
    (default,) = _events(services.calendar.invitation_calendar(plan.id, meeting_id))
    assert "ATTENDEE" not in default  # other people's names only in full mode
    (event,) = _events(services.calendar.invitation_calendar(plan.id, meeting_id, full_names=True))

    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:sara@example.se"
    assert attendee.params["CN"] == "Sara Skolkurator"
    assert attendee.params["ROLE"] == "OPT-PARTICIPANT"
    exports = [e for e in services.audit.entries(plan_id=plan.id) if e.action is AuditAction.EXPORT]
    assert [e.entity for e in exports] == ["calendar", "calendar"]


def test_calendar_export_write_reports_missing_folder(services, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as info:
        services.calendar.write(tmp_path / "saknas" / "plan.ics", b"x")

    assert "kunde inte skrivas" in info.value.message("sv")


def test_calendar_events_name_the_person_in_full_only_when_the_setting_says_so(
    services, plans
) -> None:
    plan = plans.meeting(plans.active(first_name="Åsa", last_name="Öberg"), 4)
    sara = plans.active(first_name="Sara", last_name="Dold", protected_identity=True)
    plans.meeting(sara, 5)
    default = services.calendar.worklist_calendar(WorklistFilter()).decode()
    assert "Öberg" not in default and "Åsa" not in default
    assert f"Å.Ö. (plan {plan.id})" in default

    documents = services.documents
    documents.save_settings(replace(documents.settings(), calendar_full_names=True))
    full = [str(e["SUMMARY"]) for e in _events(services.calendar.worklist_calendar())]
    assert "Å.Ö." not in " ".join(full)
    assert full == ["SIP-uppföljning: Åsa Öberg", f"SIP-uppföljning (plan {sara.id})"]
    asked = services.calendar.worklist_calendar(WorklistFilter(), full_names=False).decode()
    assert "Öberg" not in asked
