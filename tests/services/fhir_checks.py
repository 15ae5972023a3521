"""Checking a FHIR bundle: parsed with the R4 models, codes from the standard code systems,
every reference resolving inside the bundle. Shared by the service and CLI tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import fhir.resources
from fhir.resources.bundle import Bundle
from fhir.resources.core.fhirabstractmodel import FHIRAbstractModel

_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")  # a BCP 47 language tag


def _codes(names: str) -> set[str]:
    return set(names.split())


# The codes of the published code systems the export uses (FHIR R4 4.0.1 / HL7 terminology).
# Written out here, not taken from the code under test; large HL7 v3 systems list only the
# codes the export uses.
STANDARD_CODES: dict[str, set[str]] = {
    "http://terminology.hl7.org/CodeSystem/goal-achievement": _codes(
        "in-progress improving worsening no-change achieved sustaining not-achieved "
        "no-progress not-attainable"
    ),
    "http://terminology.hl7.org/CodeSystem/consentscope": {
        "adr",
        "research",
        "patient-privacy",
        "treatment",
    },
    "http://terminology.hl7.org/CodeSystem/consentaction": {
        "collect",
        "access",
        "use",
        "disclose",
        "correct",
    },
    "http://terminology.hl7.org/CodeSystem/organization-type": _codes(
        "prov dept team govt ins pay edu reli crs cg bus other"
    ),
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type": _codes(
        "enterer performer author verifier legal attester informant custodian assembler composer"
    ),
    "http://terminology.hl7.org/CodeSystem/v3-Confidentiality": {"U", "L", "M", "N", "R", "V"},
    "http://terminology.hl7.org/CodeSystem/v3-RoleCode": {"GUARD"},
    "http://terminology.hl7.org/CodeSystem/v3-ActCode": {"IDSCL", "OPTIN"},
    "http://terminology.hl7.org/CodeSystem/v3-ParticipationType": {"IRCP"},
    "http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion": _codes(
        "AU DI DO IN IP LA NU PA UC"
    ),
    "http://loinc.org": {"59284-0", "64292-6"},
    "urn:iso-astm:E1762-95:2013": {f"1.2.840.10065.1.12.1.{n}" for n in range(1, 18)},
}


def parse(bundle: dict[str, Any]) -> Bundle:
    """The bundle read by the R4 models; raises on any validation error."""
    assert fhir.resources.__fhir_version__ == "4.0.1"
    return Bundle.parse_obj(bundle)


def _walk(model: FHIRAbstractModel) -> Iterator[tuple[FHIRAbstractModel, str, Any]]:
    for name in model.__fields__:
        value = getattr(model, name)
        yield model, name, value
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, FHIRAbstractModel):
                yield from _walk(item)


def code_problems(bundle: Bundle) -> list[str]:
    """Every code outside its required value set, and every coding outside its code system."""
    problems = []
    for model, name, value in _walk(bundle):
        allowed = model.__fields__[name].field_info.extra.get("enum_values")
        if allowed and value is not None and value not in allowed:
            problems.append(f"{type(model).__name__}.{name} = {value!r}")
    for model, name, value in _walk(bundle):
        if type(model).__name__ != "Coding" or name != "code":
            continue
        if model.system == "urn:ietf:bcp:47" and _LANGUAGE_TAG.fullmatch(value or ""):
            continue
        known = STANDARD_CODES.get(model.system or "")
        if known is None or value not in known:
            problems.append(f"{model.system}#{value}")
    return problems


def references(value: Any) -> Iterator[str]:
    """Every ``reference`` anywhere in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)


def unresolved(bundle: dict[str, Any]) -> set[str]:
    """References that point to no entry's ``fullUrl``."""
    urls = {e["fullUrl"] for e in bundle["entry"]}
    return set(references(bundle)) - urls


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The resources of ``kind`` in the bundle, in order."""
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]
