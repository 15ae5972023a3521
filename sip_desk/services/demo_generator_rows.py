"""Rows of generated plans: plain dicts per table, with ids assigned here (no round trips)."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sip_desk.domain.enums import (
    ActionStatus,
    FollowUpDecision,
    MeetingKind,
    MeetingStatus,
    PlanStatus,
    PrincipalType,
    VersionState,
)
from sip_desk.services.context import LOCAL_TZ
from sip_desk.services.demo_generator_data import KOMMUNER, PROFILES, REGIONS, Profile, Role
from sip_desk.services.demo_generator_people import PeopleMaker, professional_name

Row = dict[str, Any]
# Tables in the order they must be inserted (foreign keys point backwards only).
TABLES = (
    "persons",
    "representatives",
    "plans",
    "plan_versions",
    "participants",
    "information_consents",
    "needs",
    "goals",
    "actions",
    "action_goals",
    "meetings",
)


@dataclass
class Catalogue:
    """Organisation and unit ids: ``orgs[(name, principal)]``, ``units[(org_id, name)]``."""

    orgs: dict[tuple[str, PrincipalType], int]
    units: dict[tuple[int, str], int]


@dataclass
class Batch:
    """The rows of one batch, per table, and the next free id per table."""

    next_id: dict[str, int]
    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))

    def add(self, table: str, row: Row) -> int:
        """Append ``row`` to ``table`` with the next id; return the id."""
        row_id = self.next_id[table]
        self.next_id[table] = row_id + 1
        row["id"] = row_id
        self.rows[table].append(row)
        return row_id


@dataclass
class _Plan:
    """What the item makers need to know about the plan being made."""

    id: int
    profile: Profile
    kommun: str
    status: PlanStatus
    first: date
    coordinator: int = 0
    closed_on: date | None = None
    participants: list[tuple[int, Role, int, int | None]] = field(default_factory=list)
    needs: list[int] = field(default_factory=list)
    goals: list[int] = field(default_factory=list)


class PlanMaker:
    """Makes the rows of one generated plan at a time; deterministic for a seeded ``rng``."""

    def __init__(
        self, rng: random.Random, catalogue: Catalogue, people: PeopleMaker, now: datetime
    ) -> None:
        self.rng = rng
        self.cat = catalogue
        self.people = people
        self.now = now
        self.today = now.astimezone(LOCAL_TZ).date()

    def make(self, batch: Batch) -> None:
        """Add one plan with its person, participants, consents, goals, actions and meetings."""
        rng = self.rng
        profile = rng.choice(PROFILES)
        kommun = rng.choice(KOMMUNER)
        roll = rng.random()
        status = PlanStatus.ACTIVE
        if roll < 0.15 or roll > 0.87:
            status = PlanStatus.DRAFT if roll < 0.15 else PlanStatus.CLOSED
        oldest, newest = _REQUESTED[status]
        requested = self.today - timedelta(days=rng.randint(oldest, newest))
        first = requested + timedelta(days=rng.randint(2, 20))
        person_id = self.people.person(batch, profile, kommun)
        lead = profile.roles[0].principal if rng.random() < 0.8 else _other(profile.roles[0])
        created = _at(requested, 10)
        row = self.people.plan_row(person_id, profile, status, requested, first)
        plan_id = batch.add("plans", row)
        p = _Plan(plan_id, profile, kommun, status, first, closed_on=row["closed_on"])
        row.update(
            lead_principal=lead,
            lead_organisation_id=self._org(lead, kommun, "school"),
            created_at=created,
            updated_at=created + (self.now - created) * rng.random(),
        )
        batch.add("plan_versions", _version(plan_id, created))
        self._participants(batch, p, lead)
        self._consents(batch, p)
        self._goals_and_needs(batch, p)
        self._actions(batch, p)
        self._meetings(batch, p)

    def _org(self, principal: PrincipalType, kommun: str, place: str) -> int:
        if principal is PrincipalType.KOMMUN:
            return self.cat.orgs[(f"{kommun} kommun", principal)]
        if principal is PrincipalType.REGION:
            region = REGIONS[KOMMUNER.index(kommun) % len(REGIONS)]
            return self.cat.orgs[(region, principal)]
        name = f"{kommun}skolan" if place == "school" else place
        return self.cat.orgs[(name, principal)]

    def _participants(self, batch: Batch, p: _Plan, lead: PrincipalType) -> None:
        rng = self.rng
        coordinator = next(i for i, r in enumerate(p.profile.roles) if r.principal is lead)
        for i, role in enumerate(p.profile.roles):
            org = self._org(role.principal, p.kommun, role.place)
            unit = self.cat.units.get((org, role.place))
            name = professional_name(rng)
            pid = batch.add(
                "participants",
                _participant(p.id, i, name, role.title, org, unit, i == coordinator, rng),
            )
            p.participants.append((pid, role, org, unit))
            if i == coordinator:
                p.coordinator = pid
        relatives = 2 if p.profile.key == "youth" else int(rng.random() < 0.4)
        for i in range(relatives):
            row = _participant(p.id, 5 + i, professional_name(rng), "", None, None, False, rng)
            row.update(is_relative=True, role=self.people.relative_role(p.profile))
            batch.add("participants", row)

    def _consents(self, batch: Batch, p: _Plan) -> None:
        rng, today = self.rng, self.today
        for org in dict.fromkeys(org for _pid, _role, org, _unit in p.participants):
            roll = rng.random()
            until = p.first + timedelta(days=365)
            if p.status is not PlanStatus.CLOSED:
                until = max(until, today + timedelta(days=rng.randint(30, 500)))
            if roll < 0.04:  # runs out soon: the worklist warns
                until = max(p.first, today + timedelta(days=rng.randint(1, 29)))
            revoked = None
            if 0.04 <= roll < 0.06:
                revoked = max(p.first, today - timedelta(days=rng.randint(1, 30)))
            batch.add(
                "information_consents", self.people.consent_row(p.id, org, p.first, until, revoked)
            )

    def _goals_and_needs(self, batch: Batch, p: _Plan) -> None:
        rng, prof = self.rng, p.profile
        for i, text in enumerate(rng.sample(prof.needs, 3)):
            p.needs.append(
                batch.add("needs", {"plan_id": p.id, "position": i, "description": text})
            )
        for i, text in enumerate(rng.sample(prof.long_goals, 2)):
            p.goals.append(batch.add("goals", _goal(p.id, i, text, "long", None)))
        short = _goal(p.id, 2, rng.choice(prof.short_goals), "short", p.goals[0])
        p.goals.append(batch.add("goals", short))

    def _actions(self, batch: Batch, p: _Plan) -> None:
        rng = self.rng
        templates = rng.sample(p.profile.actions, min(rng.randint(8, 12), len(p.profile.actions)))
        for i, (text, role_index) in enumerate(templates):
            pid, role, org, unit = p.participants[role_index]
            start = p.first + timedelta(days=rng.randint(-20, 40))
            end = start + timedelta(days=rng.randint(14, 200))
            action_id = batch.add(
                "actions",
                {
                    "plan_id": p.id, "position": i, "description": text,
                    "need_id": rng.choice(p.needs), "responsible_principal": role.principal,
                    "organisation_id": org, "unit_id": unit, "responsible_participant_id": pid,
                    "is_other_actor": role.principal is PrincipalType.OTHER,
                    "start_date": start, "end_date": end,
                    "status": self._action_status(p.status, start, end), "cost_responsibility": "",
                },
            )  # fmt: skip
            for goal in rng.sample(p.goals, rng.choice((0, 1, 1, 1, 1, 1, 1, 2, 2))):
                batch.rows["action_goals"].append({"action_id": action_id, "goal_id": goal})

    def _action_status(self, status: PlanStatus, start: date, end: date) -> ActionStatus:
        roll = self.rng.random()
        if status is PlanStatus.DRAFT or start > self.today:
            return ActionStatus.PLANNED
        if status is PlanStatus.CLOSED:
            return ActionStatus.DONE if roll < 0.85 else ActionStatus.NOT_DONE
        if end < self.today:  # about one in five of these is overdue
            if roll < 0.7:
                return ActionStatus.DONE
            return ActionStatus.NOT_DONE if roll < 0.78 else ActionStatus.ONGOING
        return ActionStatus.ONGOING if roll < 0.8 else ActionStatus.PLANNED

    def _meetings(self, batch: Batch, p: _Plan) -> None:
        rng = self.rng
        convenor = p.coordinator
        place = f"{p.kommun}, Stadshuset"

        def meeting(kind: str, status: str, day: date, **extra: Any) -> None:
            row = _meeting(p.id, kind, status, _at(day, rng.randint(8, 15)), place, convenor)
            row.update(extra)
            batch.add("meetings", row)

        if p.status is PlanStatus.DRAFT:
            if rng.random() < 0.5:
                meeting("first", "booked", self.today + timedelta(days=rng.randint(1, 30)))
            return
        meeting("first", "held", p.first)
        if p.closed_on is not None:
            meeting("follow_up", "held", p.closed_on, decision=FollowUpDecision.CLOSE,
                    decision_reason="Målen är uppnådda.")  # fmt: skip
            return
        if rng.random() < 0.25 and p.first + timedelta(days=42) < self.today:
            meeting("follow_up", "held", p.first + timedelta(days=42),
                    decision=FollowUpDecision.CONTINUE)  # fmt: skip
        due = self.today + timedelta(days=rng.randint(-60, 120))  # negative: overdue
        meeting("follow_up", "booked", max(due, p.first + timedelta(days=7)))


# How many days before today a plan of each status was asked for.
_REQUESTED = {
    PlanStatus.DRAFT: (3, 60),
    PlanStatus.ACTIVE: (25, 600),
    PlanStatus.CLOSED: (250, 600),
}


def _other(role: Role) -> PrincipalType:
    return PrincipalType.REGION if role.principal is PrincipalType.KOMMUN else PrincipalType.KOMMUN


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=LOCAL_TZ).astimezone(UTC)


def _version(plan_id: int, created: datetime) -> Row:
    return {
        "plan_id": plan_id, "number": 1, "state": VersionState.DRAFT, "snapshot": None,
        "content_hash": None, "previous_hash": None, "created_at": created, "signed_at": None,
    }  # fmt: skip


def _goal(plan_id: int, position: int, text: str, term: str, parent: int | None) -> Row:
    return {"plan_id": plan_id, "position": position, "text": text, "term": term,
            "parent_id": parent}  # fmt: skip


def _participant(
    plan_id: int, position: int, name: str, role: str, org: int | None, unit: int | None,
    coordinator: bool, rng: random.Random,
) -> Row:  # fmt: skip
    return {
        "plan_id": plan_id, "position": position, "name": name, "organisation_id": org,
        "unit_id": unit, "role": role, "phone": f"010-174 06 {rng.randint(5, 99):02d}",
        "email": "", "invitation": "summoned" if org is not None else "invited",
        "present": rng.random() < 0.85, "is_relative": False, "is_chair": coordinator,
        "is_coordinator": coordinator, "contact_role": "Samordnare" if coordinator else "",
    }  # fmt: skip


def _meeting(
    plan_id: int, kind: str, status: str, starts_at: datetime, place: str, convenor: int
) -> Row:
    return {
        "plan_id": plan_id, "kind": MeetingKind(kind), "starts_at": starts_at,
        "duration_minutes": 60, "place": place, "video_link": "",
        "convenor_participant_id": convenor, "status": MeetingStatus(status), "notes": "",
        "new_needs": "", "decision": None, "decision_reason": "",
    }  # fmt: skip
