"""Persons: found, created and updated with audit; an imported person matched, never overwritten."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sip_desk.db.models import Person, Plan, Representative
from sip_desk.db.repositories import person_by_identity
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.person_match import KnownPerson, PersonMatch, compare_person
from sip_desk.services.audit import AuditLog

# --- Person rows: find by identity number, create with a reserve id, update with audit.

PERSON_COLUMNS = tuple(f.name for f in fields(PersonData) if f.name != "representatives")
"""The fields of :class:`PersonData` that are columns of ``persons`` under the same name."""


def known_person(session: Session, row: Person) -> KnownPerson:
    """What a dialog may show of a stored person: name, protection, number of plans."""
    count = session.scalar(select(func.count(Plan.id)).where(Plan.person_id == row.id)) or 0
    return KnownPerson(
        id=row.id,
        first_name=row.first_name,
        last_name=row.last_name,
        protected_identity=row.protected_identity,
        plan_count=count,
    )


def person_data_of(row: Person) -> PersonData:
    """A stored person as editable data."""
    return PersonData(
        **{name: getattr(row, name) for name in PERSON_COLUMNS},
        representatives=tuple(
            RepresentativeData(kind=r.kind, name=r.name, phone=r.phone, email=r.email)
            for r in row.representatives
        ),
    )


def create_person(session: Session, data: PersonData, log: AuditLog) -> Person:
    """A new person from ``data``; one without an identity number gets a reserve id.

    The reserve id has the form ``R<year>-<id>``. The caller has made sure that no stored
    person has ``data``'s identity number.
    """
    row = Person(**{name: getattr(data, name) for name in PERSON_COLUMNS})
    row.representatives = _representative_rows(data.representatives)
    session.add(row)
    session.flush()
    if not row.identity_number:
        row.reserve_id = f"R{log.at:%Y}-{row.id:06d}"
    log.person_id = row.id
    log.record(AuditAction.CREATE, "person", row.id, new=data.full_name)
    return row


def update_person_row(
    session: Session, row: Person, data: PersonData, log: AuditLog, unprotect: bool = False
) -> bool:
    """Write changed person columns (not the representatives), each logged old → new.

    Protected identity is switched off only with ``unprotect`` (the user's confirmation).
    """
    if row.protected_identity and not data.protected_identity and not unprotect:
        raise DomainError("person.protection_sticky")
    if data.identity_number and data.identity_number != row.identity_number:
        other = person_by_identity(session, data.identity_number)
        if other is not None and other.id != row.id:
            code, value = "validation.identity_taken", data.identity_number
            raise ValidationErrors([ValidationError("person.identity_number", code, value=value)])
    changed = log.apply(row, "person", {n: getattr(data, n) for n in PERSON_COLUMNS})
    if row.identity_number is None and row.reserve_id is None:
        session.flush()
        row.reserve_id = f"R{log.at:%Y}-{row.id:06d}"
    return changed


def update_representatives(
    row: Person, reps: tuple[RepresentativeData, ...], log: AuditLog
) -> bool:
    """Replace the person's representatives when they differ; logged old → new."""
    old = [(r.kind, r.name, r.phone, r.email) for r in row.representatives]
    new = [(r.kind, r.name, r.phone, r.email) for r in reps]
    if old == new:
        return False
    row.representatives = _representative_rows(reps)
    log.record(AuditAction.UPDATE, "person", row.id, "representatives", str(old), str(new))
    return True


def _representative_rows(reps: tuple[RepresentativeData, ...]) -> list[Representative]:
    return [
        Representative(position=i, kind=r.kind, name=r.name, phone=r.phone, email=r.email)
        for i, r in enumerate(reps)
    ]


# --- The person of an imported plan: matched to the stored person, never silently written over.


def match_person(
    session: Session, person: PersonData, has_address: bool
) -> tuple[Person | None, PersonMatch]:
    """The stored person with ``person``'s identity number, and how the file differs from it.

    Nothing is written. ``has_address`` is False when the file leaves the address out.
    """
    found = person_by_identity(session, person.identity_number) if person.identity_number else None
    if found is None:
        return None, PersonMatch()
    differences = compare_person(person_data_of(found), person, has_address)
    return found, PersonMatch(known=known_person(session, found), differences=differences)


def attach_person(
    session: Session, person: PersonData, has_address: bool, log: AuditLog, update: bool
) -> tuple[Person, PersonMatch]:
    """The person an imported plan belongs to: the stored one, or a new one.

    The stored person keeps its details unless ``update`` (the user asked); even then protected
    identity is never switched off and a protected person's address never comes from the file.
    A file that marks the person as protected switches protection on. Every change is logged,
    and so are the differences left unapplied (field names only).
    """
    found, match = match_person(session, person, has_address)
    if found is None:
        return create_person(session, person, log), match
    log.person_id = found.id
    match = PersonMatch(known=match.known, differences=match.differences, updated=update)
    target = match.apply(person_data_of(found))
    update_person_row(session, found, target, log)
    update_representatives(found, target.representatives, log)
    kept = [d.field for d in match.differences if d not in match.applied]
    if kept:
        log.record(AuditAction.IMPORT, "person", found.id, "not_applied", new=",".join(kept))
    return found, match
