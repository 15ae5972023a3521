"""Retention (gallring): when a closed plan is due for deletion.

Social services records are kept for a period after the last entry (SoL 26 kap. 16 §: five
years after the last entry in the file). A closed plan is due when ``years`` full years have
passed since its *last entry*: the latest of its last change, closing date, versions and
meetings. An open plan is never due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sip_desk.domain.errors import ValidationError

DEFAULT_YEARS = 5
MIN_YEARS = 1
MAX_YEARS = 100
YEARS_SETTING = "retention.years"
"""The key of the retention period in the store's ``settings`` table."""


@dataclass(frozen=True, kw_only=True)
class DueForDeletion:
    """A closed plan whose retention period has ended."""

    plan_id: int
    person_name: str
    closed_on: date | None
    last_entry: date
    due_on: date


def due_on(last_entry: date, years: int) -> date:
    """The day ``years`` years after ``last_entry`` (29 February: 28 February)."""
    try:
        return last_entry.replace(year=last_entry.year + years)
    except ValueError:
        return last_entry.replace(year=last_entry.year + years, day=28)


def parse_years(value: object) -> int:
    """A retention period in whole years, ``MIN_YEARS``–``MAX_YEARS``."""
    text = str(value).strip()
    years = int(text) if text.lstrip("-").isdigit() else 0
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError("retention.years", "retention.years", min=MIN_YEARS, max=MAX_YEARS)
    return years
