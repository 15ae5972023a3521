"""Generate N fictional plans fast, for demos and benchmarks (100,000 plans in about a minute).

Word lists and case profiles (all fictional) are data, in ``resources/demo/generator.json``.
Rows are plain dicts per table with their ids assigned up front, inserted with SQLAlchemy Core
``executemany``, one write transaction per batch; a column left out takes its model default.
The services' per-row audit would add a million entries; instead the whole run is one entry.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from functools import cache
from typing import Any

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.orm import Session

from sip_desk.db import repositories as repo
from sip_desk.db.base import Base
from sip_desk.db.models import Person
from sip_desk.domain.codec import decode
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
    RepresentativeKind,
)
from sip_desk.domain.identity import make_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import DEFAULT_LEGAL_REFERENCE
from sip_desk.paths import resource
from sip_desk.services.audit import AuditLog
from sip_desk.services.context import ServiceContext

BATCH_SIZE = 2000
Row = dict[str, Any]
# Tables in the order they must be inserted (foreign keys point backwards only).
TABLES = (
    "persons", "representatives", "plans", "plan_versions", "participants",
    "information_consents", "needs", "goals", "actions", "action_goals", "meetings",
)  # fmt: skip
# How many days before today a plan of each status was asked for.
_REQUESTED = {
    PlanStatus.DRAFT: (3, 60),
    PlanStatus.ACTIVE: (25, 600),
    PlanStatus.CLOSED: (250, 600),
}
_CLOSED_REASON = "Målen är uppnådda."


@dataclass(frozen=True, kw_only=True)
class GenerationResult:
    """What a generation run inserted: rows per table and the time it took."""

    plans: int
    rows: dict[str, int]
    seconds: float


@dataclass(frozen=True)
class Role:
    """A professional at the table; ``place`` is a unit, or the other actor's organisation."""

    principal: PrincipalType
    place: str
    title: str


@dataclass(frozen=True)
class Profile:
    """A kind of SIP: its people, needs, goals (long, short) and actions ``(text, role)``."""

    key: str
    ages: tuple[int, int]
    roles: tuple[Role, ...]
    reason: str
    needs: tuple[str, ...]
    long_goals: tuple[str, ...]
    short_goals: tuple[str, ...]
    actions: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Words:
    """The word lists and profiles of ``generator.json``."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    streets: tuple[str, ...]
    kommuner: tuple[str, ...]
    regions: tuple[str, ...]
    other_actors: tuple[str, ...]
    kommun_units: tuple[str, ...]
    region_units: tuple[str, ...]
    languages: tuple[tuple[str, str], ...]  # (spoken, interpreter), codes as domain/languages.py
    relatives: tuple[str, ...]
    requesters: tuple[str, ...]
    what_matters: tuple[str, ...]
    strengths: tuple[str, ...]
    profiles: tuple[Profile, ...]


@cache
def words() -> Words:
    """The generator's word lists, read once."""
    raw = json.loads(resource("demo", "generator.json").read_text(encoding="utf-8"))
    result: Words = decode(Words, raw, "generator.json")
    return result


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
    started, now = time.perf_counter(), ctx.clock.now()
    with ctx.db.write() as s:
        maker = _PlanMaker(random.Random(seed), s, now)
    counts: Counter[str] = Counter()
    for done in range(0, n, batch_size):
        with ctx.db.write() as s:
            maker.start_batch(s.connection())
            for _ in range(min(batch_size, n - done)):
                maker.plan()
            counts.update({table: len(rows) for table, rows in maker.rows.items()})
            _insert(s.connection(), maker.rows, maker.next_id)
        if progress is not None:
            progress(min(done + batch_size, n), n)
    with ctx.db.write() as s:  # one audit entry for the whole run, not one per generated row
        run = f"{n} generated plans (seed {seed})"
        AuditLog(s, ctx.user, now).record(
            AuditAction.CREATE, "demo_generation", None, "plans", new=run
        )
    return GenerationResult(plans=n, rows=dict(counts), seconds=time.perf_counter() - started)


def _insert(conn: Connection, rows: dict[str, list[Row]], next_id: dict[str, int]) -> None:
    tables = Base.metadata.tables
    for name in TABLES:
        if rows.get(name):
            conn.execute(insert(tables[name]), rows[name])
    if conn.dialect.name == "postgresql":
        # Explicit ids do not move PostgreSQL's sequences; move them past what we inserted.
        for name in next_id:
            sequence = f"pg_get_serial_sequence('{name}', 'id')"
            conn.execute(text(f"SELECT setval({sequence}, (SELECT MAX(id) FROM {name}))"))  # noqa: S608


