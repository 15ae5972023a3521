"""Participants of a SIP and their consents to share information."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sip_desk.domain.enums import ConsentForm, ConsentGiver, InvitationKind, PrincipalType


def invitation_for(principal: PrincipalType) -> InvitationKind:
    """How a participant is asked to the meeting: summoned or invited.

    Obliged principals (kommun, region) are summoned (kallas), other actors invited (bjuds in).
    """
    return InvitationKind.INVITED if principal is PrincipalType.OTHER else InvitationKind.SUMMONED


@dataclass(frozen=True, kw_only=True)
class ParticipantData:
    """Someone taking part in the plan: a professional, a relative or another actor.

    ``organisation`` is empty for relatives. ``contact_role`` names a role the person can call,
    e.g. "Fast vårdkontakt".
    """

    name: str
    organisation: str = ""
    principal: PrincipalType = PrincipalType.OTHER
    unit: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    invitation: InvitationKind = InvitationKind.SUMMONED
    present: bool = False
    is_relative: bool = False
    is_chair: bool = False
    contact_role: str = ""


@dataclass(frozen=True, kw_only=True)
class ParticipantDto(ParticipantData):
    """A stored participant."""

    id: int
    position: int = 0

    @property
    def label(self) -> str:
        """The name, with the organisation in brackets when there is one."""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True, kw_only=True)
class InformationConsentData:
    """Consent to share information with one organisation (secrecy is the default)."""

    organisation: str
    principal: PrincipalType = PrincipalType.OTHER
    information_shared: str = ""
    information_excluded: str = ""
    valid_from: date
    valid_until: date | None = None
    form: ConsentForm = ConsentForm.WRITTEN
    given_by: ConsentGiver = ConsentGiver.PERSON
    given_by_name: str = ""
    revoked_on: date | None = None

    def is_valid_on(self, day: date) -> bool:
        """True when the consent covers ``day``: started, not expired, not revoked."""
        if self.revoked_on is not None and self.revoked_on <= day:
            return False
        if day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until


@dataclass(frozen=True, kw_only=True)
class InformationConsentDto(InformationConsentData):
    """A stored information-sharing consent."""

    id: int
