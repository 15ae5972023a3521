"""The plan itself: CarePlan (its actions as activities), Goal and CareTeam."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sip_desk.domain.action import ActionDto
from sip_desk.domain.enums import GoalOutcome, MeetingStatus
from sip_desk.domain.goal import GoalDto
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.participant import ParticipantDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.fhir import codes
from sip_desk.services.fhir.ids import Ids, ref
from sip_desk.services.fhir.people import Directory

SIP_TITLE = "Samordnad individuell plan (SIP)"
# The person's own perspective and the crisis plan, as CarePlan notes (label, field).
_NOTES = (
    ("Vad är viktigt för mig", "what_matters"),
    ("Styrkor", "strengths"),
    ("Det här gör jag själv", "person_own_actions"),
    ("Det här gör mina närstående", "relatives_own_actions"),
    ("Krisplan, varningstecken", "crisis_warning_signs"),
    ("Krisplan, vad görs", "crisis_actions"),
    ("Krisplan, vem kontaktas", "crisis_contacts"),
)


def instant(moment: datetime) -> str:
    """A FHIR instant/dateTime in local time with its offset (seconds precision)."""
    return moment.astimezone(LOCAL_TZ).isoformat(timespec="seconds")


def _period(start: date | None, end: date | None) -> dict[str, str]:
    out = {}
    if start is not None:
        out["start"] = start.isoformat()
    if end is not None:
        out["end"] = end.isoformat()
    return out


def latest_outcomes(plan: PlanDetail) -> dict[int, tuple[GoalOutcome, str]]:
    """Each goal's latest evaluation at a held follow-up, with the person's own view."""
    held = sorted(
        (m for m in plan.meetings if m.status is MeetingStatus.HELD), key=lambda m: m.starts_at
    )
    return {r.goal_id: (r.outcome, r.person_view) for m in held for r in m.goal_reviews}


def goal(g: GoalDto, plan: PlanDetail, ids: Ids, people: Directory) -> dict[str, Any]:
    """One Goal in the person's own words, expressed by the person."""
    outcome, view = latest_outcomes(plan).get(g.id, (None, ""))
    res: dict[str, Any] = {
        "resourceType": "Goal",
        "lifecycleStatus": codes.goal_lifecycle(plan.status, outcome),
    }
    if outcome is not None:
        code, display = codes.ACHIEVEMENT[outcome]
        res["achievementStatus"] = codes.concept(codes.GOAL_ACHIEVEMENT, code, display)
    elif res["lifecycleStatus"] == "active":
        res["achievementStatus"] = codes.concept(
            codes.GOAL_ACHIEVEMENT, "in-progress", "In Progress"
        )
    term = "Kortsiktigt mål (delmål)" if g.term.value == "short" else "Långsiktigt mål"
    res["category"] = [{"text": term}]
    res["description"] = {"text": g.text}
    res["subject"] = people.patient
    res["expressedBy"] = people.patient
    if view.strip():
        res["note"] = [{"text": f"Personens egen syn vid uppföljning: {view.strip()}"}]
    if g.parent_id is not None and any(x.id == g.parent_id for x in plan.goals):
        # A sub-goal (delmål) is a milestone towards its goal.
        res["extension"] = [
            {
                "url": codes.GOAL_RELATIONSHIP,
                "extension": [
                    {"url": "type", "valueCode": "milestone"},
                    {"url": "target", "valueReference": ref(ids.url("goal", g.parent_id))},
                ],
            }
        ]
    return ids.entry("goal", g.id, res)


def _activity(a: ActionDto, plan: PlanDetail, ids: Ids, people: Directory) -> dict[str, Any]:
    performers = []
    person = people.participant_by_id(a.responsible_participant_id, plan)
    if person is not None:
        performers.append(person)
    org = people.unit(a.organisation, a.unit, a.responsible_principal)
    if org is not None:
        performers.append(org)
    detail: dict[str, Any] = {
        "status": codes.ACTIVITY_STATUS[a.status],
        "description": a.description,
    }
    need = next((n for n in plan.needs if n.id == a.need_id), None)
    if need is not None and need.description.strip():
        detail["reasonCode"] = [{"text": need.description.strip()}]
    known = {g.id for g in plan.goals}
    goals = [ref(ids.url("goal", g)) for g in a.goal_ids if g in known]
    if goals:
        detail["goal"] = goals
    if period := _period(a.start_date, a.end_date):
        detail["scheduledPeriod"] = period
    if performers:
        detail["performer"] = performers
    return {"detail": detail}


def care_plan(plan: PlanDetail, ids: Ids, people: Directory) -> dict[str, Any]:
    """The CarePlan: the plan's status, reason, goals, care team and every action."""
    fields = plan.fields
    res: dict[str, Any] = {
        "resourceType": "CarePlan",
        "status": codes.CARE_PLAN_STATUS[plan.status],
        "intent": "plan",
        "category": [{"text": SIP_TITLE}],
        "title": SIP_TITLE,
    }
    if fields.reason.strip():
        res["description"] = fields.reason.strip()
    res["subject"] = people.patient
    res["period"] = {"start": plan.created_at.astimezone(LOCAL_TZ).date().isoformat()}
    if plan.closed_on is not None:
        res["period"]["end"] = plan.closed_on.isoformat()
    res["created"] = instant(plan.created_at)
    coordinator = people.participant_by_id(fields.coordinator_participant_id, plan)
    lead = people.organisation(fields.lead_organisation)
    if coordinator is not None:
        res["author"] = coordinator
    elif lead is not None:
        res["author"] = lead
    res["careTeam"] = [ref(ids.url("care-team"))]
    if plan.goals:
        res["goal"] = [ref(ids.url("goal", g.id)) for g in plan.goals]
    if plan.actions:
        res["activity"] = [_activity(a, plan, ids, people) for a in plan.actions]
    notes = [(label, getattr(fields, name).strip()) for label, name in _NOTES]
    if any(text for _, text in notes):
        res["note"] = [{"text": f"{label}: {text}"} for label, text in notes if text]
    return ids.entry("care-plan", "", res)


def _roles(p: ParticipantDto) -> list[dict[str, Any]]:
    texts = [p.role.strip(), p.contact_role.strip(), "Mötesordförande" if p.is_chair else ""]
    return [{"text": t} for t in texts if t]


def care_team(plan: PlanDetail, ids: Ids, people: Directory) -> dict[str, Any]:
    """The CareTeam: the person and every participant, with their role and organisation."""
    members: list[dict[str, Any]] = [
        {"role": [{"text": "Personen själv"}], "member": people.patient}
    ]
    for p in plan.participants:
        member: dict[str, Any] = {"member": people.participant(p)}
        if roles := _roles(p):
            member = {"role": roles, **member}
        org = people.organisation(p.organisation, p.unit) if people.is_practitioner(p) else None
        if org is not None:  # onBehalfOf only for a Practitioner (ctm-1)
            member["onBehalfOf"] = org
        members.append(member)
    res: dict[str, Any] = {
        "resourceType": "CareTeam",
        "status": codes.CARE_TEAM_STATUS[plan.status],
        "name": f"SIP-team för {plan.person.full_name}",
        "subject": people.patient,
        "participant": members,
    }
    lead = people.organisation(plan.fields.lead_organisation)
    if lead is not None:
        res["managingOrganization"] = [lead]
    return ids.entry("care-team", "", res)
