"""Generated persons (with unique, checksum-valid invented identity numbers) and plan texts."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sip_desk.domain.enums import (
    ConsentForm,
    ConsentGiver,
    PlanStatus,
    RepresentativeKind,
)
from sip_desk.domain.identity import make_identity
from sip_desk.domain.plan import DEFAULT_LEGAL_REFERENCE
from sip_desk.services.demo_generator_data import (
    FIRST_NAMES,
    LANGUAGES,
    LAST_NAMES,
    RELATIVES,
    STREETS,
    Profile,
)

if TYPE_CHECKING:
    from sip_desk.services.demo_generator_rows import Batch

Row = dict[str, Any]
ADULT = 18
_MATTERS = (
    "Att bli lyssnad på och att alla vet vad de ska göra.",
    "Att min familj mår bra.",
    "Att slippa berätta samma sak för alla.",
    "Att få bestämma själv så mycket som möjligt.",
)
_STRENGTHS = (
    "Envis och har klarat svåra saker förut.",
    "Har stöd av familj och vänner.",
    "Tycker om att laga mat och att vara ute i naturen.",
    "Vill förändra sin situation och är öppen i samtalen.",
)


def professional_name(rng: random.Random) -> str:
    """A fictional full name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


class PeopleMaker:
    """Makes person rows and the plan texts around them.

    ``taken`` holds every identity number already stored or made in this run, so numbers stay
    unique without asking the store.
    """

    def __init__(self, rng: random.Random, taken: set[str], today: date, now: datetime) -> None:
        self.rng = rng
        self.taken = taken
        self.today = today
        self.now = now

    def identity(self, age: int, coordination: bool) -> str:
        """A new unique identity number for someone ``age`` years old."""
        while True:
            born = self.today - timedelta(days=age * 365 + self.rng.randint(1, 360))
            number = make_identity(born, self.rng.randint(1, 999), coordination)
            if number not in self.taken:
                self.taken.add(number)
                return number

    def person(self, batch: Batch, profile: Profile, kommun: str) -> int:
        """Add a person (and guardians for a child); return the person id."""
        rng = self.rng
        age = rng.randint(*profile.ages)
        roll = rng.random()
        number = None if roll < 0.02 else self.identity(age, roll > 0.96)
        language, interpreter = ("sv", "")
        if rng.random() < (0.4 if profile.key == "family" else 0.08):
            language, interpreter = rng.choice(LANGUAGES)
        person_id = batch.next_id["persons"]
        last = rng.choice(LAST_NAMES)
        batch.add(
            "persons",
            {
                "first_name": rng.choice(FIRST_NAMES), "last_name": last,
                "identity_number": number,
                "reserve_id": None if number else f"R{self.today:%Y}-{person_id:06d}",
                "phone": f"070-174 06 {rng.randint(5, 99):02d}", "email": "",
                "address": f"{rng.choice(STREETS)} {rng.randint(1, 60)}, 123 {rng.randint(10, 99)} "
                f"{kommun}",
                "preferred_language": language,
                "interpreter_needed": bool(interpreter) and rng.random() < 0.7,
                "interpreter_language": interpreter,
                "protected_identity": rng.random() < 0.01, "created_at": self.now,
            },
        )  # fmt: skip
        if age < ADULT:
            for position in range(rng.choice((1, 2, 2))):
                name = f"{rng.choice(FIRST_NAMES)} {last}"
                batch.add("representatives", _representative(person_id, position, name))
        return person_id

    def relative_role(self, profile: Profile) -> str:
        """The role text of a relative at the table."""
        return "Vårdnadshavare" if profile.key == "youth" else self.rng.choice(RELATIVES)

    def plan_row(
        self, person_id: int, profile: Profile, status: PlanStatus, requested: date, first: date
    ) -> Row:
        """A plan row; lead principal and times are filled in by the caller."""
        rng = self.rng
        held = status is not PlanStatus.DRAFT
        closed = status is PlanStatus.CLOSED
        crisis = profile.key in {"addiction", "psychiatry"}
        return {
            "version": 1, "person_id": person_id, "status": status,
            "closed_reason": "Målen är uppnådda." if closed else "",
            "closed_on": self.today - timedelta(days=rng.randint(1, 40)) if closed else None,
            "reason": profile.reason,
            "meeting_question": "Vem gör vad, och när följer vi upp?",
            "requested_by": rng.choice(("Personen själv", "Socialtjänsten", "Vården", "Skolan")),
            "requested_on": requested, "lead_principal": None, "lead_organisation_id": None,
            "made_with_person": True if held else None, "not_with_person_reason": "",
            "plan_consent_given": held, "plan_consent_date": first if held else None,
            "plan_consent_form": ConsentForm.WRITTEN if held else None,
            "plan_consent_given_by": ConsentGiver.PERSON if held else None,
            "what_matters": rng.choice(_MATTERS), "strengths": rng.choice(_STRENGTHS),
            "person_own_actions": "Komma på mötena och säga till om något inte fungerar.",
            "relatives_own_actions": "",
            "crisis_warning_signs": "Sover dåligt, drar sig undan." if crisis else "",
            "crisis_actions": "Ring kontaktpersonen samma dag; vid fara 112." if crisis else "",
            "crisis_contacts": "Socialjouren 010-174 06 99" if crisis else "",
            "legal_reference": DEFAULT_LEGAL_REFERENCE, "print_language": "sv",
            "created_at": None, "updated_at": None,
        }  # fmt: skip

    @staticmethod
    def consent_row(plan_id: int, org: int, start: date, until: date, revoked: date | None) -> Row:
        """An information-sharing consent row."""
        return {
            "plan_id": plan_id, "organisation_id": org,
            "information_shared": "Planens innehåll och insatsernas uppläggning",
            "information_excluded": "", "valid_from": start, "valid_until": until,
            "form": ConsentForm.WRITTEN, "given_by": ConsentGiver.PERSON, "given_by_name": "",
            "revoked_on": revoked,
        }  # fmt: skip


def _representative(person_id: int, position: int, name: str) -> Row:
    return {
        "person_id": person_id, "position": position, "kind": RepresentativeKind.GUARDIAN,
        "name": name, "phone": "", "email": "",
    }  # fmt: skip
