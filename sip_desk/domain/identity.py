"""Swedish identity numbers: personnummer and samordningsnummer (coordination number)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from personnummer import personnummer

from sip_desk.domain.errors import ValidationError

_FIELD = "person.identity_number"
_SHAPE = re.compile(r"^(\d{8}|\d{6})[-+]?\d{4}$")


@dataclass(frozen=True, slots=True)
class IdentityNumber:
    """A checked identity number in the long form ``YYYYMMDD-NNNN``."""

    value: str
    birth_date: date
    is_coordination_number: bool


def mask_identity(value: str | None) -> str:
    """Hide the last four digits (``19840312-****``); empty for no number."""
    if not value:
        return ""
    return value[:-4] + "****"


def parse_identity(raw: str, today: date) -> IdentityNumber:
    """Validate and normalise what the user typed (spaces ignored, dash optional).

    ``today`` rejects birth dates in the future.

    Raises:
        ValidationError: with a specific code for format, date and checksum problems.
    """
    text = re.sub(r"\s", "", raw)
    if not _SHAPE.match(text):
        raise ValidationError(_FIELD, "validation.identity_format")
    digits = re.sub(r"\D", "", text)
    if len(digits) == 10:
        # A short form is read as the most recent possible century ("+" means 100 years more).
        parsed = _parse(text)
        digits = parsed.full_year + digits[2:]
    if not _valid_date(digits):
        raise ValidationError(_FIELD, "validation.identity_date")
    parsed = _parse(digits[:8] + "-" + digits[8:])
    born = parsed.get_date()
    if born > today:
        raise ValidationError(_FIELD, "validation.identity_future")
    return IdentityNumber(
        value=f"{digits[:8]}-{digits[8:]}",
        birth_date=born,
        is_coordination_number=bool(parsed.is_coordination_number()),
    )


def _valid_date(digits: str) -> bool:
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if day > 60:
        day -= 60
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _parse(text: str) -> personnummer.Personnummer:
    try:
        return personnummer.parse(text)
    except personnummer.PersonnummerParseException as exc:
        raise ValidationError(_FIELD, "validation.identity_format") from exc
    except personnummer.PersonnummerException as exc:
        raise ValidationError(_FIELD, "validation.identity_checksum") from exc


def luhn_check_digit(nine_digits: str) -> int:
    """The check digit for the nine digits YYMMDDNNN (used to invent valid demo numbers)."""
    total = 0
    for i, ch in enumerate(nine_digits):
        v = int(ch) * (2 - i % 2)
        total += v - 9 if v > 9 else v
    return (10 - total % 10) % 10


def make_identity(born: date, serial: int, coordination: bool = False) -> str:
    """A checksum-valid identity number for ``born`` and a three-digit ``serial``.

    Used for fictional demo and test data only.
    """
    day = born.day + (60 if coordination else 0)
    nine = f"{born:%y%m}{day:02d}{serial % 1000:03d}"
    if nine.endswith("000"):
        nine = nine[:-3] + "001"
    return f"{born:%Y%m}{day:02d}-{nine[6:]}{luhn_check_digit(nine)}"
