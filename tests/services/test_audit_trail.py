"""Every service that changes data leaves an audit entry: who, which unit, when, what, old → new."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

import pytest

from sip_desk.domain.action import ActionData
from sip_desk.domain.audit import AuditEntryDto
from sip_desk.domain.enums import AuditAction, PrincipalType
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from tests.builders import person_data

Op = Callable[[Services, PlanDetail], object]


def _new_entries(services: Services, plan: PlanDetail, op: Op) -> list[AuditEntryDto]:
    before = {e.id for e in services.audit.entries(plan_id=plan.id)}
    op(services, plan)
    return [e for e in services.audit.entries(plan_id=plan.id) if e.id not in before]


def _goal(s: Services, p: PlanDetail) -> int:
    return p.goals[0].id


OPERATIONS: dict[str, tuple[Op, AuditAction, str, str, str | None, str | None]] = {
    "plan fields": (
        lambda s, p: s.plans.update_fields(
            p.id, p.version, dataclasses.replace(p.fields, reason="Samordning behövs")
        ),
        AuditAction.UPDATE,
        "plan",
        "reason",
        "",
        "Samordning behövs",
    ),
    "person": (
        lambda s, p: s.plans.update_person(
            p.id, p.version, dataclasses.replace(p.person, phone="070-111 22 33")
        ),
        AuditAction.UPDATE,
        "person",
        "phone",
        "070-000 00 00",
        "070-111 22 33",
    ),
    "participant added": (
        lambda s, p: s.items.add("participant", p.id, p.version, ParticipantData(name="Lo Syster")),
        AuditAction.CREATE,
        "participant",
        "",
        None,
        "Lo Syster",
    ),
    "participant changed": (
        lambda s, p: s.items.update(
            "participant",
            p.id,
            p.version,
            p.participants[0].id,
            dataclasses.replace(p.participants[0], role="Behandlare"),
        ),
        AuditAction.UPDATE,
        "participant",
        "role",
        "Socialsekreterare",
        "Behandlare",
    ),
    "consent revoked": (
        lambda s, p: s.items.update(
            "consent",
            p.id,
            p.version,
            p.consents[0].id,
            dataclasses.replace(p.consents[0], revoked_on=s.ctx.clock.today()),
        ),
        AuditAction.UPDATE,
        "consent",
        "revoked_on",
        None,
        "2026-11-23",
    ),
    "consent added": (
        lambda s, p: s.items.add(
            "consent",
            p.id,
            p.version,
            InformationConsentData(
                organisation="Försäkringskassan", valid_from=s.ctx.clock.today()
            ),
        ),
        AuditAction.CREATE,
        "consent",
        "",
        None,
        None,
    ),
    "goal changed": (
        lambda s, p: s.items.update(
            "goal", p.id, p.version, p.goals[0].id, GoalData(text="Ha en egen lägenhet")
        ),
        AuditAction.UPDATE,
        "goal",
        "text",
        "Ha ett eget boende",
        "Ha en egen lägenhet",
    ),
    "need added": (
        lambda s, p: s.items.add("need", p.id, p.version, NeedData(description="Stöd i boendet")),
        AuditAction.CREATE,
        "need",
        "",
        None,
        "Stöd i boendet",
    ),
    "action changed": (
        lambda s, p: s.items.update(
            "action",
            p.id,
            p.version,
            p.actions[0].id,
            dataclasses.replace(p.actions[0], description="Boendestöd varje dag"),
        ),
        AuditAction.UPDATE,
        "action",
        "description",
        "Boendestöd två gånger i veckan",
        "Boendestöd varje dag",
    ),
    "action goals relinked": (
        lambda s, p: s.items.update(
            "action",
            p.id,
            p.version,
            p.actions[0].id,
            dataclasses.replace(p.actions[0], goal_ids=()),
        ),
        AuditAction.UPDATE,
        "action",
        "goal_ids",
        "1",
        "",
    ),
    "action added": (
        lambda s, p: s.items.add(
            "action",
            p.id,
            p.version,
            ActionData(description="Sjukpenning", responsible_principal=PrincipalType.OTHER),
        ),
        AuditAction.CREATE,
        "action",
        "",
        None,
        "Sjukpenning",
    ),
    "action removed": (
        lambda s, p: s.items.remove("action", p.id, p.version, p.actions[0].id),
        AuditAction.DELETE,
        "action",
        "",
        "Boendestöd två gånger i veckan",
        None,
    ),
    "goal moved": (
        lambda s, p: s.items.move(
            "goal",
            p.id,
            s.items.add("goal", p.id, p.version, GoalData(text="Vara drogfri")).plan.version,
            p.goals[0].id,
            1,
        ),
        AuditAction.UPDATE,
        "goal",
        "position",
        "0",
        "1",
    ),
    "meeting booked": (
        lambda s, p: s.meetings.add_meeting(
            p.id, p.version, MeetingData(starts_at=s.ctx.clock.now() + timedelta(days=3))
        ),
        AuditAction.CREATE,
        "meeting",
        "",
        None,
        None,
    ),
    "meeting moved": (
        lambda s, p: s.meetings.update_meeting(
            p.id,
            p.version,
            p.meetings[0].id,
            dataclasses.replace(p.meetings[0], place="Vårdcentralen"),
        ),
        AuditAction.UPDATE,
        "meeting",
        "place",
        "Socialtjänsten, Storgatan 1",
        "Vårdcentralen",
    ),
    "meeting removed": (
        lambda s, p: s.meetings.remove_meeting(p.id, p.version, p.meetings[0].id),
        AuditAction.DELETE,
        "meeting",
        "",
        None,
        None,
    ),
    "plan activated": (
        lambda s, p: s.plans.activate(p.id, p.version),
        AuditAction.UPDATE,
        "plan",
        "status",
        "draft",
        "active",
    ),
    "plan closed": (
        lambda s, p: s.plans.close(p.id, p.version, "Målen är nådda"),
        AuditAction.UPDATE,
        "plan",
        "status",
        "draft",
        "closed",
    ),
    "plan opened": (
        lambda s, p: s.plans.open_plan(p.id),
        AuditAction.READ,
        "plan",
        "",
        None,
        None,
    ),
    "plan deleted": (
        lambda s, p: s.plans.delete_plan(p.id),
        AuditAction.DELETE,
        "plan",
        "",
        None,
        None,
    ),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_audit_trail_records_each_change(services: Services, make_plan, user, name: str) -> None:
    op, action, entity, field, old, new = OPERATIONS[name]
    plan = make_plan.complete()

    entries = _new_entries(services, plan, op)

    matching = [
        e
        for e in entries
        if e.action is action
        and e.entity == entity
        and e.field == field
        and (old is None or e.old == old)
        and (new is None or e.new == new)
    ]
    assert matching, f"no {action} {entity}.{field} {old} -> {new} entry in {entries}"
    entry = matching[0]
    assert (entry.user, entry.unit) == (user.user, user.unit)
    assert entry.person_id == plan.person.id


def test_audit_trail_logs_creation_and_who_accessed_the_person(services: Services) -> None:
    plan = services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    services.plans.open_plan(plan.id)

    entries = services.audit.entries(person_id=plan.person.id)

    assert {(e.action, e.entity) for e in entries} >= {
        (AuditAction.CREATE, "person"),
        (AuditAction.CREATE, "plan"),
        (AuditAction.READ, "plan"),
    }
    assert {e.unit for e in entries} == {"Socialtjänsten Vuxenenheten"}


def test_audit_trail_writes_nothing_when_nothing_changed(services: Services, make_plan) -> None:
    plan = make_plan.complete()

    saved = services.plans.update_fields(plan.id, plan.version, plan.fields)

    assert saved.plan.version == plan.version
    assert _new_entries(services, plan, lambda s, p: None) == []
