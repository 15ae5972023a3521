"""Printing and exporting plan PDFs, the settings for printed documents, sealing and verifying."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, text

from sip_desk.db.models import PlanVersion, Setting
from sip_desk.domain.access import AccessKind
from sip_desk.domain.changes import summarise
from sip_desk.domain.document import PRINT_LANGUAGES, PlanDocument
from sip_desk.domain.enums import AuditAction, VersionState
from sip_desk.domain.errors import DomainError
from sip_desk.domain.redaction import without_address
from sip_desk.domain.verification import DamagedVersionError, KeyOrigin, VerificationReport
from sip_desk.files import write_atomically
from sip_desk.services.audit import AuditLog, as_text, log_read
from sip_desk.services.calendar_ics import CALENDAR_FULL_NAMES
from sip_desk.services.context import ServiceContext
from sip_desk.services.pdf_seal import (
    FINGERPRINT_ENTITY,
    FINGERPRINT_FIELD,
    SealPasswords,
    certificate_of,
    load_certificate,
    seal_pdf,
    verify_bytes,
)
from sip_desk.services.signing_service import SigningService
from sip_desk.services.store_key import key_id_of, read_file, read_public_pem

# --- Settings for printed documents, kept in the store's ``settings`` table.

DEFAULT_MARKING = "Sekretess enligt offentlighets- och sekretesslagen (OSL)"
# DocumentSettings field → its key in the store's ``settings`` table. The seal password is
# never stored there: it is kept in the OS keyring (:class:`SealPasswords`).
_SETTING_KEYS = {
    "confidentiality_marking": "print.confidentiality_marking",
    "seal_pkcs12_path": "seal.pkcs12_path",
    "calendar_full_names": CALENDAR_FULL_NAMES,
}
OLD_PASSWORD_SETTING = "seal.pkcs12_password"
"""Where builds before the keyring stored the seal password; removed at start-up."""


@dataclass(frozen=True, kw_only=True)
class DocumentSettings:
    """How plans are printed and sealed (an empty PKCS#12 path: no digital seal).

    ``seal_password_known`` is False when neither the OS keyring nor this program run holds
    the certificate's password (``seal_pkcs12_password`` is then empty). Calendar files name
    the person in full only with ``calendar_full_names``.
    """

    confidentiality_marking: str = DEFAULT_MARKING
    seal_pkcs12_path: str = ""
    seal_pkcs12_password: str = ""
    seal_password_known: bool = True
    calendar_full_names: bool = False

    @property
    def seal_configured(self) -> bool:
        """True when a PKCS#12 file is set."""
        return bool(self.seal_pkcs12_path.strip())


# --- Printing and exporting plan PDFs, sealing them, and verifying a PDF against the store.


@dataclass(frozen=True, kw_only=True)
class RenderedPdf:
    """A rendered plan PDF and what it shows.

    ``signed`` is False for the working draft, ``content_hash`` and ``key_id`` (the key that
    sealed the version) are set only for a signed one, ``other_store`` says it was signed in
    another store (imported).
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

    def __init__(self, ctx: ServiceContext, signing: SigningService) -> None:
        self._ctx = ctx
        self._signing = signing
        self._passwords = SealPasswords()

    def settings(self) -> DocumentSettings:
        """The stored print and seal settings (defaults where nothing is stored)."""
        with self._ctx.db.read() as s:
            rows = s.execute(select(Setting).where(Setting.key.in_(_SETTING_KEYS.values())))
            stored = {row.key: row.value for row in rows.scalars()}
        values: dict[str, Any] = {f: stored[k] for f, k in _SETTING_KEYS.items() if k in stored}
        values["calendar_full_names"] = values.get("calendar_full_names") == "true"
        path = values.get("seal_pkcs12_path", "")
        password = self._passwords.get(path) if path.strip() else ""
        return DocumentSettings(
            **values, seal_pkcs12_password=password or "", seal_password_known=password is not None
        )

    def save_settings(self, settings: DocumentSettings) -> bool:
        """Store print and seal settings; the seal password goes to the OS keyring.

        Returns False when there is no keyring: the password is then kept for this program
        run only, and asked again next time.
        """
        with self._ctx.db.write() as s:
            for field, key in _SETTING_KEYS.items():
                s.merge(Setting(key=key, value=as_text(getattr(settings, field))))
        if not settings.seal_configured:
            return True
        return self._passwords.put(settings.seal_pkcs12_path, settings.seal_pkcs12_password)

    def remember_seal_password(self, password: str) -> bool:
        """Keep the seal certificate's password (asked when sealing); True: in the keyring."""
        return self._passwords.put(self.settings().seal_pkcs12_path, password)

    def _seal_password(self, settings: DocumentSettings) -> str:
        """The password to seal with; a certificate without one needs none."""
        if settings.seal_password_known:
            return settings.seal_pkcs12_password
        try:
            certificate_of(settings.seal_pkcs12_path, "")
        except DomainError:
            raise DomainError("seal.password_needed", path=settings.seal_pkcs12_path) from None
        return ""

    def build_document(
        self, plan_id: int, number: int | None = None, language: str | None = None
    ) -> PlanDocument:
        """The :class:`PlanDocument` for version ``number`` (the latest when ``None``).

        The latest version is the live draft, or the signed snapshot when nothing changed since
        signing. A signed version is printed from its frozen snapshot with its signatures, and
        only when it passes its check (else ``DamagedVersionError``).
        """
        version = self._signing.get_version(plan_id, number)
        check = version.check
        if version.signed and (check is None or not check.ok):
            assert check is not None  # get_version always checks a signed version
            raise DamagedVersionError(check)
        lang = language or version.plan.fields.print_language or "sv"
        if lang not in PRINT_LANGUAGES:
            raise DomainError("export.language", value=lang)
        # What changed since the signed version before this one.
        previous = self._signing.previous_signed(plan_id, version.number)
        changes = summarise(previous.plan, previous.number, version.plan) if previous else None
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
            changes_since_signed=changes.lines(lang) if changes is not None else (),
            signatures_hash=check.accepted_chain[-1] if check else None,
            key_id=check.key_id if check else "",
            other_store=bool(check and check.origin is KeyOrigin.OTHER),
        )

    def render(
        self,
        plan_id: int,
        number: int | None = None,
        language: str | None = None,
        seal: bool | None = None,
    ) -> RenderedPdf:
        """Render a plan PDF without logging it, as :meth:`build_document` builds it.

        ``seal``: seal with the configured certificate; ``None`` seals when one is configured.
        """
        from sip_desk.pdf.render_plan import render_plan

        doc = self.build_document(plan_id, number, language)
        data = render_plan(doc)
        settings = self.settings()
        sealed = settings.seal_configured if seal is None else seal
        if sealed:
            data = seal_pdf(
                data,
                settings.seal_pkcs12_path,
                self._seal_password(settings),
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
            kind = AccessKind.PRINT if action is AuditAction.PRINT else AccessKind.EXPORT
            log_read(ctx, kind, pdf.plan_id, person_id, f"pdf {where}".strip(), s.connection())

    def preview(
        self, plan_id: int, number: int | None = None, language: str | None = None
    ) -> RenderedPdf:
        """Render a plan PDF (unsealed) to show in the print preview; logged as a preview."""
        pdf = self.render(plan_id, number, language, seal=False)
        log_read(self._ctx, AccessKind.PREVIEW, plan_id, detail=f"version {pdf.version_number}")
        return pdf

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
        """Check a PDF (a file or its bytes) against the store.

        ``trust`` are certificate files (PEM/DER) to trust for the seal besides the configured
        one, ``trust_keys`` public key files (``sip-desk key export``) of other stores.
        """
        data = source if isinstance(source, bytes) else read_file(source)
        roots = [load_certificate(p) for p in trust]
        keys = {key_id_of(k): k for k in (read_public_pem(Path(p)) for p in trust_keys)}
        settings = self.settings()
        if settings.seal_configured:
            roots.append(certificate_of(settings.seal_pkcs12_path, self._seal_password(settings)))
        with self._ctx.db.read() as s:
            return verify_bytes(s, data, roots, self._signing.keys.table(s, keys))


def move_stored_seal_password(ctx: ServiceContext) -> bool | None:
    """Start-up step: a seal password an earlier build kept in the store leaves it.

    It goes to the OS keyring when there is one (True), else it is dropped and asked for when
    next needed (False); ``None``: nothing was stored. On SQLite the row is overwritten on
    disk (``secure_delete``), not only unlinked.
    """
    with ctx.db.read() as s:
        old = s.get(Setting, OLD_PASSWORD_SETTING)
        path = s.get(Setting, "seal.pkcs12_path")
        if old is None:
            return None
        password, where = old.value, path.value if path is not None else ""
    moved = bool(where.strip()) and SealPasswords().put(where, password)
    with ctx.db.write() as s:
        if s.get_bind().dialect.name == "sqlite":
            s.execute(text("PRAGMA secure_delete = ON"))
        s.execute(delete(Setting).where(Setting.key == OLD_PASSWORD_SETTING))
    return moved
