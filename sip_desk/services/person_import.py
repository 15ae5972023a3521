"""The person of an imported plan: matched to the stored person, never silently written over.

See :mod:`sip_desk.domain.person_match` for the rules. Both functions work inside the caller's
transaction.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sip_desk.db.models import Person
from sip_desk.db.repositories import person_by_identity
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.person import PersonData
from sip_desk.domain.person_match import PersonMatch, apply_differences, compare_person
from sip_desk.services.audit_log import AuditLog
from sip_desk.services.person_store import (
    create_person,
    known_person,
    person_data_of,
    update_person_row,
    update_representatives,
)


def match_person(
    session: Session, person: PersonData, has_address: bool
) -> tuple[Person | None, PersonMatch]:
    """The stored person with ``person``'s identity number, and how the file differs from it.

    Args:
        session: the caller's session; nothing is written.
        person: the file's person (checked, identity number normalised).
        has_address: False when the file leaves the address out.
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
    target = apply_differences(person_data_of(found), match.differences, update)
    update_person_row(session, found, target, log)
    update_representatives(found, target.representatives, log)
    kept = [d.field for d in match.differences if d not in match.applied]
    if kept:
        log.record(AuditAction.IMPORT, "person", found.id, "not_applied", new=",".join(kept))
    return found, match
