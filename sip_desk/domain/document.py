"""What the PDF layer is given: a plan (live draft or signed snapshot) and how to print it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sip_desk.domain.enums import SignatureMethod, VersionState
from sip_desk.domain.languages import PRINT_LANGUAGES
from sip_desk.domain.plan import PlanDetail

__all__ = ["PRINT_LANGUAGES", "PlanDocument", "SignatureDto"]


@dataclass(frozen=True, kw_only=True)
class SignatureDto:
    """One signature on a plan version; ``image_png`` holds a signature drawn in the app."""

    signer_name: str
    organisation: str = ""
    role: str = ""
    is_person: bool = False
    method: SignatureMethod = SignatureMethod.DRAWN
    signed_on: date
    image_png: bytes | None = None


@dataclass(frozen=True, kw_only=True)
class PlanDocument:
    """Everything needed to print a plan, with no database or Qt behind it.

    Attributes:
        plan: the plan as printed (a signed snapshot or the current draft).
        language: one of :data:`PRINT_LANGUAGES` for the person's page and all labels.
        content_hash: SHA-256 of the signed snapshot (``None`` for a draft).
        printed_on: the print date (passed in; the renderer never reads the clock).
        confidentiality_marking: header text such as "Sekretess enligt OSL 26 kap. 1 §".
        changes_since_signed: short plain-language lines about what changed since the last
            signed version (empty for a first version).
        signatures_hash: the hash chained over the content hash and the signatures printed
            (signed only; written into the file's metadata for ``verify``).
        key_id: the store key that sealed the signed version.
        other_store: the version was signed in another store and imported here.
    """

    plan: PlanDetail
    language: str = "sv"
    version_number: int
    version_state: VersionState = VersionState.DRAFT
    content_hash: str | None = None
    printed_on: date
    confidentiality_marking: str = ""
    signatures: tuple[SignatureDto, ...] = ()
    changes_since_signed: tuple[str, ...] = ()
    signatures_hash: str | None = None
    key_id: str = ""
    other_store: bool = False
