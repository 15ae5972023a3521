"""Who the plan names: the Patient, the Organizations, Practitioners and RelatedPersons.

:class:`Directory` makes one resource per organisation (and per unit, ``partOf`` its
organisation), per professional and per relative or representative, and answers "which
resource is this name?" for the care plan, the care team, the consents and the signatures.
"""

from __future__ import annotations

from typing import Any

from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.participant import ParticipantDto
from sip_desk.domain.person import PersonDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.fhir import codes
from sip_desk.services.fhir.ids import Ids, ref


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def telecom(phone: str, email: str) -> list[dict[str, Any]]:
    """ContactPoints for a phone number and an e-mail address (empty ones left out)."""
    points = [("phone", phone.strip()), ("email", email.strip())]
    return [{"system": system, "value": value} for system, value in points if value]


def _human_name(name: str) -> dict[str, Any]:
    parts = name.split()
    out: dict[str, Any] = {"text": " ".join(parts)}
    if len(parts) > 1:
        out["family"] = parts[-1]
        out["given"] = parts[:-1]
    return out


def identity_identifier(number: str) -> dict[str, Any]:
    """A personnummer or samordningsnummer (day of birth + 60) as 12 digits under its OID."""
    digits = "".join(c for c in number if c.isdigit())
    coordination = len(digits) == 12 and int(digits[6:8]) > 60
    system = codes.SAMORDNINGSNUMMER if coordination else codes.PERSONNUMMER
    return {"use": "official", "system": system, "value": digits}


def patient(person: PersonDto, ids: Ids) -> dict[str, Any]:
    """The Patient; a person with protected identity never gets an address here."""
    res: dict[str, Any] = {"resourceType": "Patient", "active": True}
    if person.identity_number:
        res["identifier"] = [identity_identifier(person.identity_number)]
    elif person.reserve_id:
        local = {"system": f"urn:uuid:{ids.uuid('reserve-ids')}", "value": person.reserve_id}
        res["identifier"] = [{"use": "temp", "type": {"text": "Reservnummer"}, **local}]
    name = {"use": "official", "text": person.full_name, "family": person.last_name}
    res["name"] = [{**name, "given": [person.first_name]} if person.first_name else name]
    if points := telecom(person.phone, person.email):
        res["telecom"] = points
    if person.address.strip() and not person.protected_identity:
        res["address"] = [{"text": person.address.strip()}]
    # The preferred language first; the interpreter's language when it is another one.
    languages = dict.fromkeys(
        x.strip() for x in (person.preferred_language, person.interpreter_language) if x.strip()
    )
    if languages:
        res["communication"] = [
            {"language": codes.concept(codes.BCP47, code), "preferred": i == 0}
            for i, code in enumerate(languages)
        ]
    if person.interpreter_needed:
        needed = {"url": codes.INTERPRETER_REQUIRED, "valueBoolean": True}
        res["extension"] = [needed]
    return ids.entry("patient", "", res)


