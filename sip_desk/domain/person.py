"""The person a plan is about, and their guardians or legal representatives."""

from __future__ import annotations

from dataclasses import dataclass

from sip_desk.domain.enums import RepresentativeKind
from sip_desk.domain.identity import mask_identity


@dataclass(frozen=True, kw_only=True)
class RepresentativeData:
    """A guardian (vårdnadshavare) or legal representative (god man, förvaltare)."""

    kind: RepresentativeKind = RepresentativeKind.GUARDIAN
    name: str
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, kw_only=True)
class PersonData:
    """Editable facts about the person.

    ``identity_number`` is a personnummer or samordningsnummer, or ``None`` when the person has
    none; the store then gives a local reserve id. When ``protected_identity`` is set the address
    never leaves the store: not in lists, prints, invitations, calendar files or exports.
    """

    first_name: str
    last_name: str
    identity_number: str | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    preferred_language: str = "sv"
    interpreter_needed: bool = False
    interpreter_language: str = ""
    protected_identity: bool = False
    representatives: tuple[RepresentativeData, ...] = ()

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, kw_only=True)
class PersonDto(PersonData):
    """A stored person."""

    id: int
    reserve_id: str | None = None

    @property
    def masked_identity(self) -> str:
        """Identity number with the last four digits hidden, or the reserve id."""
        return mask_identity(self.identity_number) or (self.reserve_id or "")
