"""Creating, reading, listing and changing plans and the person they are about."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sip_desk.db.models import Person, Plan, Setting
from sip_desk.db.plan_read import PLAN_COLUMNS, read_plan
from sip_desk.db.plan_write import Written
from sip_desk.db.queries.retention import delete_plan_rows, due_for_deletion, retention_years
from sip_desk.db.repositories import load_plan, organisation, person_by_identity
from sip_desk.domain.access import AccessKind, AccessRead
from sip_desk.domain.completeness import MissingItem, check_completeness
from sip_desk.domain.enums import AuditAction, PlanStatus
from sip_desk.domain.errors import DomainError, NotFoundError, ValidationError, ValidationErrors
from sip_desk.domain.identity import parse_identity
from sip_desk.domain.person import PersonData
from sip_desk.domain.person_match import KnownPerson, PersonExistsError
from sip_desk.domain.plan import PlanDetail, PlanFields
from sip_desk.domain.retention import YEARS_SETTING, DueForDeletion, parse_years
from sip_desk.domain.validation import validate_person, validate_plan_fields
from sip_desk.services.account_settings import add_own_row
from sip_desk.services.audit import AuditLog, log_read, log_reads
from sip_desk.services.context import ServiceContext
from sip_desk.services.persons import (
    PERSON_COLUMNS,
    create_person,
    known_person,
    update_person_row,
    update_representatives,
)
from sip_desk.services.unit_of_work import (
    PlanEdit,
    Saved,
    edit_plan,
    ensure_draft_version,
    save_cells,
)


class PlanService:
    """Plans and their person. Every method is one transaction."""

    CELL_FIELDS = frozenset(PLAN_COLUMNS)
    """Plan fields :meth:`save_field` writes (the others go through :meth:`update_fields`)."""
    PERSON_CELLS = frozenset(PERSON_COLUMNS) - {"identity_number", "protected_identity"}
    """Person fields :meth:`save_person_field` writes (the others: :meth:`update_person`)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def find_person(self, identity_number: str) -> KnownPerson | None:
        """The stored person with this identity number (any accepted spelling; invalid: nobody)."""
        try:
            number = parse_identity(identity_number, self._ctx.clock.today()).value
        except ValidationError:
            return None
        with self._ctx.db.read() as s:
            row = person_by_identity(s, number)
            found = known_person(s, row) if row is not None else None
        if row is not None:  # looking a person up by number shows who they are and their plans
            log_read(self._ctx, AccessKind.SEARCH, None, row.id, "identity number")
        return found

    def create_plan(self, person: PersonData, fields: PlanFields | None = None) -> PlanDetail:
        """Create a draft plan for a new person.

        A stored person is never written over from here: when ``person``'s identity number is
        already stored nothing is written and :class:`PersonExistsError` says who it is; start
        the plan for them with :meth:`create_plan_for_person`.
        """
        ctx = self._ctx
        person = validate_person(person, ctx.clock.today())
        fields = fields or PlanFields()
        validate_plan_fields(fields, ctx.clock.today())
        with ctx.db.write() as s:
            found = (
                person_by_identity(s, person.identity_number) if person.identity_number else None
            )
            if found is not None:
                raise PersonExistsError(known_person(s, found))
            log = AuditLog(s, ctx.user, ctx.clock.now())
            return self._new_plan(s, create_person(s, person, log), fields, log)

    def create_plan_for_person(
        self, person_id: int, fields: PlanFields | None = None
    ) -> PlanDetail:
        """Create a draft plan for a stored person, who is left exactly as stored."""
        ctx = self._ctx
        fields = fields or PlanFields()
        validate_plan_fields(fields, ctx.clock.today())
        with ctx.db.write() as s:
            row = s.get(Person, person_id)
            if row is None:
                raise NotFoundError("person", person_id)
            log = AuditLog(s, ctx.user, ctx.clock.now(), person_id=row.id)
            return self._new_plan(s, row, fields, log)

    @staticmethod
    def _new_plan(s: Session, row: Person, fields: PlanFields, log: AuditLog) -> PlanDetail:
        now = log.at
        plan = Plan(person=row, created_at=now, updated_at=now)
        plan.lead_organisation = (
            organisation(s, fields.lead_organisation, fields.lead_principal)
            if fields.lead_principal
            else None
        )
        for name in PLAN_COLUMNS:
            setattr(plan, name, getattr(fields, name))
        s.add(plan)
        ensure_draft_version(plan, now)
        s.flush()
        log.plan_id, log.person_id = plan.id, row.id
        log.record(
            AuditAction.CREATE, "plan", plan.id, new=f"{row.first_name} {row.last_name}".strip()
        )
        add_own_row(s, plan, log)
        return read_plan(s.connection(), plan.id)

    def get_plan(self, plan_id: int) -> PlanDetail:
        """The whole plan, for display after an edit (not logged as an access)."""
        with self._ctx.db.read() as s:
            return read_plan(s.connection(), plan_id)

    def stored_version(self, plan_id: int) -> int | None:
        """The plan's version counter as stored now (``None``: gone), to see someone else saved."""
        with self._ctx.db.read() as s:
            value = s.execute(select(Plan.version).where(Plan.id == plan_id)).scalar_one_or_none()
            return int(value) if value is not None else None

    def open_plan(self, plan_id: int) -> PlanDetail:
        """Open a plan on a user's request: returns it and logs the access."""
        ctx = self._ctx
        with ctx.db.write() as s:
            detail = read_plan(s.connection(), plan_id)
            log = AuditLog(s, ctx.user, ctx.clock.now(), detail.id, detail.person.id)
            log.record(AuditAction.READ, "plan", detail.id)
            log_read(ctx, AccessKind.OPEN, detail.id, detail.person.id, conn=s.connection())
            return detail

    def log_reveal(self, plan_id: int, person_id: int) -> None:
        """Log that a protected person's masked identity number and address were shown."""
        log_read(self._ctx, AccessKind.REVEAL, plan_id, person_id, "identity number, address")

    def update_fields(self, plan_id: int, expected_version: int, fields: PlanFields) -> Saved:
        """Save the plan's own fields; only changed fields are written and logged."""
        validate_plan_fields(fields, self._ctx.clock.today())

        def change(edit: PlanEdit) -> None:
            plan = edit.plan
            edit.apply(plan, "plan", {n: getattr(fields, n) for n in PLAN_COLUMNS})
            lead = (
                organisation(edit.session, fields.lead_organisation, fields.lead_principal)
                if fields.lead_principal
                else None
            )
            edit.apply(plan, "plan", {"lead_organisation_id": lead.id if lead else None})
            self._set_coordinator(edit.plan, fields.coordinator_participant_id, edit.log)
            edit.changed |= bool(edit.session.dirty)

        return edit_plan(self._ctx, plan_id, expected_version, change)

    def save_field(self, plan: PlanDetail, name: str, value: Any) -> Written:
        """Save one of :attr:`CELL_FIELDS` of ``plan`` as the caller holds it (``save_cells``)."""
        if name not in self.CELL_FIELDS:
            raise ValueError(f"not a plan column: {name}")
        validate_plan_fields(
            dataclasses.replace(plan.fields, **{name: value}), self._ctx.clock.today()
        )
        old = getattr(plan.fields, name)
        return save_cells(self._ctx, plan, "plan", "plans", plan.id, {name: (old, value)})

    def save_person_field(self, plan: PlanDetail, name: str, value: Any) -> Written:
        """Save one of :attr:`PERSON_CELLS`, checked as :meth:`update_person` checks it."""
        if name not in self.PERSON_CELLS:
            raise ValueError(f"not a simple person field: {name}")
        names = [f.name for f in dataclasses.fields(PersonData)]
        data = PersonData(**{n: getattr(plan.person, n) for n in names})
        person = validate_person(
            dataclasses.replace(data, **{name: value}), self._ctx.clock.today()
        )
        old, new = getattr(plan.person, name), getattr(person, name)
        return save_cells(self._ctx, plan, "person", "persons", plan.person.id, {name: (old, new)})

    @staticmethod
    def _set_coordinator(plan: Plan, participant_id: int | None, log: AuditLog) -> None:
        ids = {p.id for p in plan.participants}
        if participant_id is not None and participant_id not in ids:
            raise ValidationErrors(
                [ValidationError("plan.coordinator_participant_id", "validation.unknown_reference")]
            )
        for p in plan.participants:
            log.apply(p, "participant", {"is_coordinator": p.id == participant_id})

    def update_person(
        self, plan_id: int, expected_version: int, person: PersonData, *, unprotect: bool = False
    ) -> Saved:
        """Save the person's details (identity number checked and normalised).

        Protected identity is switched off only with ``unprotect`` (the user confirmed it in the
        person section); without it that is ``person.protection_sticky``.
        """
        person = validate_person(person, self._ctx.clock.today())

        def change(edit: PlanEdit) -> None:
            row = edit.plan.person
            edit.changed |= update_person_row(edit.session, row, person, edit.log, unprotect)
            edit.changed |= update_representatives(row, person.representatives, edit.log)

        return edit_plan(self._ctx, plan_id, expected_version, change)

    def activate(self, plan_id: int, expected_version: int) -> Saved:
        """Mark a draft plan active (agreed at the meeting)."""

        def change(edit: PlanEdit) -> None:
            edit.apply(edit.plan, "plan", {"status": PlanStatus.ACTIVE})

        return edit_plan(self._ctx, plan_id, expected_version, change)

    def close(self, plan_id: int, expected_version: int, reason: str) -> Saved:
        """Close a plan; a reason is required."""
        if not reason.strip():
            raise ValidationErrors([ValidationError("plan.closed_reason", "validation.required")])

        def change(edit: PlanEdit) -> None:
            edit.close(reason, self._ctx.clock.today())

        return edit_plan(self._ctx, plan_id, expected_version, change)

    def delete_plan(self, plan_id: int) -> None:
        """Delete (gallra) a plan and all its content; its person too when no plan is left.

        The deletion is logged with the plan id and the time, no name.
        """
        ctx = self._ctx
        with ctx.db.write() as s:
            plan = load_plan(s, plan_id)
            log = AuditLog(s, ctx.user, ctx.clock.now(), plan.id, plan.person_id)
            log.record(AuditAction.DELETE, "plan", plan.id)
            s.flush()
            delete_plan_rows(s.connection(), plan_id)
            s.expunge_all()

    # --- Retention (gallring): closed plans whose retention period has ended.

    def retention_years(self) -> int:
        """The retention period in years (the ``retention.years`` setting, default 5)."""
        with self._ctx.db.read_connection() as conn:
            return retention_years(conn)

    def set_retention_years(self, years: int) -> None:
        """Store the retention period (1–100 years)."""
        value = parse_years(years)
        with self._ctx.db.write() as s:
            s.merge(Setting(key=YEARS_SETTING, value=str(value)))

    def due_for_deletion(self) -> list[DueForDeletion]:
        """Closed plans past their retention period, longest due first; logged as shown."""
        with self._ctx.db.read_connection() as conn:
            due = due_for_deletion(conn, self._ctx.clock.today())
        shown = [
            AccessRead(kind=AccessKind.LIST, plan_id=d.plan_id, person_id=None, detail="retention")
            for d in due
        ]
        log_reads(self._ctx, shown)
        return due

    def delete_due(self, plan_ids: Sequence[int]) -> int:
        """Delete these plans, each only if still due; all or none. Returns how many.

        Each deletion is logged as a retention deletion with the plan id and the date of its
        last entry: no name, no identity number.
        """
        ctx, ids = self._ctx, list(dict.fromkeys(plan_ids))
        with ctx.db.write() as s:
            conn = s.connection()
            due = {d.plan_id: d for d in due_for_deletion(conn, ctx.clock.today())}
            for plan_id in ids:
                if plan_id not in due:
                    raise DomainError("retention.not_due", plan_id=plan_id)
                log = AuditLog(s, ctx.user, ctx.clock.now(), plan_id)
                last = due[plan_id].last_entry
                log.record(AuditAction.DELETE, "plan", plan_id, "retention", old=last)
                s.flush()
                delete_plan_rows(conn, plan_id)
        return len(ids)

    def check(self, plan_id: int) -> list[MissingItem]:
        """What the plan still lacks before it can be signed."""
        plan = self.get_plan(plan_id)
        log_read(self._ctx, AccessKind.CHECK, plan.id, plan.person.id)
        return check_completeness(plan, self._ctx.clock.now())
