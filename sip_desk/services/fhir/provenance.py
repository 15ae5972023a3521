"""Provenance: one per signature on a signed version (who signed which version, when).

The target is the CarePlan; the signed version is the entity, named by its content hash as an
RFC 6920 ``ni:`` URI (the same SHA-256 the printed plan shows), so a receiver can match it with
the PDF.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import SignatureMethod
from sip_desk.services.fhir import codes
from sip_desk.services.fhir.care_plan import SIP_TITLE, instant
from sip_desk.services.fhir.ids import Ids, ref
from sip_desk.services.fhir.people import Directory

DOCUMENT_COMPLETION = "http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion"
# ISO/ASTM E1762-95 signature types: the person approves the plan (consent signature); a
# professional signs as a co-participant in what the plan says their organisation will do.
_CONSENT_SIGNATURE = ("1.2.840.10065.1.12.1.7", "Consent Signature")
_PARTICIPANT_SIGNATURE = ("1.2.840.10065.1.12.1.3", "Co-participant's Signature")
_METHOD_TEXT = {
    SignatureMethod.PAPER: "Underskrift på papper",
    SignatureMethod.DRAWN: "Underskrift ritad i SIP Desk",
}


@dataclass(frozen=True, kw_only=True)
class SignedVersion:
    """A signed plan version and its signatures, as the store holds them."""

    number: int
    content_hash: str
    signed_at: datetime
    signatures: tuple[SignatureDto, ...] = ()


def content_uri(content_hash: str) -> str:
    """The SHA-256 content hash as an RFC 6920 named-information URI."""
    try:
        digest = bytes.fromhex(content_hash)
    except ValueError:
        return f"urn:sip-desk:content-hash:{content_hash}"
    return "ni:///sha-256;" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _signer(sig: SignatureDto, people: Directory) -> dict[str, Any]:
    found = people.person(sig.signer_name) if sig.is_person else None
    found = found or people.professional(sig.signer_name)
    return found or {"display": sig.signer_name}


def provenance(
    version: SignedVersion, index: int, sig: SignatureDto, ids: Ids, people: Directory
) -> dict[str, Any]:
    """The Provenance of signature ``index`` of ``version``."""
    who = _signer(sig, people)
    agent: dict[str, Any] = {
        "type": codes.concept(codes.PROVENANCE_AGENT, "attester", "Attester"),
        "who": who,
    }
    org = None if sig.is_person else people.organisation(sig.organisation)
    if org is not None:
        agent["onBehalfOf"] = org
    kind = _CONSENT_SIGNATURE if sig.is_person else _PARTICIPANT_SIGNATURE
    label = f"{SIP_TITLE}, version {version.number}"
    res: dict[str, Any] = {
        "resourceType": "Provenance",
        "target": [ref(ids.url("care-plan"), label)],
        "occurredDateTime": sig.signed_on.isoformat(),
        "recorded": instant(version.signed_at),
        "activity": codes.concept(
            DOCUMENT_COMPLETION, "LA", "legally authenticated", _METHOD_TEXT[sig.method]
        ),
        "agent": [agent],
        "entity": [
            {
                "role": "source",
                "what": {
                    "identifier": {
                        "system": codes.URI_IDENTIFIER,
                        "value": content_uri(version.content_hash),
                    },
                    "display": f"Signerad version {version.number}",
                },
            }
        ],
        "signature": [
            {
                "type": [codes.coding(codes.SIGNATURE_TYPE, *kind)],
                "when": instant(version.signed_at),
                "who": who,
            }
        ],
    }
    return ids.entry("provenance", f"{version.number}/{index}", res)
