"""Person rows: find by identity number, create with a reserve id, update with audit."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sip_desk.db.models import Person, Representative
from sip_desk.db.repositories import person_by_identity
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.person import PersonData
from sip_desk.services.audit_log import AuditLog

PERSON_COLUMNS = (
    "first_name",
    "last_name",
    "identity_number",
    "phone",
    "email",
    "address",
    "preferred_language",
    "interpreter_needed",
    "interpreter_language",
    "protected_identity",
)


def find_or_create_person(session: Session, data: PersonData, log: AuditLog) -> Person:
    """The stored person with ``data``'s identity number (updated to ``data``), or a new one.

    A person without an identity number gets a local reserve id ``R<year>-<id>``.
    """
    if data.identity_number:
        found = person_by_identity(session, data.identity_number)
        if found is not None:
            update_person_row(session, found, data, log)
            return found
    row = Person(**{name: getattr(data, name) for name in PERSON_COLUMNS})
    row.representatives = [
        Representative(position=i, kind=r.kind, name=r.name, phone=r.phone, email=r.email)
        for i, r in enumerate(data.representatives)
    ]
    session.add(row)
    session.flush()
    if not row.identity_number:
        row.reserve_id = f"R{log.at:%Y}-{row.id:06d}"
    log.person_id = row.id
    log.record(AuditAction.CREATE, "person", row.id, new=data.full_name)
    return row


def update_person_row(session: Session, row: Person, data: PersonData, log: AuditLog) -> bool:
    """Write changed person columns; refuse an identity number that another person has."""
    if data.identity_number and data.identity_number != row.identity_number:
        other = person_by_identity(session, data.identity_number)
        if other is not None and other.id != row.id:
            raise ValidationErrors(
                [
                    ValidationError(
                        "person.identity_number",
                        "validation.identity_taken",
                        value=data.identity_number,
                    )
                ]
            )
    changed = log.apply(row, "person", {n: getattr(data, n) for n in PERSON_COLUMNS})
    if row.identity_number is None and row.reserve_id is None:
        session.flush()
        row.reserve_id = f"R{log.at:%Y}-{row.id:06d}"
    return changed
