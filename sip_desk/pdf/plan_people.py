"""Full plan, first part: the person, reason and question, participants, consent."""

from __future__ import annotations

from reportlab.platypus import Flowable

from sip_desk.domain.languages import language_name
from sip_desk.domain.participant import InformationConsentDto, ParticipantDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.pdf.bidi_lines import isolate
from sip_desk.pdf.kit import Cell, Kit, fmt_date


def person_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """The person; the address is never printed for a protected identity."""
    labels, person = kit.labels, plan.person
    address = labels("f.address_protected") if person.protected_identity else person.address
    interpreter = ""
    if person.interpreter_needed:
        language = language_name(person.interpreter_language)
        interpreter = f"{labels('yes')}, {isolate(language)}".strip(", ")
    representatives = "\n".join(
        ", ".join(x for x in (labels.enum(r.kind), r.name, r.phone, r.email) if x)
        for r in person.representatives
    )
    rows = [
        ("f.name", person.full_name),
        ("f.identity", person.identity_number or person.reserve_id or ""),
        ("f.phone", person.phone),
        ("f.email", person.email),
        ("f.address", address),
        ("f.language", language_name(person.preferred_language)),
        ("f.interpreter", interpreter),
        ("f.representatives", representatives),
    ]
    return [kit.heading("sec.person"), kit.fields(rows)]


def reason_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """Why the plan is made, the question for the meeting and whether the person took part."""
    labels, fields = kit.labels, plan.fields
    rows = [
        ("f.reason", fields.reason),
        ("f.question", fields.meeting_question),
        ("f.requested_by", fields.requested_by),
        ("f.requested_on", fmt_date(fields.requested_on)),
        ("f.made_with_person", labels.yes_no(fields.made_with_person)),
        ("f.not_with_reason", fields.not_with_person_reason),
    ]
    return [kit.heading("sec.reason"), kit.fields(rows)]


def _participant_row(participant: ParticipantDto, kit: Kit, roles: dict[str, str]) -> list[Cell]:
    """One participant; the person's guardian or representative shows that role as principal."""
    labels = kit.labels
    marks = [labels("mark.chair")] if participant.is_chair else []
    if participant.is_relative:
        marks.append(labels("mark.relative"))
    if participant.contact_role:
        marks.append(participant.contact_role)
    name = participant.name + (f"\n{', '.join(marks)}" if marks else "")
    organisation = "\n".join(x for x in (participant.organisation, participant.unit) if x)
    contact = "\n".join(x for x in (participant.phone, participant.email) if x)
    return [
        name,
        organisation,
        roles.get(participant.name, labels.enum(participant.principal)),
        participant.role,
        contact,
        f"{labels('present.yes' if participant.present else 'present.no')}\n"
        f"{labels.enum(participant.invitation)}",
    ]


def participants_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """Every participant: organisation, principal, role, contact, present, summoned/invited."""
    header = kit.header_row(
        "col.name",
        "col.organisation",
        "col.principal",
        "col.role",
        "col.contact",
        "col.present",
    )
    roles = {r.name: kit.labels.enum(r.kind) for r in plan.person.representatives}
    rows = [header] + [_participant_row(p, kit, roles) for p in plan.participants]
    fractions = (0.18, 0.22, 0.12, 0.16, 0.18, 0.14)
    return [kit.heading("sec.participants"), kit.table(rows, fractions)]


def _validity(consent: InformationConsentDto, kit: Kit) -> str:
    if consent.valid_until is None:
        return kit.labels("valid.open", start=fmt_date(consent.valid_from))
    return f"{fmt_date(consent.valid_from)} – {fmt_date(consent.valid_until)}"


def _consent_row(consent: InformationConsentDto, kit: Kit) -> list[Cell]:
    labels = kit.labels
    giver = labels.enum(consent.given_by)
    if consent.given_by_name:
        giver = f"{giver}: {isolate(consent.given_by_name)}"
    organisation = f"{consent.organisation}\n{labels.enum(consent.principal)}"
    return [
        organisation,
        consent.information_shared,
        consent.information_excluded,
        _validity(consent, kit),
        labels.enum(consent.form),
        giver,
        fmt_date(consent.revoked_on),
    ]


def consent_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """Consent to the plan and the scoped, time-limited consents to share information."""
    labels, fields = kit.labels, plan.fields
    given = labels("consent.given") if fields.plan_consent_given else labels("consent.not_given")
    rows = [
        ("f.plan_consent", given),
        ("f.consent_date", fmt_date(fields.plan_consent_date)),
        (
            "f.consent_form",
            labels.enum(fields.plan_consent_form) if fields.plan_consent_form else "",
        ),
        (
            "f.consent_by",
            labels.enum(fields.plan_consent_given_by) if fields.plan_consent_given_by else "",
        ),
    ]
    story: list[Flowable] = [kit.heading("sec.consent"), kit.fields(rows)]
    if plan.consents:
        story.append(kit.subheading("sub.info_consents"))
        header = kit.header_row(
            "col.organisation",
            "col.shared",
            "col.excluded",
            "col.valid",
            "f.consent_form",
            "col.given_by",
            "col.revoked",
        )
        table_rows = [header] + [_consent_row(c, kit) for c in plan.consents]
        fractions = (0.17, 0.19, 0.15, 0.15, 0.1, 0.13, 0.11)
        story.append(kit.table(table_rows, fractions))
    story.append(kit.text(labels("sub.secrecy"), kit.styles.small))
    return story