class Directory:
    """The Organization, Practitioner and RelatedPerson entries of one bundle, by name."""

    def __init__(self, plan: PlanDetail, ids: Ids) -> None:
        self._ids = ids
        self._patient = ref(ids.url("patient"), plan.person.full_name)
        self.entries: list[dict[str, Any]] = []
        self._orgs: dict[str, str] = {}
        self._units: dict[tuple[str, str], str] = {}
        self._related: dict[str, tuple[str, str]] = {}  # key → (url, name)
        self._practitioners: dict[int, str] = {}
        for rep in plan.person.representatives:
            self._add_related(rep.name, codes.representative_relationship(rep.kind), rep)
        self._add_organisation(plan.fields.lead_organisation, plan.fields.lead_principal)
        for p in plan.participants:
            self._add_organisation(p.organisation, p.principal)
        for a in plan.actions:
            self._add_organisation(a.organisation, a.responsible_principal)
        for c in plan.consents:
            self._add_organisation(c.organisation, c.principal)
        for p in plan.participants:
            self._add_participant(p)

    @property
    def patient(self) -> dict[str, Any]:
        """A Reference to the Patient."""
        return dict(self._patient)

    def organisation(self, name: str, unit: str = "") -> dict[str, Any] | None:
        """A Reference to the organisation (or its unit), ``None`` for an empty name."""
        key = _key(name)
        if not key:
            return None
        if unit.strip():
            return ref(self._units[key, _key(unit)], f"{unit.strip()}, {name.strip()}")
        return ref(self._orgs[key], name.strip())

    def unit(self, name: str, unit: str, principal: PrincipalType) -> dict[str, Any] | None:
        """A Reference to an organisation's unit, made on first use."""
        self._add_organisation(name, principal)
        if _key(name) and unit.strip() and (_key(name), _key(unit)) not in self._units:
            self._add_unit(name, unit, principal)
        return self.organisation(name, unit)

    def participant(self, p: ParticipantDto) -> dict[str, Any]:
        """A Reference to the participant's Practitioner or RelatedPerson."""
        if p.id in self._practitioners:
            return ref(self._practitioners[p.id], p.name)
        return ref(*self._related[_key(p.name)])

    def is_practitioner(self, p: ParticipantDto) -> bool:
        """True when the participant is a professional (a Practitioner)."""
        return p.id in self._practitioners

    def participant_by_id(
        self, participant_id: int | None, plan: PlanDetail
    ) -> dict[str, Any] | None:
        """A Reference to participant ``participant_id`` of ``plan``, if any."""
        found = plan.participant(participant_id)
        return None if found is None else self.participant(found)

    def person(self, name: str) -> dict[str, Any] | None:
        """A Reference to the Patient, or a relative or representative, named ``name``."""
        key = _key(name)
        if key and key == _key(self._patient["display"]):
            return self.patient
        if key in self._related:
            return ref(*self._related[key])
        return None

    def named_in(self, text: str) -> list[dict[str, Any]]:
        """References to every representative or relative whose name ``text`` contains."""
        folded = _key(text)
        return [ref(*found) for key, found in self._related.items() if key in folded]

    def professional(self, name: str) -> dict[str, Any] | None:
        """A Reference to the Practitioner named ``name``, if one is."""
        key = _key(name)
        for url, display in self._practitioner_names():
            if _key(display) == key:
                return ref(url, display)
        return None

    # --- building

    def _practitioner_names(self) -> list[tuple[str, str]]:
        by_url = {e["fullUrl"]: e["resource"] for e in self.entries}
        return [(u, by_url[u]["name"][0]["text"]) for u in self._practitioners.values()]

    def _add_organisation(self, name: str, principal: PrincipalType | None) -> None:
        key = _key(name)
        if not key or key in self._orgs:
            return
        kind = principal or PrincipalType.OTHER
        code, display = codes.ORGANIZATION_TYPES[kind]
        org_type = codes.concept(codes.ORGANIZATION_TYPE, code, display, codes.PRINCIPAL_TEXT[kind])
        res = {"resourceType": "Organization", "active": True, "type": [org_type]}
        entry = self._ids.entry("organisation", key, {**res, "name": " ".join(name.split())})
        self._orgs[key] = entry["fullUrl"]
        self.entries.append(entry)

    def _add_unit(self, name: str, unit: str, principal: PrincipalType) -> None:
        key = (_key(name), _key(unit))
        dept = codes.concept(codes.ORGANIZATION_TYPE, "dept", "Hospital Department", "Enhet")
        res = {
            "resourceType": "Organization",
            "active": True,
            "type": [dept],
            "name": " ".join(unit.split()),
            "partOf": ref(self._orgs[key[0]], " ".join(name.split())),
        }
        entry = self._ids.entry("unit", "/".join(key), res)
        self._units[key] = entry["fullUrl"]
        self.entries.append(entry)

    def _add_related(self, name: str, relationship: dict[str, Any], contact: Any) -> None:
        key = _key(name)
        if not key or key in self._related:
            return
        res: dict[str, Any] = {
            "resourceType": "RelatedPerson",
            "active": True,
            "patient": self.patient,
            "relationship": [relationship],
            "name": [_human_name(name)],
        }
        if points := telecom(contact.phone, contact.email):
            res["telecom"] = points
        entry = self._ids.entry("related", key, res)
        self._related[key] = (entry["fullUrl"], " ".join(name.split()))
        self.entries.append(entry)

    def _add_participant(self, p: ParticipantDto) -> None:
        if p.is_relative or not p.organisation.strip():
            self._add_related(p.name, {"text": p.role.strip() or "Närstående"}, p)
            return
        res: dict[str, Any] = {
            "resourceType": "Practitioner",
            "active": True,
            "name": [_human_name(p.name)],
        }
        if points := telecom(p.phone, p.email):
            res["telecom"] = points
        entry = self._ids.entry("practitioner", p.id, res)
        self._practitioners[p.id] = entry["fullUrl"]
        self.entries.append(entry)
        if p.unit.strip():
            self.unit(p.organisation, p.unit, p.principal)
