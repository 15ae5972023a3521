"""The standard code systems the export uses, and the plan's values mapped onto them.

Every code here comes from a published FHIR R4 (4.0.1) or HL7 terminology code system; where
none exists for a value (the principal types kommun/region, a relative's role), the export
writes text only and invents no local code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sip_desk.domain.enums import (
    ActionStatus,
    GoalOutcome,
    PlanStatus,
    PrincipalType,
    RepresentativeKind,
)
from sip_desk.domain.participant import InformationConsentDto

PERSONNUMMER = "urn:oid:1.2.752.129.2.1.3.1"
SAMORDNINGSNUMMER = "urn:oid:1.2.752.129.2.1.3.3"
URI_IDENTIFIER = "urn:ietf:rfc:3986"
BCP47 = "urn:ietf:bcp:47"

GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction"
LOINC = "http://loinc.org"
V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
V3_PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
V3_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type"
PROVENANCE_AGENT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013"
INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
GOAL_RELATIONSHIP = "http://hl7.org/fhir/StructureDefinition/goal-relationship"

# Plan status → CarePlan.status (request-status), CareTeam.status (care-team-status).
CARE_PLAN_STATUS = {
    PlanStatus.DRAFT: "draft",
    PlanStatus.ACTIVE: "active",
    PlanStatus.CLOSED: "completed",
}
CARE_TEAM_STATUS = {
    PlanStatus.DRAFT: "proposed",
    PlanStatus.ACTIVE: "active",
    PlanStatus.CLOSED: "inactive",
}
# Action status → CarePlan.activity.detail.status (care-plan-activity-status). An action marked
# "not done" at a follow-up ended without being carried out: "stopped".
ACTIVITY_STATUS = {
    ActionStatus.PLANNED: "not-started",
    ActionStatus.ONGOING: "in-progress",
    ActionStatus.DONE: "completed",
    ActionStatus.NOT_DONE: "stopped",
    ActionStatus.CANCELLED: "cancelled",
}
# The latest follow-up's evaluation of a goal → Goal.achievementStatus (goal-achievement).
ACHIEVEMENT = {
    GoalOutcome.ACHIEVED: ("achieved", "Achieved"),
    GoalOutcome.PARTLY: ("improving", "Improving"),
    GoalOutcome.NOT_ACHIEVED: ("not-achieved", "Not Achieved"),
}
# Principal → Organization.type (organization-type): a kommun is a government body, a region
# the health-care provider; other actors (school, Försäkringskassan …) "other".
ORGANIZATION_TYPES = {
    PrincipalType.KOMMUN: ("govt", "Government"),
    PrincipalType.REGION: ("prov", "Healthcare Provider"),
    PrincipalType.OTHER: ("other", "Other"),
}
PRINCIPAL_TEXT = {
    PrincipalType.KOMMUN: "Kommun",
    PrincipalType.REGION: "Region",
    PrincipalType.OTHER: "Annan aktör",
}
REPRESENTATIVE_TEXT = {
    RepresentativeKind.GUARDIAN: "Vårdnadshavare",
    RepresentativeKind.GOD_MAN: "God man",
    RepresentativeKind.FORVALTARE: "Förvaltare",
    RepresentativeKind.OTHER: "Ställföreträdare",
}


def coding(system: str, code: str, display: str = "") -> dict[str, Any]:
    """A Coding (display only when given)."""
    out = {"system": system, "code": code}
    return {**out, "display": display} if display else out


def concept(system: str, code: str, display: str = "", text: str = "") -> dict[str, Any]:
    """A CodeableConcept with one coding (and a text when given)."""
    out: dict[str, Any] = {"coding": [coding(system, code, display)]}
    return {**out, "text": text} if text else out


def goal_lifecycle(plan: PlanStatus, outcome: GoalOutcome | None) -> str:
    """Goal.lifecycleStatus (goal-status) for a goal of a plan in ``plan`` status.

    Proposed in a draft; completed once achieved or when the plan is closed (no longer
    sought); otherwise active.
    """
    if plan is PlanStatus.DRAFT:
        return "proposed"
    if plan is PlanStatus.CLOSED or outcome is GoalOutcome.ACHIEVED:
        return "completed"
    return "active"


def consent_state(consent: InformationConsentDto, today: date) -> str:
    """Consent.status (consent-state-codes): a revoked or expired consent is "inactive"."""
    if consent.revoked_on is not None and consent.revoked_on <= today:
        return "inactive"
    if consent.valid_until is not None and consent.valid_until < today:
        return "inactive"
    return "active"


def representative_relationship(kind: RepresentativeKind) -> dict[str, Any]:
    """RelatedPerson.relationship of a guardian or legal representative.

    v3-RoleCode GUARD (legally empowered with responsibility for the care of a ward), with
    the Swedish kind as text.
    """
    text = REPRESENTATIVE_TEXT[kind]
    if kind is RepresentativeKind.OTHER:
        return {"text": text}
    return concept(V3_ROLE_CODE, "GUARD", "guardian", text)


def confidentiality(protected: bool) -> dict[str, Any]:
    """The Bundle's confidentiality label.

    Every plan is restricted (OSL secrecy); a person with protected identity makes it very
    restricted.
    """
    if protected:
        return coding(V3_CONFIDENTIALITY, "V", "very restricted")
    return coding(V3_CONFIDENTIALITY, "R", "restricted")
