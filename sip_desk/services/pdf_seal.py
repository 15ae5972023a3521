"""The digital PDF seal (pyHanko, PAdES, loaded only when used); a plan PDF checked on the store."""

from __future__ import annotations

import hashlib
import logging
from io import BytesIO
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sip_desk.db.models import AuditEntry, PlanVersion
from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import DomainError
from sip_desk.domain.verification import SealCheck, VerificationReport, VersionCheck
from sip_desk.services.os_keyring import trusted_keyring
from sip_desk.services.version_seal import KeyView, check_row

# --- The optional digital seal: signing a PDF with pyHanko (PAdES) and validating it offline.

log = logging.getLogger(__name__)
SEAL_FIELD = "SIPDeskSeal"


def seal_pdf(data: bytes, pkcs12_path: str, password: str, reason: str = "") -> bytes:
    """Sign ``data`` with the PKCS#12 certificate (invisible signature field).

    The signature is an incremental update that keeps a PDF/A-2b file PDF/A-2b: the XMP
    packet and the information dictionary stay equal, and the invisible field's widget has a
    zero-size rectangle and the print flag, so it needs no appearance.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = _load_signer(pkcs12_path, password)
    writer = IncrementalPdfFileWriter(BytesIO(data))
    _align_producer(writer)
    meta = signers.PdfSignatureMetadata(field_name=SEAL_FIELD, reason=reason or None)
    out = signers.sign_pdf(writer, meta, signer=signer)
    return bytes(out.getvalue())


class SealPasswords:
    """The seal certificate's password: in the OS keyring, never in the store.

    Without a usable keyring (a server, a minimal desktop) the password is kept in memory for
    this program run only, and asked again next time. Keyed by the certificate file's path.
    """

    SERVICE = "SIP Desk seal certificate"

    def __init__(self) -> None:
        self._session: dict[str, str] = {}

    @staticmethod
    def _key(pkcs12_path: str) -> str:
        return str(Path(pkcs12_path).expanduser())

    def get(self, pkcs12_path: str) -> str | None:
        """The password, or ``None`` when neither the keyring nor this run knows it."""
        key = self._key(pkcs12_path)
        if key in self._session:
            return self._session[key]
        from keyring.errors import KeyringError

        keyring = trusted_keyring()
        if keyring is None:  # none, or one that keeps passwords in a plain file: ask
            return None
        try:
            return keyring.get_password(self.SERVICE, key)  # type: ignore[no-any-return]
        except KeyringError:
            return None

    def put(self, pkcs12_path: str, password: str) -> bool:
        """Keep ``password``; True when it went to the keyring (else for this run only)."""
        from keyring.errors import KeyringError

        key = self._key(pkcs12_path)
        self._session[key] = password
        keyring = trusted_keyring()
        if keyring is None:  # none, or one that keeps passwords in a plain file: this run only
            return False
        try:
            keyring.set_password(self.SERVICE, key, password)
        except KeyringError:
            return False
        return True


def _align_producer(writer: Any) -> None:
    """Keep a PDF/A file PDF/A through the seal's incremental update.

    pyHanko updates the modification date in both the XMP packet and the information
    dictionary, and writes its own name as the XMP producer, but appends it to the
    dictionary's producer; PDF/A requires the two to be equal, so the dictionary gets
    pyHanko's name alone (pyHanko is the last program that wrote the file).
    """
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.metadata.model import VENDOR

    try:
        reference = writer.trailer.raw_get("/Info")
    except KeyError:
        return
    info = reference.get_object()
    info[NameObject("/Producer")] = TextStringObject(VENDOR)
    writer.mark_update(reference)


def _load_signer(pkcs12_path: str, password: str) -> Any:
    from pyhanko.sign import signers

    path = Path(pkcs12_path).expanduser()
    if not path.is_file():
        raise DomainError("seal.load_failed", detail=f"{path}: not found")
    try:
        signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
            pfx_file=str(path), passphrase=password.encode() if password else None
        )
    except (OSError, ValueError) as error:
        raise DomainError("seal.load_failed", detail=str(error)) from error
    if signer is None:
        raise DomainError("seal.load_failed", detail=f"{path}: wrong password or not PKCS#12")
    return signer


def certificate_of(pkcs12_path: str, password: str) -> Any:
    """The signing certificate in a PKCS#12 file (asn1crypto), to trust it when verifying."""
    return _load_signer(pkcs12_path, password).signing_cert


def load_certificate(path: str) -> Any:
    """A PEM or DER certificate file as an asn1crypto certificate."""
    from pyhanko.keys import load_cert_from_pemder

    try:
        return load_cert_from_pemder(path)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as error:
        raise DomainError("export.read_failed", path=path, detail=str(error)) from error


def validate_seal(data: bytes, trust_roots: list[Any]) -> SealCheck:
    """Validate the last signature of ``data`` against ``trust_roots`` (no network)."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = reader.embedded_regular_signatures
    except (PdfReadError, ValueError, KeyError) as error:
        return SealCheck(present=False, ok=False, detail=str(error))
    if not signatures:
        return SealCheck(present=False, ok=False)
    return _status(signatures[-1], trust_roots)


def _status(embedded: Any, trust_roots: list[Any]) -> SealCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=trust_roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except (SignatureValidationError, ValueError) as error:
        log.info("seal validation failed: %s", error)
        return SealCheck(present=True, ok=False, detail=str(error))
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else ""
    intact, valid, trusted = bool(status.intact), bool(status.valid), bool(status.trusted)
    return SealCheck(
        present=True,
        ok=intact and valid and trusted and whole,
        intact=intact,
        trusted=trusted,
        whole_file=whole,
        signer=signer,
        detail=f"{getattr(status.coverage, 'name', '')}, "
        f"{getattr(status.modification_level, 'name', '')}",
    )


# --- Checking a plan PDF: its metadata, the stored signed version and its seal, and the PDF seal.

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
    no_seal = SealCheck(present=False, ok=False)
    seal_check = validate_seal(data, trust_roots) if info is not None else no_seal
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
