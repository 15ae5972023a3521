"""Person rows: find by identity number, create with a reserve id, update with audit.

Nothing here writes over a stored person unasked: a new plan or an import for a known identity
number goes through :mod:`sip_desk.domain.person_match`, and protected identity is switched off
only when the caller says the user confirmed it (``unprotect``).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sip_desk.db.models import Person, Plan, Representative
from sip_desk.db.repositories import person_by_identity
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.person_match import KnownPerson
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

    Raises:
        ValidationErrors: the identity number belongs to another person.
        DomainError: ``person.protection_sticky`` when ``data`` switches protected identity
            off and the caller has not passed ``unprotect`` (the user's confirmation).
    """
    if row.protected_identity and not data.protected_identity and not unprotect:
        raise DomainError("person.protection_sticky")
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
