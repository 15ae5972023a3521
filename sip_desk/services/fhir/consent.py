"""Consent: the person's consent to the plan, and to sharing information with each organisation.

Secrecy is the default (OSL), so each consent is an opt-in privacy consent that permits the
named organisation to receive the listed information (``IRCP``, ``disclose``), for its period;
what the person excluded is a nested ``deny``. A revoked or expired consent is ``inactive``,
its period ending on the day it was revoked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sip_desk.domain.enums import ConsentGiver, RepresentativeKind
from sip_desk.domain.participant import InformationConsentDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.fhir import codes
from sip_desk.services.fhir.ids import Ids, ref
from sip_desk.services.fhir.people import Directory

_OPT_IN = codes.concept(codes.V3_ACT_CODE, "OPTIN", "opt-in")


def _category(loinc: str, display: str, act: tuple[str, str] | None = None) -> dict[str, Any]:
    found = [codes.coding(codes.LOINC, loinc, display)]
    if act is not None:
        found.append(codes.coding(codes.V3_ACT_CODE, *act))
    return {"coding": found}


def _givers(
    by: ConsentGiver, name: str, plan: PlanDetail, people: Directory
) -> list[dict[str, Any]]:
    """Who gave the consent: the person, or the guardians/representatives it names."""
    if by is ConsentGiver.PERSON:
        return [people.patient]
    named = people.named_in(name)
    if named:
        return named
    if name.strip():
        return [{"display": name.strip()}]
    guardian = by is ConsentGiver.GUARDIAN
    reps = [
        r
        for r in plan.person.representatives
        if (r.kind is RepresentativeKind.GUARDIAN) == guardian
    ]
    return [x for x in (people.person(r.name) for r in reps) if x is not None]


def _period(c: InformationConsentDto) -> dict[str, str]:
    end = c.valid_until
    if c.revoked_on is not None and (end is None or c.revoked_on < end):
        end = c.revoked_on
    out = {"start": c.valid_from.isoformat()}
    return {**out, "end": end.isoformat()} if end is not None else out


def information_consent(
    c: InformationConsentDto, plan: PlanDetail, ids: Ids, people: Directory, today: date
) -> dict[str, Any]:
    """One consent to share information with one organisation."""
    provision: dict[str, Any] = {"type": "permit", "period": _period(c)}
    org = people.organisation(c.organisation)
    if org is not None:
        recipient = codes.concept(codes.V3_PARTICIPATION, "IRCP", "information recipient")
        provision["actor"] = [{"role": recipient, "reference": org}]
    provision["action"] = [codes.concept(codes.CONSENT_ACTION, "disclose", "Disclose")]
    if c.information_shared.strip():
        provision["code"] = [{"text": c.information_shared.strip()}]
    if c.information_excluded.strip():
        provision["provision"] = [
            {"type": "deny", "code": [{"text": c.information_excluded.strip()}]}
        ]
    res: dict[str, Any] = {
        "resourceType": "Consent",
        "status": codes.consent_state(c, today),
        "scope": codes.concept(codes.CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
        "category": [
            _category(
                "64292-6",
                "Release of information consent",
                ("IDSCL", "information disclosure"),
            )
        ],
        "patient": people.patient,
        "dateTime": c.valid_from.isoformat(),
    }
    if givers := _givers(c.given_by, c.given_by_name, plan, people):
        res["performer"] = givers
    lead = people.organisation(plan.fields.lead_organisation)
    if lead is not None:
        res["organization"] = [lead]
    res["policyRule"] = _OPT_IN
    res["provision"] = provision
    return ids.entry("consent", c.id, res)


def plan_consent(plan: PlanDetail, ids: Ids, people: Directory) -> dict[str, Any] | None:
    """The person's consent to the plan being made (scope ``treatment``), when given."""
    fields = plan.fields
    if not fields.plan_consent_given:
        return None
    res: dict[str, Any] = {
        "resourceType": "Consent",
        "status": "active",
        "scope": codes.concept(codes.CONSENT_SCOPE, "treatment", "Treatment"),
        "category": [_category("59284-0", "Patient Consent")],
        "patient": people.patient,
    }
    if fields.plan_consent_date is not None:
        res["dateTime"] = fields.plan_consent_date.isoformat()
    by = fields.plan_consent_given_by or ConsentGiver.PERSON
    if givers := _givers(by, "", plan, people):
        res["performer"] = givers
    lead = people.organisation(fields.lead_organisation)
    if lead is not None:
        res["organization"] = [lead]
    res["policyRule"] = _OPT_IN
    res["provision"] = {
        "type": "permit",
        "data": [{"meaning": "related", "reference": ref(ids.url("care-plan"))}],
    }
    return ids.entry("consent", "plan", res)
