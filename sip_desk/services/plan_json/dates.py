"""Reading a file as of today: its dates moved by the days since it was written.

The demo cases (``resources/demo/*.json``) are ordinary export files. Imported "as of today",
every date and moment of the plan moves by the whole days between the file's ``exported_at`` and
today, so the cases always look current: a follow-up booked eight weeks after the first meeting
is still eight weeks after it, and still ahead. Moments keep their Swedish wall-clock time; a
meeting that lands on a weekend moves on to the Monday. The person keeps their age: the birth
date in the identity number moves by whole years (with a new check digit), so loading the file
again on another day finds the same person. Signed versions are sealed and keep their dates.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sip_desk.domain.errors import ValidationError
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.identity import make_identity, parse_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.services.plan_json.model import PlanImport

SATURDAY = 5
T = TypeVar("T")


def moved_to_today(data: PlanImport, written: date, today: date) -> PlanImport:
    """``data`` with every date moved by the days from ``written`` to ``today``.

    The versions are left as they are (a signed snapshot cannot change).
    """
    days = (today - written).days
    person = dataclasses.replace(
        data.person, identity_number=aged_identity(data.person.identity_number, written, today)
    )
    return _moved(dataclasses.replace(data, person=person), days, skip={"person", "versions"})


def aged_identity(number: str | None, written: date, today: date) -> str | None:
    """The identity number of someone as old ``today`` as they were on ``written``.

    A number that cannot be read, or a birthday that does not exist in the new year
    (29 February), is returned unchanged.
    """
    if not number:
        return number
    try:
        parsed = parse_identity(number, written)
    except ValidationError:
        return number
    born = parsed.birth_date
    age = _age(born, written)
    year = today.year - age - (0 if (today.month, today.day) >= (born.month, born.day) else 1)
    try:
        born = born.replace(year=year)
    except ValueError:
        return number
    return make_identity(born, int(parsed.value[9:12]), parsed.is_coordination_number)


def _age(born: date, on: date) -> int:
    return on.year - born.year - (0 if (on.month, on.day) >= (born.month, born.day) else 1)


def _moved(obj: T, days: int, skip: frozenset[str] | set[str] = frozenset()) -> T:
    changes = {
        f.name: _value(getattr(obj, f.name), days)
        for f in dataclasses.fields(obj)  # type: ignore[arg-type]
        if f.name not in skip
    }
    if isinstance(obj, MeetingData):
        changes["starts_at"] = _working_day(changes["starts_at"])
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


def _value(value: Any, days: int) -> Any:
    if isinstance(value, datetime):
        local = value.astimezone(LOCAL_TZ).replace(tzinfo=None) + timedelta(days=days)
        return local.replace(tzinfo=LOCAL_TZ).astimezone(UTC)
    if isinstance(value, date):
        return value + timedelta(days=days)
    if isinstance(value, tuple):
        return tuple(_value(v, days) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _moved(value, days)
    return value


def _working_day(moment: datetime) -> datetime:
    local = moment.astimezone(LOCAL_TZ)
    while local.weekday() >= SATURDAY:
        local = (local.replace(tzinfo=None) + timedelta(days=1)).replace(tzinfo=LOCAL_TZ)
    return local.astimezone(UTC)


def written_on(doc: dict[str, Any]) -> date:
    """The Swedish date a schema-checked document was written (its ``exported_at``)."""
    return datetime.fromisoformat(doc["exported_at"]).astimezone(LOCAL_TZ).date()
