"""The rules of a follow-up record: the suggested next meeting and what must be evaluated."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from sip_desk.domain.enums import MeetingKind
from sip_desk.domain.errors import ValidationErrors
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.follow_up_record import UnevaluatedError, suggest_next
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.validation import validate_meeting


def _local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TZ)


def test_suggest_next_keeps_eight_o_clock_across_the_spring_change() -> None:
    held = _local("2027-03-20T08:00")  # winter time (+01:00)

    suggested = suggest_next(held, 2, now=_local("2027-03-20T10:00"))

    local = suggested.astimezone(LOCAL_TZ)
    assert (local.date().isoformat(), local.time()) == ("2027-04-03", time(8, 0))
    assert local.utcoffset() == timedelta(hours=2)  # summer time after 28 March
    assert suggested.astimezone(UTC).hour == 6  # not 07:00 UTC, which would be 09:00 local


def test_suggest_next_keeps_eight_o_clock_across_the_autumn_change() -> None:
    held = _local("2027-10-23T08:00")  # summer time (+02:00)

    suggested = suggest_next(held, 2, now=_local("2027-10-23T09:30"))

    local = suggested.astimezone(LOCAL_TZ)
    assert (local.date().isoformat(), local.time()) == ("2027-11-06", time(8, 0))
    assert local.utcoffset() == timedelta(hours=1)  # winter time after 31 October


def test_suggest_next_counts_from_the_meetings_own_date_not_from_today() -> None:
    held = _local("2027-03-20T13:30")

    suggested = suggest_next(held, 8, now=_local("2027-03-23T16:00"))  # written three days late

    assert suggested.astimezone(LOCAL_TZ) == _local("2027-05-15T13:30")


def test_suggest_next_counts_from_today_when_recorded_so_late_it_would_be_past() -> None:
    held = _local("2027-03-20T08:00")
    now = _local("2027-04-10T11:00")

    suggested = suggest_next(held, 2, now=now)

    assert suggested > now
    assert suggested.astimezone(LOCAL_TZ) == _local("2027-04-24T08:00")


def test_suggest_next_never_gives_a_time_in_the_past() -> None:
    held = _local("2026-01-05T09:15")
    for weeks in (2, 4, 6, 8, 12):
        for day in range(1, 29):
            now = _local(f"2026-02-{day:02d}T09:16")
            assert suggest_next(held, weeks, now=now) > now


def test_follow_up_in_the_past_message_shows_local_time_not_utc() -> None:
    booked = MeetingData(kind=MeetingKind.FOLLOW_UP, starts_at=_local("2027-04-03T08:00"))

    with pytest.raises(ValidationErrors) as info:
        validate_meeting(booked, _local("2027-04-05T08:00"), time_changed=True)

    assert "(2027-04-03 08:00)" in info.value.message("sv")
    assert "06:00" not in info.value.message("en")


def test_unevaluated_error_names_every_goal_and_action() -> None:
    error = UnevaluatedError(["Ha ett eget boende"], ["Boendestöd", "Samtal"])

    assert error.count == 3
    assert error.message("sv").startswith(
        "Inte bedömt än (3): målet ”Ha ett eget boende”, insatsen ”Boendestöd”, insatsen ”Samtal”."
    )
    assert 'the action "Samtal"' in error.message("en")
