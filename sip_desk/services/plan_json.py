"""JSON export and import of a whole plan (format ``sip-desk-plan``, see docs/plan-json.md).

Export writes every part of a plan with local reference keys instead of database ids; import
checks the file in four steps (JSON syntax, format and version, the JSON Schema, the domain
rules and references) and then writes the plan in one transaction, so a failing import
changes nothing.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sip_desk.db.models import PlanVersion
from sip_desk.db.repositories import load_plan
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.person_match import ImportResult, PersonMatch
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.audit_log import AuditLog
from sip_desk.services.context import ServiceContext
from sip_desk.services.mappers import plan_detail
from sip_desk.services.person_import import attach_person, match_person
from sip_desk.services.plan_json_convert import convert_plan
from sip_desk.services.plan_json_document import FORMAT, SCHEMA_VERSION, read_document
from sip_desk.services.plan_json_export import dumps, plan_document
from sip_desk.services.plan_json_model import PlanImport
from sip_desk.services.plan_json_write import write_plan


class PlanTransferService:
    """Moves whole plans in and out of the store as JSON. Each method is one transaction."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def export_plan(self, plan_id: int) -> str:
        """The plan as JSON text; the export is logged in the audit trail.

        When the person has a protected identity their address is left out.

        Raises:
            NotFoundError: no such plan.
        """
        ctx = self._ctx
        now = ctx.clock.now()
        with ctx.db.write() as s:
            plan = load_plan(s, plan_id)
            versions = s.scalars(
                select(PlanVersion)
                .where(PlanVersion.plan_id == plan_id)
                .options(selectinload(PlanVersion.signatures))
                .order_by(PlanVersion.number)
            ).all()
            doc = plan_document(plan_detail(plan), versions, now)
            log = AuditLog(s, ctx.user, now, plan.id, plan.person_id)
            log.record(AuditAction.EXPORT, "plan", plan.id, new=f"{FORMAT} v{SCHEMA_VERSION}")
        return dumps(doc)

    def preview_import(self, text: str) -> PersonMatch:
        """Check a file as :meth:`import_plan` does and say how its person meets the store.

        Nothing is imported. When the file's person is stored, looking at the differences is
        logged as a read of that person.

        Raises:
            The same errors as :meth:`import_plan`.
        """
        ctx = self._ctx
        data = self._read(text)
        with ctx.db.write() as s:
            found, match = match_person(s, data.person, data.has_address)
            if found is not None:
                log = AuditLog(s, ctx.user, ctx.clock.now(), person_id=found.id)
                log.record(AuditAction.READ, "person", found.id, "import_preview")
            return match

    def import_plan(self, text: str, *, update_person: bool = False) -> PlanDetail:
        """Create a new plan from JSON text written by :meth:`export_plan`.

        See :meth:`import_with_report`, which also says how the person met the store.
        """
        return self.import_with_report(text, update_person=update_person).plan

    def import_with_report(self, text: str, *, update_person: bool = False) -> ImportResult:
        """Create a new plan from JSON text; the import is logged in the audit trail.

        A person whose identity number is already stored is the truth: the plan is attached to
        them and the file's differing details are applied only when ``update_person`` (never
        switching protected identity off; see :mod:`sip_desk.domain.person_match`).

        Raises:
            ImportFormatError: not JSON (line and column given) or against the schema (JSON
                path given).
            DomainError: ``import.unknown_format`` / ``import.unknown_version``.
            ValidationErrors: domain rules broken or references dangling, each with its path.
        """
        ctx = self._ctx
        data = self._read(text)
        with ctx.db.write() as s:
            log = AuditLog(s, ctx.user, ctx.clock.now())
            person, match = attach_person(s, data.person, data.has_address, log, update_person)
            plan_id = write_plan(s, data, log, person).id
            s.flush()
            s.expire_all()
            return ImportResult(plan=plan_detail(load_plan(s, plan_id)), person=match)

    def _read(self, text: str) -> PlanImport:
        doc = read_document(text)
        return convert_plan(doc["plan"], self._ctx.clock.today(), self._ctx.clock.now())
