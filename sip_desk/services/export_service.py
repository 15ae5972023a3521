"""Printing and exporting plan PDFs, the settings for printed documents, sealing and verifying."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sip_desk.db.models import PlanVersion, Setting
from sip_desk.domain.changes import summarise
from sip_desk.domain.document import PRINT_LANGUAGES, PlanDocument
from sip_desk.domain.enums import AuditAction, VersionState
from sip_desk.domain.errors import DomainError
from sip_desk.domain.redaction import without_address
from sip_desk.domain.verification import DamagedVersionError, KeyOrigin, VerificationReport
from sip_desk.files import write_atomically
from sip_desk.services.audit import AuditLog
from sip_desk.services.context import ServiceContext
from sip_desk.services.pdf_seal import (
    FINGERPRINT_ENTITY,
    FINGERPRINT_FIELD,
    certificate_of,
    load_certificate,
    seal_pdf,
    verify_bytes,
)
from sip_desk.services.signing_service import SigningService
from sip_desk.services.store_key import key_id_of, read_public_pem

# --- Settings for printed documents, kept in the store's ``settings`` table.

KEY_MARKING = "print.confidentiality_marking"
KEY_SEAL_FILE = "seal.pkcs12_path"
KEY_SEAL_PASSWORD = "seal.pkcs12_password"  # noqa: S105 - a settings key, not a secret
DEFAULT_MARKING = "Sekretess enligt offentlighets- och sekretesslagen (OSL)"


@dataclass(frozen=True, kw_only=True)
class DocumentSettings:
    """How plans are printed and sealed.

    Attributes:
        confidentiality_marking: the header text on every page.
        seal_pkcs12_path: the organisation's PKCS#12 file; empty for no digital seal.
        seal_pkcs12_password: its password (may be empty).
    """

    confidentiality_marking: str = DEFAULT_MARKING
    seal_pkcs12_path: str = ""
    seal_pkcs12_password: str = ""

    @property
    def seal_configured(self) -> bool:
        """True when a PKCS#12 file is set."""
        return bool(self.seal_pkcs12_path.strip())


def read_settings(session: Session) -> DocumentSettings:
    """The stored document settings (defaults where nothing is stored)."""
    values = {
        s.key: s.value
        for s in session.query(Setting).filter(
            Setting.key.in_([KEY_MARKING, KEY_SEAL_FILE, KEY_SEAL_PASSWORD])
        )
    }
    return DocumentSettings(
        confidentiality_marking=values.get(KEY_MARKING, DEFAULT_MARKING),
        seal_pkcs12_path=values.get(KEY_SEAL_FILE, ""),
        seal_pkcs12_password=values.get(KEY_SEAL_PASSWORD, ""),
    )


def write_settings(session: Session, settings: DocumentSettings) -> None:
    """Store ``settings`` (insert or replace each key)."""
    for key, value in (
        (KEY_MARKING, settings.confidentiality_marking),
        (KEY_SEAL_FILE, settings.seal_pkcs12_path),
        (KEY_SEAL_PASSWORD, settings.seal_pkcs12_password),
    ):
        session.merge(Setting(key=key, value=value))


# --- Printing and exporting plan PDFs, sealing them, and verifying a PDF against the store.

Renderer = Callable[[PlanDocument], bytes]


def _default_renderer(doc: PlanDocument) -> bytes:
    from sip_desk.pdf.render_plan import render_plan

    return render_plan(doc)


@dataclass(frozen=True, kw_only=True)
class RenderedPdf:
    """A rendered plan PDF and what it shows.

    Attributes:
        data: the PDF bytes (sealed when ``sealed``).
        plan_id: the plan.
        version_number: the version printed.
        signed: True for a signed version, False for the working draft.
        content_hash: the signed version's hash, if signed.
        language: the print language.
        sealed: True when a digital seal was applied.
        key_id: the key that sealed the signed version ("" for a draft).
        other_store: the version was signed in another store (it was imported).
    """

    data: bytes
    plan_id: int
    version_number: int
    signed: bool
    content_hash: str | None
    language: str
    sealed: bool = False
    key_id: str = ""
    other_store: bool = False

    @property
    def sha256(self) -> str:
        """SHA-256 of the bytes, as logged."""
        return hashlib.sha256(self.data).hexdigest()


