"""The fixed labels of the plan PDF: the keys ``pdf.*`` of the text catalogue (:mod:`text`).

Swedish is the default; every print language is complete. Arabic, Dari and Persian are written
right to left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sip_desk.domain.languages import RIGHT_TO_LEFT
from sip_desk.domain.text import text
from sip_desk.pdf.bidi_lines import isolate

RTL_LANGUAGES = RIGHT_TO_LEFT

_ENUM_PREFIX = {
    "PrincipalType": "principal",
    "ActionStatus": "status",
    "ConsentForm": "form",
    "ConsentGiver": "giver",
    "InvitationKind": "invitation",
    "GoalTerm": "term",
    "GoalOutcome": "outcome",
    "ReviewStatus": "status",
    "FollowUpDecision": "decision",
    "MeetingKind": "kind",
    "MeetingStatus": "meeting",
    "RepresentativeKind": "rep",
    "VersionState": "state",
    "PlanStatus": "plan",
}


@dataclass(frozen=True)
class Labels:
    """Labels in one language; unknown languages fall back to Swedish, missing keys too."""

    language: str

    @property
    def rtl(self) -> bool:
        """True when the language is written right to left."""
        return self.language in RTL_LANGUAGES

    def __call__(self, key: str, **values: object) -> str:
        """The label for ``key`` with ``{placeholders}`` filled in.

        Each value is a bidi isolate, so a Swedish name in an Arabic sentence (or the
        reverse) keeps its own direction and punctuation.
        """
        isolated = {name: isolate(str(value)) for name, value in values.items()}
        return text(self.language, f"pdf.{key}", **isolated)

    def pair(self, key: str, value: str) -> str:
        """``label: value`` with the value isolated (see :meth:`__call__`)."""
        return f"{self(key)}: {isolate(value)}"

    def enum(self, value: StrEnum) -> str:
        """The display name of a domain enum value."""
        prefix = _ENUM_PREFIX[type(value).__name__]
        return self(f"{prefix}.{value.value}")

    def yes_no(self, value: bool | None) -> str:
        """The words yes or no, or a dash when not recorded."""
        if value is None:
            return self("none")
        return self("yes") if value else self("no")

    def date(self, day: date | None) -> str:
        """A date in words with its weekday, e.g. "tisdag 28 februari 2027" (empty for None)."""
        if day is None:
            return ""
        weekday = self("weekdays").split()[day.weekday()]
        month = self("months").split()[day.month - 1]
        return text(
            self.language,
            "pdf.date_long",
            weekday=weekday,
            day=day.day,
            month=month,
            year=day.year,
        )
