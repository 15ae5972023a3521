"""The outcome of checking a plan PDF against the store (``sip-desk verify``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class SealCheck:
    """The digital seal part of a verification (see ``services.pdf_seal.SealStatus``)."""

    present: bool
    ok: bool
    intact: bool = False
    trusted: bool = False
    whole_file: bool = False
    signer: str = ""
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class VerificationReport:
    """What ``verify`` found about one PDF file.

    Attributes:
        file_sha256: SHA-256 of the file's bytes.
        readable: the file is a PDF with SIP Desk metadata.
        plan_id: the plan id written in the file.
        version_number: the version number written in the file.
        content_hash: the version hash written in the file (empty for a draft print).
        version_found: the store has a signed version with this hash for this plan.
        stored_hash_ok: the stored hash equals the one recomputed from the stored snapshot and
            chains to the previous signed version (a changed database row fails here).
        file_known: these exact bytes were printed or exported by SIP Desk from this store.
        seal: the digital seal, if any.
    """

    file_sha256: str
    readable: bool
    plan_id: int | None = None
    version_number: int | None = None
    content_hash: str = ""
    version_found: bool = False
    stored_hash_ok: bool = False
    file_known: bool = False
    seal: SealCheck = SealCheck(present=False, ok=False)

    @property
    def file_matches(self) -> bool:
        """The file is an unchanged copy: its bytes are on record, or a valid seal covers them."""
        return self.file_known or self.seal.ok

    @property
    def ok(self) -> bool:
        """Everything checked out (an absent seal is not a failure, a broken one is)."""
        seal_fine = self.seal.ok or not self.seal.present
        return (
            self.readable
            and self.version_found
            and self.stored_hash_ok
            and self.file_matches
            and seal_fine
        )
