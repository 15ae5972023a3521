"""JSON export and import of a whole plan (format ``sip-desk-plan``, see docs/plan-json.md).

Export writes every part of a plan with local reference keys instead of database ids; import
checks the file in four steps (JSON syntax, format and version, the JSON Schema, the domain
rules and references) and then writes the plan in one transaction, so a failing import
changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import selectinload

from sip_desk.db.models import PlanVersion, SigningKey
from sip_desk.db.plan_read import read_plan
from sip_desk.db.repositories import (
    identity_number_taken,
    load_plan,
    plan_with_signed_version,
)
from sip_desk.domain.access import AccessKind
from sip_desk.domain.enums import AuditAction, VersionState
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.domain.person_match import ImportResult, PersonMatch
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.redaction import without_address
from sip_desk.domain.snapshot import snapshot_address
from sip_desk.domain.verification import DamagedVersionError
from sip_desk.services.audit import AuditLog, log_read
from sip_desk.services.context import ServiceContext
from sip_desk.services.key_ring import KeyRing
from sip_desk.services.persons import attach_person, match_person
from sip_desk.services.plan_json.convert import convert_plan
from sip_desk.services.plan_json.dates import moved_to_today, written_on
from sip_desk.services.plan_json.document import FORMAT, SCHEMA_VERSION, read_document
from sip_desk.services.plan_json.export import Redaction, dumps, plan_document
from sip_desk.services.plan_json.model import PlanImport
from sip_desk.services.plan_json.write import write_plan
from sip_desk.services.store_key import StoreKey
from sip_desk.services.version_seal import check_row


def _protected(
    plan: PlanDetail, versions: Sequence[PlanVersion], key: StoreKey | None
) -> tuple[PlanDetail, Redaction]:
    """For a person with protected identity: the plan without the address, and the redaction.

    The signed snapshots must leave out a meeting place naming the address, as every print does.
    """
    if not plan.person.protected_identity:
        return plan, Redaction()
    hidden = {plan.person.address} | {snapshot_address(v.snapshot) for v in versions}
    shown = tuple(sorted(a for a in hidden if a.strip()))
    return without_address(plan, shown), Redaction(hidden=shown, key=key)


class PlanTransferService:
    """Moves whole plans in and out of the store as JSON. Each method is one transaction."""

    def __init__(self, ctx: ServiceContext, keys: KeyRing | None = None) -> None:
        self._ctx = ctx
        self._keys = keys or KeyRing(ctx)

    def export_plan(self, plan_id: int) -> str:
        """The plan as JSON text; the export is logged in the audit trail.

        When the person has a protected identity their address is left out; signed snapshots
        never carry it (see ``domain.snapshot.public_snapshot``). Every signed version is
        checked first: if one fails (``DamagedVersionError``) nothing is exported.
        """
        ctx = self._ctx
        now = ctx.clock.now()
        key = self._own_key()
        with ctx.db.write() as s:
            plan = load_plan(s, plan_id)
            versions = s.scalars(
                select(PlanVersion)
                .where(PlanVersion.plan_id == plan_id)
                .options(selectinload(PlanVersion.signatures), selectinload(PlanVersion.seal))
                .order_by(PlanVersion.number)
            ).all()
            table = self._keys.table(s)
            for row in versions:
                if row.state is VersionState.SIGNED:
                    check = check_row(row, table)
                    if not check.ok:
                        raise DamagedVersionError(check)
            public = {k.key_id: k.public_key for k in s.scalars(select(SigningKey))}
            detail, redaction = _protected(read_plan(s, plan.id), versions, key)
            doc = plan_document(detail, versions, now, public, redaction)
            log = AuditLog(s, ctx.user, now, plan.id, plan.person_id)
            log.record(AuditAction.EXPORT, "plan", plan.id, new=f"{FORMAT} v{SCHEMA_VERSION}")
            log_read(ctx, AccessKind.EXPORT, plan.id, plan.person_id, "json", s.connection())
        return dumps(doc)

    def _own_key(self) -> StoreKey | None:
        """The store key, needed only to re-seal a protected person's redacted snapshot."""
        try:
            return self._keys.own()
        except DomainError:
            return None

    def preview_import(self, text: str) -> PersonMatch:
        """Check a file as :meth:`import_with_report` does and say how its person meets the store.

        Nothing is imported. When the file's person is stored, looking at the differences is
        logged as a read of that person.
        """
        ctx = self._ctx
        data = self._read(text)
        with ctx.db.write() as s:
            found, match = match_person(s, data.person, data.has_address)
            if found is not None:
                log = AuditLog(s, ctx.user, ctx.clock.now(), person_id=found.id)
                log.record(AuditAction.READ, "person", found.id, "import_preview")
                log_read(ctx, AccessKind.IMPORT, None, found.id, "preview", s.connection())
            return match

    def import_with_report(
        self,
        text: str,
        *,
        update_person: bool = False,
        as_of_today: bool = False,
        as_new: bool = False,
    ) -> ImportResult:
        """Create a new plan from JSON text (:meth:`export_plan`'s); logged in the audit trail.

        A person whose identity number is already stored is the truth: the plan is attached to
        them and the file's differing details are applied only when ``update_person`` (never
        switching protected identity off; see :mod:`sip_desk.domain.person_match`).
        With ``as_of_today`` the plan's dates move by the days since the file was written
        (the demo cases; see :mod:`.dates`). Every error names where in the file it is: line
        and column for bad JSON, else the JSON path.

        A plan already in the store (a stored plan has one of the file's signed versions: the
        file is an export of it, or was imported before) is refused with
        ``import.plan_exists`` unless ``as_new``, which imports it as a new plan all the same.
        """
        ctx = self._ctx
        data = self._read(text, as_of_today=as_of_today)
        try:
            with ctx.db.write() as s:
                signed = {v.content_hash for v in data.versions if v.content_hash}
                existing = None if as_new else plan_with_signed_version(s, signed)
                if existing is not None:
                    raise DomainError("import.plan_exists", plan=existing)
                log = AuditLog(s, ctx.user, ctx.clock.now())
                person, match = attach_person(s, data.person, data.has_address, log, update_person)
                plan_id = write_plan(s, data, log, person).id
                log_read(ctx, AccessKind.IMPORT, plan_id, person.id, "json", s.connection())
                return ImportResult(plan=read_plan(s, plan_id), person=match)
        except StoreError as error:  # the driver's error is its cause (translate_store_errors)
            if not isinstance(error.__cause__, DBAPIError) or not identity_number_taken(
                error.__cause__
            ):
                raise
            # The person is stored where this user may not look (PostgreSQL row-level
            # security): refuse without saying so; the attempt is logged for the log review.
            # The transaction above is rolled back whole: nothing of the plan was written.
            pnr = data.person.identity_number or ""
            log_read(ctx, AccessKind.IMPORT, None, None, f"refused: {pnr}")
            raise DomainError("import.refused") from None

    def _read(self, text: str, *, as_of_today: bool = False) -> PlanImport:
        doc = read_document(text)
        keys = doc.get("signing_keys") if doc["schema_version"] >= 2 else None
        today, now = self._ctx.clock.today(), self._ctx.clock.now()
        if not as_of_today:
            return convert_plan(doc["plan"], today, now, keys)
        written = written_on(doc)
        then = now - timedelta(days=(today - written).days)  # checked as on the day it was written
        return moved_to_today(convert_plan(doc["plan"], written, then, keys), written, today)
