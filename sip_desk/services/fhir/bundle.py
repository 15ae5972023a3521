"""A plan → a FHIR R4 Bundle of type ``collection``, as plain JSON-ready dicts.

``collection`` and not ``document``: a ``document`` Bundle is one attested, immutable record
led by a Composition, which a receiver files as it is; what SIP Desk hands over is a set of
resources (the plan as it stands, draft or signed, with who signed which version in
Provenance) that a receiving system takes in and links to its own records. Every reference
points to an entry's ``fullUrl`` (``urn:uuid``) in the same bundle.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.fhir import codes
from sip_desk.services.fhir.care_plan import care_plan, care_team, goal, instant
from sip_desk.services.fhir.consent import information_consent, plan_consent
from sip_desk.services.fhir.ids import Ids
from sip_desk.services.fhir.people import Directory, patient
from sip_desk.services.fhir.provenance import SignedVersion, provenance

FHIR_VERSION = "4.0.1"


@dataclass(frozen=True, kw_only=True)
class FhirSource:
    """What one bundle is made of.

    Attributes:
        plan: the plan as it stands (a protected person's without the address).
        signed: the signed versions with their signatures, oldest first.
        exported_at: when (the bundle's timestamp; "today" for consent states).
        namespace: the store's own UUID, which makes the resource ids stable.
    """

    plan: PlanDetail
    signed: tuple[SignedVersion, ...] = ()
    exported_at: datetime
    namespace: uuid.UUID


def build_bundle(source: FhirSource) -> dict[str, Any]:
    """The Bundle for ``source``."""
    plan = source.plan
    ids = Ids(source.namespace, plan.id)
    people = Directory(plan, ids)
    today = source.exported_at.astimezone(LOCAL_TZ).date()
    entries = [patient(plan.person, ids), care_plan(plan, ids, people)]
    entries += [goal(g, plan, ids, people) for g in plan.goals]
    entries.append(care_team(plan, ids, people))
    if (given := plan_consent(plan, ids, people)) is not None:
        entries.append(given)
    consents = sorted(plan.consents, key=lambda c: c.id)
    entries += [information_consent(c, plan, ids, people, today) for c in consents]
    entries += [
        provenance(v, i, sig, ids, people)
        for v in source.signed
        for i, sig in enumerate(v.signatures, start=1)
    ]
    entries += people.entries
    stamp = instant(source.exported_at)
    bundle_id = ids.uuid("bundle", stamp)
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "meta": {
            "lastUpdated": stamp,
            "security": [codes.confidentiality(plan.person.protected_identity)],
        },
        "identifier": {"system": codes.URI_IDENTIFIER, "value": f"urn:uuid:{bundle_id}"},
        "type": "collection",
        "timestamp": stamp,
        "entry": entries,
    }


def dumps(bundle: dict[str, Any]) -> str:
    """The bundle as indented UTF-8 JSON text ending in a newline."""
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