class ExportService:
    """PDFs of plans: build, render, seal, write, log and verify."""

    def __init__(
        self, ctx: ServiceContext, signing: SigningService, renderer: Renderer | None = None
    ) -> None:
        self._ctx = ctx
        self._signing = signing
        self._renderer = renderer or _default_renderer

    def settings(self) -> DocumentSettings:
        """The stored print and seal settings."""
        with self._ctx.db.read() as s:
            return read_settings(s)

    def save_settings(self, settings: DocumentSettings) -> None:
        """Store print and seal settings."""
        with self._ctx.db.write() as s:
            write_settings(s, settings)

    def build_document(
        self, plan_id: int, number: int | None = None, language: str | None = None
    ) -> PlanDocument:
        """The :class:`PlanDocument` for version ``number`` (the latest when ``None``).

        The latest version is the live draft, or the signed snapshot when nothing changed since
        signing. A signed version is printed from its frozen snapshot with its signatures.

        Raises:
            DomainError: an unknown print language; NotFoundError: no such plan or version.
            DamagedVersionError: the signed version fails its check.
        """
        version = self._signing.get_version(plan_id, number)
        check = version.check
        if version.signed and (check is None or not check.ok):
            assert check is not None  # get_version always checks a signed version
            raise DamagedVersionError(check)
        lang = language or version.plan.fields.print_language or "sv"
        if lang not in PRINT_LANGUAGES:
            raise DomainError("export.language", value=lang)
        changes = self._changes_for(plan_id, version.number, lang)
        plan = version.plan
        if version.protected:  # protected now or when signed: no address in any print
            plan = without_address(plan, version.hidden_addresses)
        return PlanDocument(
            plan=plan,
            language=lang,
            version_number=version.number,
            version_state=VersionState.SIGNED if version.signed else VersionState.DRAFT,
            content_hash=version.content_hash if version.signed else None,
            printed_on=self._ctx.clock.today(),
            confidentiality_marking=self.settings().confidentiality_marking,
            signatures=version.signatures,
            changes_since_signed=changes,
            signatures_hash=check.accepted_chain[-1] if check else None,
            key_id=check.key_id if check else "",
            other_store=bool(check and check.origin is KeyOrigin.OTHER),
        )

    def _changes_for(self, plan_id: int, number: int, lang: str) -> tuple[str, ...]:
        """Lines about what changed since the signed version before ``number``."""
        current = self._signing.get_version(plan_id, number)
        previous = self._signing.previous_signed(plan_id, number)
        if previous is None:
            return ()
        return summarise(previous.plan, previous.number, current.plan).lines(lang)

    def render(
        self,
        plan_id: int,
        number: int | None = None,
        language: str | None = None,
        seal: bool | None = None,
    ) -> RenderedPdf:
        """Render (and, when configured or asked, seal) a plan PDF without logging it.

        Args:
            plan_id: the plan.
            number: the version; the latest when ``None``.
            language: sv, en or ar; the plan's print language when ``None``.
            seal: seal with the configured certificate; ``None`` seals when one is configured.
        """
        doc = self.build_document(plan_id, number, language)
        data = self._renderer(doc)
        settings = self.settings()
        sealed = settings.seal_configured if seal is None else seal
        if sealed:
            data = seal_pdf(
                data,
                settings.seal_pkcs12_path,
                settings.seal_pkcs12_password,
                reason=f"SIP plan {plan_id} version {doc.version_number}",
            )
        return RenderedPdf(
            data=data,
            plan_id=plan_id,
            version_number=doc.version_number,
            signed=doc.version_state is VersionState.SIGNED,
            content_hash=doc.content_hash,
            language=doc.language,
            sealed=sealed,
            key_id=doc.key_id,
            other_store=doc.other_store,
        )

    def record_output(self, pdf: RenderedPdf, action: AuditAction, where: str = "") -> None:
        """Log that ``pdf`` was printed or exported, with the SHA-256 of its bytes."""
        ctx = self._ctx
        with ctx.db.write() as s:
            row = s.scalars(
                select(PlanVersion).where(
                    PlanVersion.plan_id == pdf.plan_id, PlanVersion.number == pdf.version_number
                )
            ).one()
            person_id = row.plan.person_id
            log = AuditLog(s, ctx.user, ctx.clock.now(), pdf.plan_id, person_id)
            log.record(action, "plan_version", row.id, "language", new=pdf.language)
            if where:
                log.record(action, "plan_version", row.id, "file", new=where)
            log.record(action, FINGERPRINT_ENTITY, row.id, FINGERPRINT_FIELD, new=pdf.sha256)

    def export_pdf(
        self,
        plan_id: int,
        path: Path,
        number: int | None = None,
        language: str | None = None,
        seal: bool | None = None,
    ) -> RenderedPdf:
        """Render a plan PDF and write it to ``path`` atomically; logged as EXPORT."""
        pdf = self.render(plan_id, number, language, seal)
        write_atomically(path, pdf.data, make_folder=True)
        self.record_output(pdf, AuditAction.EXPORT, str(path))
        return pdf

    def verify_pdf(
        self, source: Path | bytes, trust: Sequence[str] = (), trust_keys: Sequence[str] = ()
    ) -> VerificationReport:
        """Check a PDF against the store.

        Args:
            source: the file, or its bytes.
            trust: certificate files (PEM/DER) to trust for the seal, besides the configured
                organisation certificate.
            trust_keys: public key files (``sip-desk key export``) of other stores to trust.

        Raises:
            DomainError: ``export.read_failed`` when a file cannot be read, ``key.invalid``.
        """
        data = source if isinstance(source, bytes) else _read(source)
        roots = [load_certificate(p) for p in trust]
        keys = {key_id_of(k): k for k in (read_public_pem(Path(p)) for p in trust_keys)}
        settings = self.settings()
        if settings.seal_configured:
            roots.append(certificate_of(settings.seal_pkcs12_path, settings.seal_pkcs12_password))
        with self._ctx.db.read() as s:
            return verify_bytes(s, data, roots, self._signing.keys.table(s, keys))


def _read(path: Path) -> bytes:
    try:
        return path.expanduser().read_bytes()
    except OSError as error:
        raise DomainError("export.read_failed", path=str(path), detail=error.strerror) from error
