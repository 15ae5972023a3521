"""Checking a plan PDF: its metadata, the stored signed version, the hash chain and the seal."""

from __future__ import annotations

import hashlib
from io import BytesIO
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sip_desk.db.models import AuditEntry, PlanVersion
from sip_desk.domain.enums import VersionState
from sip_desk.domain.snapshot import chain_hash
from sip_desk.domain.verification import SealCheck, VerificationReport
from sip_desk.services.pdf_seal import validate_seal

FINGERPRINT_ENTITY = "pdf"
FINGERPRINT_FIELD = "sha256"


def read_info(data: bytes) -> dict[str, str] | None:
    """The document information dictionary of a PDF as text, or ``None`` for a non-PDF."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        info = reader.trailer_view.get("/Info")
        if info is None:
            return {}
        info = info.get_object()
        return {str(k).lstrip("/"): str(v) for k, v in info.items()}
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def chain_ok(session: Session, row: PlanVersion) -> bool:
    """The row's hash recomputed from its snapshot matches, and chains to the signed one before."""
    if row.snapshot is None or row.content_hash is None:
        return False
    earlier = session.scalars(
        select(PlanVersion)
        .where(
            PlanVersion.plan_id == row.plan_id,
            PlanVersion.number < row.number,
            PlanVersion.state == VersionState.SIGNED,
        )
        .order_by(PlanVersion.number.desc())
        .limit(1)
    ).first()
    expected_previous = earlier.content_hash if earlier else None
    if row.previous_hash != expected_previous:
        return False
    return chain_hash(row.snapshot, row.previous_hash) == row.content_hash


def fingerprint_known(session: Session, plan_id: int, sha256: str) -> bool:
    """True when SIP Desk recorded printing or exporting exactly these bytes for the plan."""
    return (
        session.scalars(
            select(AuditEntry.id).where(
                AuditEntry.plan_id == plan_id,
                AuditEntry.entity == FINGERPRINT_ENTITY,
                AuditEntry.field == FINGERPRINT_FIELD,
                AuditEntry.new == sha256,
            )
        ).first()
        is not None
    )


def verify_bytes(session: Session, data: bytes, trust_roots: list[Any]) -> VerificationReport:
    """Check ``data`` against the store behind ``session``."""
    sha = hashlib.sha256(data).hexdigest()
    info = read_info(data)
    seal = validate_seal(data, trust_roots) if info is not None else None
    seal_check = (
        SealCheck(
            present=seal.present,
            ok=seal.ok,
            intact=seal.intact,
            trusted=seal.trusted,
            whole_file=seal.whole_file,
            signer=seal.signer,
            detail=seal.detail,
        )
        if seal
        else SealCheck(present=False, ok=False)
    )
    plan_id = _int((info or {}).get("SIPDeskPlanId"))
    number = _int((info or {}).get("SIPDeskVersion"))
    content_hash = (info or {}).get("SIPDeskHash", "")
    if info is None or plan_id is None or number is None:
        return VerificationReport(file_sha256=sha, readable=False, seal=seal_check)
    row = session.scalars(
        select(PlanVersion).where(PlanVersion.plan_id == plan_id, PlanVersion.number == number)
    ).first()
    found = (
        row is not None
        and row.state is VersionState.SIGNED
        and bool(content_hash)
        and row.content_hash == content_hash
    )
    return VerificationReport(
        file_sha256=sha,
        readable=True,
        plan_id=plan_id,
        version_number=number,
        content_hash=content_hash,
        version_found=found,
        stored_hash_ok=found and row is not None and chain_ok(session, row),
        file_known=fingerprint_known(session, plan_id, sha),
        seal=seal_check,
    )
