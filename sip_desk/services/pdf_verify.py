"""Checking a plan PDF: its metadata, the stored signed version and its seal, and the PDF seal.

The stored version is found by the hash written in the file (and its version number), not by
the plan id alone: a plan imported from another store prints with this store's plan id, but
files printed earlier carry the other store's id.
"""

from __future__ import annotations

import hashlib
from io import BytesIO
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sip_desk.db.models import AuditEntry, PlanVersion
from sip_desk.domain.enums import VersionState
from sip_desk.domain.verification import SealCheck, VerificationReport, VersionCheck
from sip_desk.services.pdf_seal import validate_seal
from sip_desk.services.version_seal import KeyView, check_row

CONTENT_PROBLEMS = frozenset({"seal.snapshot_changed", "seal.chain_broken", "seal.unreadable"})

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


def fingerprint_known(session: Session, plan_ids: set[int], sha256: str) -> bool:
    """True when SIP Desk recorded printing or exporting exactly these bytes for the plans."""
    return (
        session.scalars(
            select(AuditEntry.id).where(
                AuditEntry.plan_id.in_(plan_ids),
                AuditEntry.entity == FINGERPRINT_ENTITY,
                AuditEntry.field == FINGERPRINT_FIELD,
                AuditEntry.new == sha256,
            )
        ).first()
        is not None
    )


def find_signed(
    session: Session, plan_id: int, number: int, content_hash: str
) -> PlanVersion | None:
    """The signed version with this hash and number; the one of ``plan_id`` first."""
    if not content_hash:
        return None
    rows = session.scalars(
        select(PlanVersion).where(
            PlanVersion.content_hash == content_hash,
            PlanVersion.number == number,
            PlanVersion.state == VersionState.SIGNED,
        )
    ).all()
    return min(rows, key=lambda r: (r.plan_id != plan_id, r.id), default=None)


def verify_bytes(
    session: Session, data: bytes, trust_roots: list[Any], keys: KeyView
) -> VerificationReport:
    """Check ``data`` against the store behind ``session`` with ``keys``."""
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
    row = find_signed(session, plan_id, number, content_hash)
    check: VersionCheck | None = check_row(row, keys) if row is not None else None
    signatures_hash = (info or {}).get("SIPDeskSignaturesHash", "")
    return VerificationReport(
        file_sha256=sha,
        readable=True,
        plan_id=row.plan_id if row is not None else plan_id,
        version_number=number,
        content_hash=content_hash,
        version_found=row is not None,
        stored_hash_ok=check is not None
        and not any(p.code in CONTENT_PROBLEMS for p in check.problems),
        file_known=fingerprint_known(
            session, {plan_id, row.plan_id if row is not None else plan_id}, sha
        ),
        seal=seal_check,
        version=check,
        signatures_hash=signatures_hash,
        # A file printed before signatures were sealed carries no hash to compare.
        signatures_match=check is not None
        and (not signatures_hash or signatures_hash in check.accepted_chain),
    )
