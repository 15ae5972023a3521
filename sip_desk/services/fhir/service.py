"""Exporting one plan as a FHIR R4 Bundle: read, check, build, log (one transaction)."""

from __future__ import annotations

import uuid

from sip_desk.db.plan_read import read_plan
from sip_desk.domain.access import AccessKind
from sip_desk.domain.enums import AuditAction, VersionState
from sip_desk.domain.redaction import without_address
from sip_desk.domain.verification import DamagedVersionError
from sip_desk.services.audit import AuditLog, log_read
from sip_desk.services.context import ServiceContext
from sip_desk.services.fhir.bundle import FHIR_VERSION, FhirSource, build_bundle, dumps
from sip_desk.services.fhir.provenance import SignedVersion
from sip_desk.services.key_ring import KeyRing
from sip_desk.services.store_identity import store_uuid
from sip_desk.services.version_reader import load_plan_with_signatures
from sip_desk.services.version_seal import check_row, signature_dto


class FhirExportService:
    """Writes a plan as a FHIR R4 Bundle (see :mod:`sip_desk.services.fhir.bundle`)."""

    def __init__(self, ctx: ServiceContext, keys: KeyRing | None = None) -> None:
        self._ctx = ctx
        self._keys = keys or KeyRing(ctx)

    def export_bundle(self, plan_id: int) -> str:
        """The plan as FHIR R4 JSON text; logged in the audit trail and the access log.

        The plan goes as it stands, with a Provenance per signature of each signed version.
        Every signed version is checked first: if one fails (``DamagedVersionError``) nothing
        is exported. A person with protected identity goes without their address.

        Raises:
            NotFoundError: no such plan.
        """
        ctx = self._ctx
        now = ctx.clock.now()
        with ctx.db.write() as s:
            row = load_plan_with_signatures(s, plan_id)
            table = self._keys.table(s)
            signed: list[SignedVersion] = []
            for version in row.versions:
                if version.state is not VersionState.SIGNED:
                    continue
                check = check_row(version, table)
                if not check.ok:
                    raise DamagedVersionError(check)
                ordered = sorted(version.signatures, key=lambda x: (not x.is_person, x.position))
                signed.append(
                    SignedVersion(
                        number=version.number,
                        content_hash=version.content_hash or "",
                        signed_at=version.signed_at or version.created_at,
                        signatures=tuple(signature_dto(x) for x in ordered),
                    )
                )
            plan = read_plan(s, plan_id)
            if plan.person.protected_identity:
                plan = without_address(plan, [plan.person.address])
            source = FhirSource(
                plan=plan,
                signed=tuple(sorted(signed, key=lambda v: v.number)),
                exported_at=now,
                namespace=uuid.UUID(store_uuid(s)),
            )
            bundle = build_bundle(source)
            log = AuditLog(s, ctx.user, now, plan_id, row.person_id)
            log.record(AuditAction.EXPORT, "plan", plan_id, new=f"fhir r{FHIR_VERSION}")
            log_read(ctx, AccessKind.EXPORT, plan_id, row.person_id, "fhir", s.connection())
        return dumps(bundle)
