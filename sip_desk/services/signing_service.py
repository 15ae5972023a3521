"""Signing: freezing a plan version into an immutable, hash-chained snapshot with signatures.

Decision on late signatures: a signed version never changes, but a participant who was not at
the meeting may sign the printed copy afterwards. :meth:`SigningService.add_signature` records
such a signature on an already signed version, only as a *paper* signature (the paper is the
original; drawing in the app later would let someone sign a screen they did not read at the
meeting). The signatures are not part of the content hash: they attest to it. A second hash
chained to the content hash covers them, and the store key signs both (the version's seal,
``services.version_seal``); a late signature gets the key's signature on its own. The database
refuses any UPDATE or DELETE of a signed version's signatures and seal, and a row changed behind
the database's back fails the check (:meth:`SigningService.get_version`, ``verify-store``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import object_session, selectinload

from sip_desk.db.models import Plan, PlanVersion, Signature
from sip_desk.db.plan_read import read_plan
from sip_desk.db.repositories import load_plan
from sip_desk.domain.changes import ChangeSummary, summarise
from sip_desk.domain.completeness import MissingItem, check_completeness
from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import AuditAction, PlanStatus, SignatureMethod, VersionState
from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.snapshot import (
    VersionDetail,
    canonical_snapshot,
    chain_hash,
    parse_snapshot,
)
from sip_desk.domain.verification import VersionCheck
from sip_desk.services.audit import AuditLog
from sip_desk.services.context import ServiceContext
from sip_desk.services.key_ring import KeyRing
from sip_desk.services.signature_ink import MIN_INKED_PIXELS, inked_pixels
from sip_desk.services.store_checks import structure_problems
from sip_desk.services.store_key import key_id_of, read_public_pem
from sip_desk.services.version_reader import (
    find_version,
    load_plan_with_signatures,
    version_detail,
)
from sip_desk.services.version_seal import check_row, previous_signed, seal_version, sign_late

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class IncompleteForSigningError(DomainError):
    """The plan lacks something required before signing; ``missing`` says what."""

    def __init__(self, missing: Sequence[MissingItem]) -> None:
        self.missing = tuple(missing)
        super().__init__("signing.incomplete", count=len(self.missing))

    def message(self, lang: str = "sv") -> str:
        """The heading and one line per missing item."""
        lines = [super().message(lang), *(f"- {m.message(lang)}" for m in self.missing)]
        return "\n".join(lines)


class SigningService:
    """Signing plan versions, reading them back, and what changed since the last signature."""

    def __init__(self, ctx: ServiceContext, keys: KeyRing | None = None) -> None:
        self._ctx = ctx
        self.keys = keys or KeyRing(ctx)

    def sign_version(
        self, plan_id: int, expected_version: int, signatures: Sequence[SignatureDto]
    ) -> PlanDetail:
        """Freeze the current draft into a signed version with ``signatures``; return the plan.

        The snapshot's hash is chained to the previous signed version's hash. Later edits start
        a new draft version (see ``unit_of_work.ensure_draft_version``).
        """
        ctx = self._ctx
        self._validate(signatures)
        key = self.keys.own()  # before the write: making a key has its own transaction
        now = ctx.clock.now()
        with ctx.db.write() as s:
            plan = load_plan(s, plan_id, expected_version)
            self._check_signable(plan)
            log = AuditLog(s, ctx.user, now, plan.id, plan.person_id)
            # A signed plan is agreed: a draft becomes active (recorded in the snapshot too).
            log.apply(plan, "plan", {"status": PlanStatus.ACTIVE})
            draft = plan.versions[-1]
            previous = previous_signed(draft)
            draft.snapshot = canonical_snapshot(read_plan(s, plan.id))
            draft.previous_hash = previous.content_hash if previous else None
            draft.content_hash = chain_hash(draft.snapshot, draft.previous_hash)
            draft.state = VersionState.SIGNED
            draft.signed_at = now
            for position, sig in enumerate(signatures):
                draft.signatures.append(_signature_row(sig, position))
            draft.seal = seal_version(draft, key, now)
            plan.version += 1  # open editors see a new version and reload
            plan.updated_at = now
            s.flush()
            log.record(AuditAction.SIGN, "plan_version", draft.id, "number", new=draft.number)
            log.record(
                AuditAction.SIGN, "plan_version", draft.id, "content_hash", draft.content_hash
            )
            for row in draft.signatures:
                log.record(
                    AuditAction.SIGN, "signature", row.id, "signer_name", new=row.signer_name
                )
            return read_plan(s, plan_id)

    def _check_signable(self, plan: Plan) -> None:
        if plan.status is PlanStatus.CLOSED:
            raise DomainError("error.plan_closed")
        latest = plan.versions[-1] if plan.versions else None
        if latest is None or latest.state is VersionState.SIGNED:
            number = latest.number if latest else 0
            raise DomainError("signing.nothing_new", number=number)
        session = object_session(plan)
        assert session is not None
        missing = check_completeness(read_plan(session, plan.id), self._ctx.clock.now())
        if missing:
            raise IncompleteForSigningError(missing)

    def _validate(self, signatures: Sequence[SignatureDto]) -> None:
        if not signatures:
            raise DomainError("signing.no_signatures")
        today = self._ctx.clock.today()
        errors: list[ValidationError] = []
        for sig in signatures:
            if not sig.signer_name.strip():
                errors.append(ValidationError("signature.signer_name", "validation.required"))
            drawing = sig.image_png or b""
            if sig.method is SignatureMethod.DRAWN and not _has_ink(drawing):
                code = "signing.drawing_missing"
                errors.append(ValidationError("signature.image_png", code, name=sig.signer_name))
            if sig.signed_on > today:
                code, day = "validation.date_in_future", sig.signed_on.isoformat()
                errors.append(ValidationError("signature.signed_on", code, value=day))
        if errors:
            raise ValidationErrors(errors)

    def add_signature(self, plan_id: int, number: int, signature: SignatureDto) -> VersionDetail:
        """Record a paper signature collected after version ``number`` was signed.

        Refused unless the version is signed, the signature is on paper, dated on or after the
        signing, and by someone who has not signed yet.
        """
        self._validate([signature])
        if signature.method is not SignatureMethod.PAPER:
            raise DomainError("signing.late_needs_paper")
        ctx = self._ctx
        key = self.keys.own()
        with ctx.db.write() as s:
            plan = load_plan_with_signatures(s, plan_id)
            row = find_version(plan, number)
            if row.state is not VersionState.SIGNED or row.signed_at is None:
                raise DomainError("signing.not_signed", number=number)
            signed_on = row.signed_at.astimezone(ctx.clock.now().tzinfo).date()
            if signature.signed_on < signed_on:
                raise DomainError("signing.before_version", date=signed_on.isoformat())
            names = {x.signer_name.strip().casefold() for x in row.signatures}
            if signature.signer_name.strip().casefold() in names:
                raise DomainError("signing.already_signed", name=signature.signer_name)
            new = _signature_row(
                signature, 1 + max((x.position for x in row.signatures), default=-1)
            )
            row.signatures.append(new)
            sign_late(row, new, key)
            s.flush()
            log = AuditLog(s, ctx.user, ctx.clock.now(), plan.id, plan.person_id)
            log.record(AuditAction.SIGN, "signature", new.id, "signer_name", new=new.signer_name)
            return version_detail(plan, row, self.keys.table(s))

    def get_version(self, plan_id: int, number: int | None = None) -> VersionDetail:
        """Version ``number`` of a plan (the latest when ``None``), ready to print.

        A signed version is read from its frozen snapshot, never from the live rows, and comes
        with its check (``VersionDetail.check``).
        """
        with self._ctx.db.read() as s:
            plan = load_plan_with_signatures(s, plan_id)
            return version_detail(plan, find_version(plan, number), self.keys.table(s))

    def check_store(self, trust_keys: Sequence[str] = ()) -> list[VersionCheck]:
        """Check every signed version in the store (``sip-desk verify-store``).

        One check per signed version, by plan and number, and one per unsigned version that
        carries a seal or signatures or sits below a signed one (:mod:`.store_checks`).
        ``trust_keys``: public key files of other stores to trust.
        """
        trusted = {key_id_of(k): k for k in (read_public_pem(Path(p)) for p in trust_keys)}
        with self._ctx.db.read() as s:
            table = self.keys.table(s, trusted)
            rows = s.scalars(
                select(PlanVersion)
                .options(selectinload(PlanVersion.signatures), selectinload(PlanVersion.seal))
                .order_by(PlanVersion.plan_id, PlanVersion.number)
            ).all()
            extra = structure_problems(rows)
            checks: list[VersionCheck] = []
            for row in rows:
                more = tuple(extra.get((row.plan_id, row.number), ()))
                if row.state is VersionState.SIGNED:
                    check = check_row(row, table)
                    checks.append(replace(check, problems=check.problems + more))
                elif more:
                    checks.append(
                        VersionCheck(
                            plan_id=row.plan_id,
                            number=row.number,
                            content_hash=row.content_hash or "",
                            problems=more,
                            signed=False,
                        )
                    )
            return checks

    def previous_signed(self, plan_id: int, number: int) -> VersionDetail | None:
        """The newest signed version before version ``number``, if any."""
        with self._ctx.db.read() as s:
            plan = load_plan_with_signatures(s, plan_id)
            earlier = previous_signed(find_version(plan, number))
            return version_detail(plan, earlier) if earlier else None

    def changes_since_signed(self, live: PlanDetail) -> ChangeSummary:
        """What changed in ``live`` (the plan as the caller holds it) since its last signed version.

        Only the signed snapshot is read.
        """
        signed = next((v for v in reversed(live.versions) if v.state is VersionState.SIGNED), None)
        if signed is None:
            return summarise(None, None, live)
        return summarise(self.signed_plan(live.id, signed.number), signed.number, live)

    def signed_plan(self, plan_id: int, number: int) -> PlanDetail | None:
        """The plan as signed in version ``number``, from its snapshot (``None``: none kept)."""
        with self._ctx.db.read() as s:
            snapshot = s.scalar(
                select(PlanVersion.snapshot).where(
                    PlanVersion.plan_id == plan_id, PlanVersion.number == number
                )
            )
        return None if snapshot is None else parse_snapshot(snapshot)


def _signature_row(sig: SignatureDto, position: int) -> Signature:
    return Signature(
        position=position,
        signer_name=sig.signer_name.strip(),
        organisation=sig.organisation.strip(),
        role=sig.role.strip(),
        is_person=sig.is_person,
        method=sig.method,
        signed_on=sig.signed_on,
        image_png=sig.image_png if sig.method is SignatureMethod.DRAWN else None,
    )


def _has_ink(drawing: bytes) -> bool:
    """A PNG with a drawn stroke in it; a blank or near-blank image is no signature."""
    if not drawing.startswith(PNG_MAGIC):
        return False
    inked = inked_pixels(drawing)
    return inked is None or inked >= MIN_INKED_PIXELS