class _PlanMaker:
    """Makes the rows of one plan at a time into the current batch; deterministic for ``rng``."""

    def __init__(self, rng: random.Random, session: Session, now: datetime) -> None:
        self.rng, self.w, self.now = rng, words(), now
        self.today = now.astimezone(LOCAL_TZ).date()
        # Every identity number stored or made in this run: no need to ask the store per person.
        self.taken = {
            number for number in session.scalars(select(Person.identity_number)) if number
        }
        # Ids of every organisation (by name) and unit (by organisation id and name) used.
        self.orgs: dict[str, int] = {}
        self.units: dict[tuple[int, str], int] = {}
        w = self.w
        wanted = [(f"{k} kommun", PrincipalType.KOMMUN, w.kommun_units) for k in w.kommuner]
        wanted += [(f"{k}skolan", PrincipalType.OTHER, ()) for k in w.kommuner]
        wanted += [(r, PrincipalType.REGION, w.region_units) for r in w.regions]
        wanted += [(o, PrincipalType.OTHER, ()) for o in w.other_actors]
        for name, principal, unit_names in wanted:
            org = repo.organisation(session, name, principal)
            assert org is not None
            self.orgs[name] = org.id
            for unit_name in unit_names:
                unit = repo.unit(session, org, unit_name)
                assert unit is not None
                self.units[(org.id, unit_name)] = unit.id

    def start_batch(self, conn: Connection) -> None:
        """Empty the rows and read the next free id per table, inside the batch's transaction."""
        tables = Base.metadata.tables
        self.rows: defaultdict[str, list[Row]] = defaultdict(list)
        self.next_id: dict[str, int] = {
            name: (conn.scalar(select(func.max(tables[name].c.id))) or 0) + 1
            for name in TABLES
            if name != "action_goals"
        }

    def add(self, table: str, row: Row) -> int:
        """Append ``row`` to ``table`` with the next id; return the id."""
        row["id"] = self.next_id[table]
        self.next_id[table] += 1
        self.rows[table].append(row)
        return int(row["id"])

    def name(self) -> str:
        return f"{self.rng.choice(self.w.first_names)} {self.rng.choice(self.w.last_names)}"

    def plan(self) -> None:
        """Add one plan with its person, participants, consents, goals, actions and meetings."""
        rng, w, today = self.rng, self.w, self.today
        profile, kommun, roll = rng.choice(w.profiles), rng.choice(w.kommuner), rng.random()
        status = PlanStatus.ACTIVE
        if roll < 0.15 or roll > 0.87:
            status = PlanStatus.DRAFT if roll < 0.15 else PlanStatus.CLOSED
        requested = today - timedelta(days=rng.randint(*_REQUESTED[status]))
        first = requested + timedelta(days=rng.randint(2, 20))
        person_id = self.person(profile, kommun)
        lead = profile.roles[0].principal
        if rng.random() >= 0.8:
            lead = PrincipalType.REGION if lead is PrincipalType.KOMMUN else PrincipalType.KOMMUN
        held, closed = status is not PlanStatus.DRAFT, status is PlanStatus.CLOSED
        crisis = profile.key in {"addiction", "psychiatry"}
        created = _at(requested, 10)
        closed_on = today - timedelta(days=rng.randint(1, 40)) if closed else None
        plan_id = self.add("plans", {
            "person_id": person_id, "status": status, "closed_on": closed_on,
            "closed_reason": _CLOSED_REASON if closed else "", "reason": profile.reason,
            "meeting_question": "Vem gör vad, och när följer vi upp?",
            "requested_by": rng.choice(w.requesters), "requested_on": requested,
            "made_with_person": True if held else None, "plan_consent_given": held,
            "plan_consent_date": first if held else None,
            "plan_consent_form": ConsentForm.WRITTEN if held else None,
            "plan_consent_given_by": ConsentGiver.PERSON if held else None,
            "what_matters": rng.choice(w.what_matters), "strengths": rng.choice(w.strengths),
            "person_own_actions": "Komma på mötena och säga till om något inte fungerar.",
            "crisis_warning_signs": "Sover dåligt, drar sig undan." if crisis else "",
            "crisis_actions": "Ring kontaktpersonen samma dag; vid fara 112." if crisis else "",
            "crisis_contacts": "Socialjouren 010-174 06 99" if crisis else "",
            "legal_reference": DEFAULT_LEGAL_REFERENCE, "lead_principal": lead,
            "lead_organisation_id": self.org(lead, kommun, "school"), "created_at": created,
            "updated_at": created + (self.now - created) * rng.random(),
        })  # fmt: skip
        self.add("plan_versions", {"plan_id": plan_id, "number": 1, "created_at": created})
        # Participants: (id, role, organisation, unit) of each professional, then relatives.
        people: list[tuple[int, Role, int, int | None]] = []
        lead_index = next(i for i, role in enumerate(profile.roles) if role.principal is lead)
        for i, role in enumerate(profile.roles):
            org = self.org(role.principal, kommun, role.place)
            unit = self.units.get((org, role.place))
            row = self.participant(plan_id, i, role.title, org, unit, i == lead_index)
            people.append((self.add("participants", row), role, org, unit))
        for i in range(2 if profile.key == "youth" else int(rng.random() < 0.4)):
            row = self.participant(plan_id, 5 + i, "", None, None, False)
            row["is_relative"] = True
            row["role"] = "Vårdnadshavare" if profile.key == "youth" else rng.choice(w.relatives)
            self.add("participants", row)
        for org in dict.fromkeys(org for _pid, _role, org, _unit in people):
            self.consent(plan_id, org, first, status)
        needs = [
            self.add("needs", {"plan_id": plan_id, "position": i, "description": need})
            for i, need in enumerate(rng.sample(profile.needs, 3))
        ]
        goal_texts = [(goal, GoalTerm.LONG) for goal in rng.sample(profile.long_goals, 2)]
        goal_texts.append((rng.choice(profile.short_goals), GoalTerm.SHORT))
        goals: list[int] = []
        for i, (goal, term) in enumerate(goal_texts):
            parent = goals[0] if term is GoalTerm.SHORT else None
            goals.append(self.add("goals", {
                "plan_id": plan_id, "position": i, "text": goal, "term": term, "parent_id": parent,
            }))  # fmt: skip
        count = min(rng.randint(8, 12), len(profile.actions))
        for i, (description, role_index) in enumerate(rng.sample(profile.actions, count)):
            pid, role, org, unit = people[role_index]
            start = first + timedelta(days=rng.randint(-20, 40))
            end = start + timedelta(days=rng.randint(14, 200))
            action_id = self.add("actions", {
                "plan_id": plan_id, "position": i, "description": description,
                "need_id": rng.choice(needs), "responsible_principal": role.principal,
                "organisation_id": org, "unit_id": unit, "responsible_participant_id": pid,
                "is_other_actor": role.principal is PrincipalType.OTHER,
                "start_date": start, "end_date": end,
                "status": self.action_status(status, start, end),
            })  # fmt: skip
            for goal_id in rng.sample(goals, rng.choice((0, 1, 1, 1, 1, 1, 1, 2, 2))):
                self.rows["action_goals"].append({"action_id": action_id, "goal_id": goal_id})
        self.meetings(
            plan_id, status, first, closed_on, people[lead_index][0], f"{kommun}, Stadshuset"
        )

    def person(self, profile: Profile, kommun: str) -> int:
        """Add a person (and guardians for a child); return the person id."""
        rng, w = self.rng, self.w
        age, roll = rng.randint(*profile.ages), rng.random()
        number = None if roll < 0.02 else self.identity(age, roll > 0.96)
        language, interpreter = ("sv", "")
        if rng.random() < (0.4 if profile.key == "family" else 0.08):
            language, interpreter = rng.choice(w.languages)
        person_id, last = self.next_id["persons"], rng.choice(w.last_names)
        self.add("persons", {
            "first_name": rng.choice(w.first_names), "last_name": last, "identity_number": number,
            "reserve_id": None if number else f"R{self.today:%Y}-{person_id:06d}",
            "phone": f"070-174 06 {rng.randint(5, 99):02d}",
            "address": f"{rng.choice(w.streets)} {rng.randint(1, 60)}, "
            f"123 {rng.randint(10, 99)} {kommun}",
            "preferred_language": language, "interpreter_language": interpreter,
            "interpreter_needed": bool(interpreter) and rng.random() < 0.7,
            "protected_identity": rng.random() < 0.01, "created_at": self.now,
        })  # fmt: skip
        for position in range(rng.choice((1, 2, 2)) if age < 18 else 0):
            self.add("representatives", {
                "person_id": person_id, "position": position, "kind": RepresentativeKind.GUARDIAN,
                "name": f"{rng.choice(w.first_names)} {last}",
            })  # fmt: skip
        return person_id

    def identity(self, age: int, coordination: bool) -> str:
        """A new unique, checksum-valid invented identity number for someone ``age`` years old."""
        while True:
            born = self.today - timedelta(days=age * 365 + self.rng.randint(1, 360))
            number = make_identity(born, self.rng.randint(1, 999), coordination)
            if number not in self.taken:
                self.taken.add(number)
                return number

    def org(self, principal: PrincipalType, kommun: str, place: str) -> int:
        """The organisation of a role in ``kommun``: its kommun, its region or another actor."""
        if principal is PrincipalType.KOMMUN:
            return self.orgs[f"{kommun} kommun"]
        if principal is PrincipalType.REGION:
            return self.orgs[self.w.regions[self.w.kommuner.index(kommun) % len(self.w.regions)]]
        return self.orgs[f"{kommun}skolan" if place == "school" else place]

    def participant(
        self, plan_id: int, position: int, role: str, org: int | None, unit: int | None,
        coordinator: bool,
    ) -> Row:  # fmt: skip
        """A professional, or (without organisation) a relative."""
        return {
            "plan_id": plan_id, "position": position, "name": self.name(), "organisation_id": org,
            "unit_id": unit, "role": role, "phone": f"010-174 06 {self.rng.randint(5, 99):02d}",
            "invitation": "summoned" if org is not None else "invited",
            "present": self.rng.random() < 0.85, "is_relative": False, "is_chair": coordinator,
            "is_coordinator": coordinator, "contact_role": "Samordnare" if coordinator else "",
        }  # fmt: skip

    def consent(self, plan_id: int, org: int, first: date, status: PlanStatus) -> None:
        """Add a consent to share with ``org``; a few run out soon or are revoked (worklist)."""
        rng, today = self.rng, self.today
        roll, until = rng.random(), first + timedelta(days=365)
        if status is not PlanStatus.CLOSED:
            until = max(until, today + timedelta(days=rng.randint(30, 500)))
        if roll < 0.04:
            until = max(first, today + timedelta(days=rng.randint(1, 29)))
        revoked = (
            max(first, today - timedelta(days=rng.randint(1, 30))) if 0.04 <= roll < 0.06 else None
        )
        self.add("information_consents", {
            "plan_id": plan_id, "organisation_id": org,
            "information_shared": "Planens innehåll och insatsernas uppläggning",
            "valid_from": first, "valid_until": until, "form": ConsentForm.WRITTEN,
            "given_by": ConsentGiver.PERSON, "revoked_on": revoked,
        })  # fmt: skip

    def action_status(self, status: PlanStatus, start: date, end: date) -> ActionStatus:
        """Planned, ongoing or finished by the dates; about one in five past its end is overdue."""
        roll = self.rng.random()
        if status is PlanStatus.DRAFT or start > self.today:
            return ActionStatus.PLANNED
        if status is PlanStatus.CLOSED:
            return ActionStatus.DONE if roll < 0.85 else ActionStatus.NOT_DONE
        if end < self.today:
            if roll < 0.7:
                return ActionStatus.DONE
            return ActionStatus.NOT_DONE if roll < 0.78 else ActionStatus.ONGOING
        return ActionStatus.ONGOING if roll < 0.8 else ActionStatus.PLANNED

    def meetings(
        self, plan_id: int, status: PlanStatus, first: date, closed_on: date | None,
        convenor: int, place: str,
    ) -> None:  # fmt: skip
        """The first meeting and follow-ups, the booked ones spread from overdue to months ahead."""
        rng, today = self.rng, self.today

        def meeting(kind: str, state: str, day: date, **extra: Any) -> None:
            self.add("meetings", {
                "plan_id": plan_id, "kind": MeetingKind(kind), "status": MeetingStatus(state),
                "starts_at": _at(day, rng.randint(8, 15)), "place": place, "decision": None,
                "convenor_participant_id": convenor, "decision_reason": "", **extra,
            })  # fmt: skip

        if status is PlanStatus.DRAFT:
            if rng.random() < 0.5:
                meeting("first", "booked", today + timedelta(days=rng.randint(1, 30)))
            return
        meeting("first", "held", first)
        if closed_on is not None:
            close = FollowUpDecision.CLOSE
            meeting("follow_up", "held", closed_on, decision=close, decision_reason=_CLOSED_REASON)
            return
        if rng.random() < 0.25 and first + timedelta(days=42) < today:
            go_on = FollowUpDecision.CONTINUE
            meeting("follow_up", "held", first + timedelta(days=42), decision=go_on)
        due = today + timedelta(days=rng.randint(-60, 120))  # negative: overdue
        meeting("follow_up", "booked", max(due, first + timedelta(days=7)))


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, clock_time(hour), tzinfo=LOCAL_TZ).astimezone(UTC)
