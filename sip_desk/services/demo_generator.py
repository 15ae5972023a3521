"""Generate N fictional plans fast, for demos and benchmarks (100,000 plans in about a minute).

Rows are built in Python with their ids assigned up front (:mod:`demo_generator_parts`), then
inserted with SQLAlchemy Core ``executemany`` in batches, one write transaction per batch. The
services' per-row audit would add a million entries; instead the whole run is one audit entry.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Any

from sqlalchemy import select

from sip_desk.db.models import Person
from sip_desk.domain.enums import (
    ActionStatus,
    AuditAction,
    ConsentForm,
    ConsentGiver,
    FollowUpDecision,
    GoalTerm,
    MeetingKind,
    MeetingStatus,
    PlanStatus,
    PrincipalType,
)
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import DEFAULT_LEGAL_REFERENCE
from sip_desk.services import demo_generator_parts as parts
from sip_desk.services.audit import AuditLog
from sip_desk.services.context import ServiceContext

BATCH_SIZE = 2000


@dataclass(frozen=True, kw_only=True)
class GenerationResult:
    """What a generation run inserted: rows per table and the time it took."""

    plans: int
    rows: dict[str, int]
    seconds: float


def generate_plans(
    target: Any,
    n: int,
    seed: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> GenerationResult:
    """Insert ``n`` generated plans with persons, participants, goals, actions and meetings.

    ``target`` is a :class:`ServiceContext` (its store, clock and user are used) or the services
    that hold one. The same ``seed`` on the same store (and clock) gives the same plans.
    ``progress(done, n)`` is called after each write transaction of ``batch_size`` plans.
    """
    ctx: ServiceContext = getattr(target, "ctx", target)
    db, clock = ctx.db, ctx.clock
    started = time.perf_counter()
    now = clock.now()
    rng = random.Random(seed)
    with db.write() as s:
        cat = parts.catalogue(s)
        taken = {number for number in s.scalars(select(Person.identity_number)) if number}
    people = parts.PeopleMaker(rng, taken, clock.today(), now)
    maker = PlanMaker(rng, cat, people, now)
    counts: Counter[str] = Counter()
    done = 0
    while done < n:
        size = min(batch_size, n - done)
        with db.write() as s:
            conn = s.connection()
            batch = parts.Batch(parts.next_ids(conn))
            for _ in range(size):
                maker.make(batch)
            parts.insert_batch(conn, batch)
        counts.update({table: len(rows) for table, rows in batch.rows.items()})
        done += size
        if progress is not None:
            progress(done, n)
    with db.write() as s:  # one audit entry for the whole run, not one per generated row
        new = f"{n} generated plans (seed {seed})"
        AuditLog(s, ctx.user, now).record(
            AuditAction.CREATE, "demo_generation", None, "plans", new=new
        )
    return GenerationResult(plans=n, rows=dict(counts), seconds=time.perf_counter() - started)


@dataclass
class _Plan:
    """What the item makers need to know about the plan being made."""

    id: int
    profile: parts.Profile
    kommun: str
    status: PlanStatus
    first: date
    coordinator: int = 0
    closed_on: date | None = None
    participants: list[tuple[int, parts.Role, int, int | None]] = field(default_factory=list)
    needs: list[int] = field(default_factory=list)
    goals: list[int] = field(default_factory=list)


class PlanMaker:
    """Makes the rows of one generated plan at a time; deterministic for a seeded ``rng``."""

    def __init__(
        self,
        rng: random.Random,
        catalogue: parts.Catalogue,
        people: parts.PeopleMaker,
        now: datetime,
    ) -> None:
        self.rng = rng
        self.cat = catalogue
        self.people = people
        self.now = now
        self.today = now.astimezone(LOCAL_TZ).date()

    def make(self, batch: parts.Batch) -> None:
        """Add one plan with its person, participants, consents, goals, actions and meetings."""
        rng = self.rng
        w = parts.words()
        profile = rng.choice(w.profiles)
        kommun = rng.choice(w.kommuner)
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
        row = self._plan_row(person_id, profile, status, requested, first)
        plan_id = batch.add("plans", row)
        p = _Plan(plan_id, profile, kommun, status, first, closed_on=row["closed_on"])
        row.update(
            lead_principal=lead,
            lead_organisation_id=self._org(lead, kommun, "school"),
            created_at=created,
            updated_at=created + (self.now - created) * rng.random(),
        )
        batch.add("plan_versions", {"plan_id": plan_id, "number": 1, "created_at": created})
        self._participants(batch, p, lead)
        self._consents(batch, p)
        self._goals_and_needs(batch, p)
        self._actions(batch, p)
        self._meetings(batch, p)

    def _plan_row(
        self,
        person_id: int,
        profile: parts.Profile,
        status: PlanStatus,
        requested: date,
        first: date,
    ) -> parts.Row:
        """A plan row; lead principal and times are added by the caller."""
        rng, w = self.rng, parts.words()
        held = status is not PlanStatus.DRAFT
        closed = status is PlanStatus.CLOSED
        crisis = profile.key in {"addiction", "psychiatry"}
        return {
            "person_id": person_id, "status": status,
            "closed_reason": "Målen är uppnådda." if closed else "",
            "closed_on": self.today - timedelta(days=rng.randint(1, 40)) if closed else None,
            "reason": profile.reason,
            "meeting_question": "Vem gör vad, och när följer vi upp?",
            "requested_by": rng.choice(("Personen själv", "Socialtjänsten", "Vården", "Skolan")),
            "requested_on": requested, "made_with_person": True if held else None,
            "plan_consent_given": held, "plan_consent_date": first if held else None,
            "plan_consent_form": ConsentForm.WRITTEN if held else None,
            "plan_consent_given_by": ConsentGiver.PERSON if held else None,
            "what_matters": rng.choice(w.what_matters), "strengths": rng.choice(w.strengths),
            "person_own_actions": "Komma på mötena och säga till om något inte fungerar.",
            "crisis_warning_signs": "Sover dåligt, drar sig undan." if crisis else "",
            "crisis_actions": "Ring kontaktpersonen samma dag; vid fara 112." if crisis else "",
            "crisis_contacts": "Socialjouren 010-174 06 99" if crisis else "",
            "legal_reference": DEFAULT_LEGAL_REFERENCE,
        }  # fmt: skip

    def _org(self, principal: PrincipalType, kommun: str, place: str) -> int:
        if principal is PrincipalType.KOMMUN:
            return self.cat.orgs[(f"{kommun} kommun", principal)]
        if principal is PrincipalType.REGION:
            w = parts.words()
            region = w.regions[w.kommuner.index(kommun) % len(w.regions)]
            return self.cat.orgs[(region, principal)]
        name = f"{kommun}skolan" if place == "school" else place
        return self.cat.orgs[(name, principal)]

    def _participants(self, batch: parts.Batch, p: _Plan, lead: PrincipalType) -> None:
        rng = self.rng
        coordinator = next(i for i, r in enumerate(p.profile.roles) if r.principal is lead)
        for i, role in enumerate(p.profile.roles):
            org = self._org(role.principal, p.kommun, role.place)
            unit = self.cat.units.get((org, role.place))
            name = self.people.name()
            row = self._participant_row(p.id, i, name, role.title, org, unit, i == coordinator)
            pid = batch.add("participants", row)
            p.participants.append((pid, role, org, unit))
            if i == coordinator:
                p.coordinator = pid
        relatives = 2 if p.profile.key == "youth" else int(rng.random() < 0.4)
        for i in range(relatives):
            row = self._participant_row(p.id, 5 + i, self.people.name(), "", None, None, False)
            row.update(is_relative=True, role=self.people.relative_role(p.profile))
            batch.add("participants", row)

    def _participant_row(
        self, plan_id: int, position: int, name: str, role: str, org: int | None,
        unit: int | None, coordinator: bool,
    ) -> parts.Row:  # fmt: skip
        """A professional, or (without organisation) a relative."""
        return {
            "plan_id": plan_id, "position": position, "name": name, "organisation_id": org,
            "unit_id": unit, "role": role, "phone": f"010-174 06 {self.rng.randint(5, 99):02d}",
            "invitation": "summoned" if org is not None else "invited",
            "present": self.rng.random() < 0.85, "is_relative": False, "is_chair": coordinator,
            "is_coordinator": coordinator, "contact_role": "Samordnare" if coordinator else "",
        }  # fmt: skip

    def _consents(self, batch: parts.Batch, p: _Plan) -> None:
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
            batch.add("information_consents", {
                "plan_id": p.id, "organisation_id": org,
                "information_shared": "Planens innehåll och insatsernas uppläggning",
                "valid_from": p.first, "valid_until": until, "form": ConsentForm.WRITTEN,
                "given_by": ConsentGiver.PERSON, "revoked_on": revoked,
            })  # fmt: skip

    def _goals_and_needs(self, batch: parts.Batch, p: _Plan) -> None:
        rng, prof = self.rng, p.profile
        for i, text in enumerate(rng.sample(prof.needs, 3)):
            p.needs.append(
                batch.add("needs", {"plan_id": p.id, "position": i, "description": text})
            )
        for i, text in enumerate(rng.sample(prof.long_goals, 2)):
            long = {"plan_id": p.id, "position": i, "text": text, "term": GoalTerm.LONG}
            p.goals.append(batch.add("goals", {**long, "parent_id": None}))
        short = {"plan_id": p.id, "position": 2, "text": rng.choice(prof.short_goals)}
        p.goals.append(
            batch.add("goals", {**short, "term": GoalTerm.SHORT, "parent_id": p.goals[0]})
        )

    def _actions(self, batch: parts.Batch, p: _Plan) -> None:
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
                    "status": self._action_status(p.status, start, end),
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

    def _meetings(self, batch: parts.Batch, p: _Plan) -> None:
        rng = self.rng
        convenor = p.coordinator
        place = f"{p.kommun}, Stadshuset"

        def meeting(kind: str, status: str, day: date, **extra: Any) -> None:
            batch.add("meetings", {
                "plan_id": p.id, "kind": MeetingKind(kind), "status": MeetingStatus(status),
                "starts_at": _at(day, rng.randint(8, 15)), "place": place,
                "convenor_participant_id": convenor, "decision": None, "decision_reason": "",
                **extra,
            })  # fmt: skip

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


def _other(role: parts.Role) -> PrincipalType:
    return PrincipalType.REGION if role.principal is PrincipalType.KOMMUN else PrincipalType.KOMMUN


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, clock_time(hour), tzinfo=LOCAL_TZ).astimezone(UTC)
