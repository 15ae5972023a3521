"""The shape of a demo case: plain data that :mod:`demo_cases` feeds through the services.

References between items (the responsible person of an action, the need it answers, its goals,
the convenor of a meeting) are indexes into the case's own lists, resolved to ids as the case is
built. Dates are given relative to the clock, so a demo store always looks current.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sip_desk.domain.enums import ActionStatus, GoalTerm, MeetingKind, MeetingStatus, PrincipalType
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanFields
from sip_desk.services.context import LOCAL_TZ

SATURDAY = 5
_HOLIDAYS = {(12, 24), (12, 25), (12, 26), (12, 31), (1, 1), (1, 6)}


@dataclass(frozen=True, kw_only=True)
class DemoGoal:
    """A goal in the person's own words; ``parent`` makes it a sub-goal of an earlier goal."""

    text: str
    term: GoalTerm = GoalTerm.LONG
    parent: int | None = None


@dataclass(frozen=True, kw_only=True)
class DemoAction:
    """An action; ``responsible``, ``need`` and ``goals`` are indexes into the case's lists."""

    description: str
    principal: PrincipalType
    organisation: str
    unit: str = ""
    responsible: int
    need: int | None = None
    goals: tuple[int, ...] = ()
    start: date
    end: date | None
    status: ActionStatus = ActionStatus.PLANNED
    other_actor: bool = False


@dataclass(frozen=True, kw_only=True)
class DemoMeeting:
    """A meeting; ``convenor`` is an index into the participants."""

    kind: MeetingKind
    status: MeetingStatus
    starts_at: datetime
    place: str = ""
    video_link: str = ""
    convenor: int | None = None
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class DemoCase:
    """One fictional plan, complete enough to be signed unless ``activate`` is false."""

    key: str
    person: PersonData
    fields: PlanFields
    participants: tuple[ParticipantData, ...] = ()
    coordinator: int | None = None
    consents: tuple[InformationConsentData, ...] = ()
    needs: tuple[str, ...] = ()
    goals: tuple[DemoGoal, ...] = ()
    actions: tuple[DemoAction, ...] = ()
    meetings: tuple[DemoMeeting, ...] = ()
    activate: bool = True


def birth_date(today: date, age: int, month: int, day: int) -> date:
    """The birth date on ``month``/``day`` that makes someone ``age`` years old ``today``.

    The date (and so the identity number) only changes once a year, on the birthday, so loading
    the demo again the next day finds the same people.
    """
    year = today.year - age - (0 if (today.month, today.day) >= (month, day) else 1)
    return date(year, month, day)


def local_time(day: date, hour: int, minute: int = 0) -> datetime:
    """A Swedish wall-clock time on ``day``, as an aware datetime.

    A weekend or a Christmas/New Year holiday moves to the next working day.
    """
    while day.weekday() >= SATURDAY or (day.month, day.day) in _HOLIDAYS:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL_TZ)


def days(today: date, offset: int) -> date:
    """``today`` moved by ``offset`` days."""
    return today + timedelta(days=offset)


def first_and_follow_up(
    first: date,
    hour: int,
    place: str,
    convenor: int,
    *,
    weeks: int,
    notes: str,
    video_link: str = "",
) -> tuple[DemoMeeting, DemoMeeting]:
    """The held first meeting and the follow-up booked ``weeks`` later at the same hour.

    Args:
        first: the day of the first meeting.
        hour: the local hour both meetings start.
        place: where both meetings are held.
        convenor: index of the convening participant.
        weeks: weeks from the first meeting to the follow-up.
        notes: what was noted at the first meeting.
        video_link: a video link for the follow-up, if any.
    """
    return (
        DemoMeeting(
            kind=MeetingKind.FIRST,
            status=MeetingStatus.HELD,
            starts_at=local_time(first, hour),
            place=place,
            convenor=convenor,
            notes=notes,
        ),
        DemoMeeting(
            kind=MeetingKind.FOLLOW_UP,
            status=MeetingStatus.BOOKED,
            starts_at=local_time(first + timedelta(weeks=weeks), hour),
            place=place,
            video_link=video_link,
            convenor=convenor,
        ),
    )
