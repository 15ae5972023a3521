"""The outcome of checking a signed version (``verify-store``) and a plan PDF (``verify``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sip_desk.domain.errors import DomainError
from sip_desk.domain.messages import render


class KeyVerdict(StrEnum):
    """What a signing key says about one key signature."""

    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN = "unknown"  # no such key in this store
    FILE_MISSING = "file_missing"  # the store's own key, but its key file is not here
    MISMATCH = "mismatch"  # the store's own key, but the key file here is another key


class KeyOrigin(StrEnum):
    """Whose key sealed a version."""

    OWN = "own"  # this store's key
    OTHER = "other"  # another store's key (the version was imported)
    NONE = "none"  # not sealed


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a signed version: a message code and its parameters."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __init__(self, code: str, **params: object) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", params)

    def message(self, lang: str = "sv") -> str:
        """The text in ``lang``."""
        return render(self.code, lang, self.params)


@dataclass(frozen=True, kw_only=True)
class VersionCheck:
    """The outcome of checking one signed version in the store.

    Attributes:
        key_id: the key that sealed it ("" when not sealed).
        trusted: the key is this store's own (from its key file) or given with ``--trust-key``.
        on_upgrade: sealed when the store got its key, after it was signed (older versions).
        redacted: imported without the address; the key signature attests the hash.
        accepted_chain: signature-chain hashes of every state the key covers.
        signed: the version is signed (``verify-store`` also lists a damaged unsigned one).
    """

    plan_id: int
    number: int
    content_hash: str
    key_id: str = ""
    origin: KeyOrigin = KeyOrigin.NONE
    trusted: bool = False
    on_upgrade: bool = False
    redacted: bool = False
    accepted_chain: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    signed: bool = True

    @property
    def ok(self) -> bool:
        """True when nothing is wrong (the key may still be another store's)."""
        return not self.problems

    def messages(self, lang: str = "sv") -> list[str]:
        """One line per problem."""
        return [p.message(lang) for p in self.problems]


class DamagedVersionError(DomainError):
    """A signed version failed its check, so it is not printed, sealed or exported as signed."""

    def __init__(self, check: VersionCheck) -> None:
        self.check = check
        super().__init__("version.damaged", plan=check.plan_id, number=check.number)

    def message(self, lang: str = "sv") -> str:
        """The heading and one line per problem."""
        detail = "\n".join(f"- {line}" for line in self.check.messages(lang))
        return render(self.code, lang, {**self.params, "detail": detail})


@dataclass(frozen=True, kw_only=True)
class SealCheck:
    """What the digital seal of a PDF says (``services.pdf_seal.validate_seal``).

    ``ok``: present, intact, cryptographically valid, trusted and covering the whole file.
    """

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
        readable: the file is a PDF with SIP Desk metadata.
        plan_id, version_number, content_hash: as written in the file (no hash: a draft print).
        version_found: the store has a signed version with this hash for this plan.
        stored_hash_ok: the stored hash equals the one recomputed from the stored snapshot and
            chains to the previous signed version (a changed database row fails here).
        file_known: these exact bytes were printed or exported by SIP Desk from this store.
        version: the check of the stored signed version (hash, chain, signatures, key).
        signatures_hash: the signatures-chain hash written in the file ("" in files printed
            before signatures were sealed).
        signatures_match: the file shows the signatures as sealed (or, for an older file
            without ``signatures_hash``, nothing to compare).
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
    version: VersionCheck | None = None
    signatures_hash: str = ""
    signatures_match: bool = False

    @property
    def key_ok(self) -> bool:
        """The stored version checks out and its key is trusted."""
        return self.version is not None and self.version.ok and self.version.trusted

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
            and self.key_ok
            and self.signatures_match
            and self.file_matches
            and seal_fine
        )
