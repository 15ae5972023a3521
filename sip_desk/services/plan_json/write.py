"""Writing a checked :class:`PlanImport` into the store, inside the caller's transaction."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.orm import Session

from sip_desk.db import repositories as repo
from sip_desk.db.models import (
    Action,
    ActionReview,
    Goal,
    GoalReview,
    InformationConsent,
    Meeting,
    Need,
    Participant,
    Person,
    Plan,
    PlanVersion,
    Signature,
    SigningKey,
    VersionSeal,
)
from sip_desk.db.plan_read import PLAN_COLUMNS
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.follow_up import MeetingData
from sip_desk.services.audit import AuditLog
from sip_desk.services.meeting_service import meeting_columns
from sip_desk.services.plan_items_service import (
    action_columns,
    consent_columns,
    goal_columns,
    need_columns,
    participant_columns,
)
from sip_desk.services.plan_json.model import PlanImport, VersionImport
from sip_desk.services.plan_json.no_effort import no_effort_rows
from sip_desk.services.plan_json.translations import translation_rows
from sip_desk.services.unit_of_work import ensure_draft_version


def write_plan(session: Session, data: PlanImport, log: AuditLog, person: Person) -> Plan:
    """Create the plan from ``data`` for ``person`` (see :func:`.persons.attach_person`)."""
    plan = Plan(
        person=person,
        status=data.status,
        closed_reason=data.closed_reason,
        closed_on=data.closed_on,
        created_at=data.created_at,
        updated_at=data.updated_at,
        **{name: getattr(data.fields, name) for name in PLAN_COLUMNS},
    )
    if data.fields.lead_principal is not None:
        plan.lead_organisation = repo.organisation(
            session, data.fields.lead_organisation, data.fields.lead_principal
        )
    session.add(plan)
    session.flush()
    log.plan_id = plan.id
    _items(session, plan, data)
    for version in data.versions:
        plan.versions.append(_version(version))
    _keys(session, data, log)
    ensure_draft_version(plan, log.at)  # a file without versions gets draft 1, like a new plan
    session.flush()
    log.record(AuditAction.IMPORT, "plan", plan.id, new=_summary(data))
    return plan


def _items(session: Session, plan: Plan, data: PlanImport) -> None:
    """Every list of the plan; positions in the file become database ids."""
    coordinator = data.fields.coordinator_participant_id
    participants = [
        Participant(
            position=i, is_coordinator=i == coordinator, **participant_columns(session, plan, d)
        )
        for i, d in enumerate(data.participants)
    ]
    plan.participants.extend(participants)
    plan.consents.extend(
        InformationConsent(**consent_columns(session, plan, d)) for d in data.consents
    )
    goals = [
        Goal(position=i, **goal_columns(session, plan, dataclasses.replace(d, parent_id=None)))
        for i, d in enumerate(data.goals)
    ]
    plan.goals.extend(goals)
    needs = [Need(position=i, **need_columns(session, plan, d)) for i, d in enumerate(data.needs)]
    plan.needs.extend(needs)
    session.flush()
    for goal, d in zip(goals, data.goals, strict=True):
        goal.parent_id = None if d.parent_id is None else goals[d.parent_id].id
    actions = []
    for i, a in enumerate(data.actions):
        linked = dataclasses.replace(
            a,
            need_id=_id(needs, a.need_id),
            responsible_participant_id=_id(participants, a.responsible_participant_id),
            goal_ids=(),
        )
        action = Action(position=i, **action_columns(session, plan, linked))
        action.goals = [goals[g] for g in a.goal_ids]
        actions.append(action)
    plan.actions.extend(actions)
    session.flush()
    session.add_all(translation_rows(plan.id, data.translations, goals, actions))
    session.add_all(no_effort_rows(session, plan.id, data.no_effort_reasons))
    plan.meetings.extend(_meeting(m, participants, actions, goals) for m in data.meetings)


def _id(rows: list[Any], index: int | None) -> int | None:
    return None if index is None else int(rows[index].id)


def _meeting(
    m: MeetingData, participants: list[Participant], actions: list[Action], goals: list[Goal]
) -> Meeting:
    convenor = _id(participants, m.convenor_participant_id)
    meeting = Meeting(**{**meeting_columns(m), "convenor_participant_id": convenor})
    meeting.action_reviews = [
        ActionReview(action_id=actions[r.action_id].id, status=r.status, comment=r.comment)
        for r in m.action_reviews
    ]
    meeting.goal_reviews = [
        GoalReview(goal_id=goals[r.goal_id].id, outcome=r.outcome, person_view=r.person_view)
        for r in m.goal_reviews
    ]
    return meeting


def _version(v: VersionImport) -> PlanVersion:
    names = [f.name for f in dataclasses.fields(v) if f.name not in {"signatures", "seal"}]
    row = PlanVersion(**{name: getattr(v, name) for name in names})
    row.signatures = [
        Signature(position=i, **{f.name: getattr(s, f.name) for f in dataclasses.fields(s)})
        for i, s in enumerate(v.signatures)
    ]
    if v.seal is not None:
        # Kept as made in the exporting store: its key id and signature, not this store's.
        row.seal = VersionSeal(
            **{f.name: getattr(v.seal, f.name) for f in dataclasses.fields(v.seal)}
        )
    return row


def _keys(session: Session, data: PlanImport, log: AuditLog) -> None:
    """Record the public keys the imported versions were sealed with (other stores' keys)."""
    used = {v.seal.key_id for v in data.versions if v.seal} | {
        s.key_id for v in data.versions for s in v.signatures if s.key_id
    }
    for key_id in sorted(used):
        if key_id in data.signing_keys and session.get(SigningKey, key_id) is None:
            public = data.signing_keys[key_id]
            session.add(SigningKey(key_id=key_id, public_key=public, own=False, added_at=log.at))
            log.record(AuditAction.IMPORT, "signing_key", None, "key_id", new=key_id)


def _summary(data: PlanImport) -> str:
    lists = ["participants", "consents", "goals", "needs", "actions", "meetings", "versions"]
    return ", ".join(f"{name}={len(getattr(data, name))}" for name in lists)
