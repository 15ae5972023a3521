"""What the plan generator (:mod:`demo_generator`) builds from and writes with.

The word lists and case profiles (all fictional) are data, in ``resources/demo/generator.json``.
Rows are plain dicts per table with ids assigned here, written with SQLAlchemy Core in batches;
a column left out of every row of a table takes its model default.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, func, insert, select, text
from sqlalchemy.orm import Session

from sip_desk.db import repositories as repo
from sip_desk.db.base import Base
from sip_desk.domain.codec import decode
from sip_desk.domain.enums import PrincipalType, RepresentativeKind
from sip_desk.domain.identity import make_identity
from sip_desk.paths import resource

Row = dict[str, Any]
ADULT = 18
# Tables in the order they must be inserted (foreign keys point backwards only).
TABLES = (
    "persons", "representatives", "plans", "plan_versions", "participants",
    "information_consents", "needs", "goals", "actions", "action_goals", "meetings",
)  # fmt: skip


@dataclass(frozen=True)
class Role:
    """A professional at the table: principal, unit (kommun/region) or organisation (other)."""

    principal: PrincipalType
    place: str  # a unit of the kommun/region, or the other actor's organisation ("school")
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
    """The word lists and profiles of ``resources/demo/generator.json``."""

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
    what_matters: tuple[str, ...]
    strengths: tuple[str, ...]
    profiles: tuple[Profile, ...]


@cache
def words() -> Words:
    """The generator's word lists, read once."""
    raw = json.loads(resource("demo", "generator.json").read_text(encoding="utf-8"))
    result: Words = decode(Words, raw, "generator.json")
    return result


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


def catalogue(session: Session) -> Catalogue:
    """Ids of every organisation and unit the generator uses, creating the missing ones."""
    w = words()
    wanted: dict[tuple[str, PrincipalType], tuple[str, ...]] = {}
    for name in w.kommuner:
        wanted[(f"{name} kommun", PrincipalType.KOMMUN)] = w.kommun_units
        wanted[(f"{name}skolan", PrincipalType.OTHER)] = ()
    for name in w.regions:
        wanted[(name, PrincipalType.REGION)] = w.region_units
    for name in w.other_actors:
        wanted[(name, PrincipalType.OTHER)] = ()
    cat = Catalogue(orgs={}, units={})
    for (name, principal), unit_names in wanted.items():
        org = repo.organisation(session, name, principal)
        assert org is not None
        cat.orgs[(name, principal)] = org.id
        for unit_name in unit_names:
            unit = repo.unit(session, org, unit_name)
            assert unit is not None
            cat.units[(org.id, unit_name)] = unit.id
    return cat


def next_ids(conn: Connection) -> dict[str, int]:
    """The next free id per table, read inside the batch's write transaction."""
    tables = Base.metadata.tables
    return {
        name: int(conn.execute(select(func.coalesce(func.max(tables[name].c.id), 0))).scalar_one())
        + 1
        for name in TABLES
        if name != "action_goals"
    }


def insert_batch(conn: Connection, batch: Batch) -> None:
    """Insert every row of ``batch``, table by table."""
    tables = Base.metadata.tables
    for name in TABLES:
        rows = batch.rows.get(name)
        if rows:
            conn.execute(insert(tables[name]), rows)
    if conn.dialect.name == "postgresql":
        # Explicit ids do not move PostgreSQL's sequences; move them past what we inserted.
        for name in batch.next_id:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "  # noqa: S608
                    f"(SELECT MAX(id) FROM {name}))"
                )
            )


class PeopleMaker:
    """Makes person rows, with unique, checksum-valid invented identity numbers.

    ``taken`` holds every identity number stored or made in this run: no need to ask the store.
    """

    def __init__(self, rng: random.Random, taken: set[str], today: date, now: datetime) -> None:
        self.rng = rng
        self.taken = taken
        self.today = today
        self.now = now

    def name(self) -> str:
        """A fictional full name."""
        w = words()
        return f"{self.rng.choice(w.first_names)} {self.rng.choice(w.last_names)}"

    def identity(self, age: int, coordination: bool) -> str:
        """A new unique identity number for someone ``age`` years old."""
        while True:
            born = self.today - timedelta(days=age * 365 + self.rng.randint(1, 360))
            number = make_identity(born, self.rng.randint(1, 999), coordination)
            if number not in self.taken:
                self.taken.add(number)
                return number

    def person(self, batch: Batch, profile: Profile, kommun: str) -> int:
        """Add a person (and guardians for a child); return the person id."""
        rng, w = self.rng, words()
        age = rng.randint(*profile.ages)
        roll = rng.random()
        number = None if roll < 0.02 else self.identity(age, roll > 0.96)
        language, interpreter = ("sv", "")
        if rng.random() < (0.4 if profile.key == "family" else 0.08):
            language, interpreter = rng.choice(w.languages)
        person_id = batch.next_id["persons"]
        last = rng.choice(w.last_names)
        batch.add(
            "persons",
            {
                "first_name": rng.choice(w.first_names), "last_name": last,
                "identity_number": number,
                "reserve_id": None if number else f"R{self.today:%Y}-{person_id:06d}",
                "phone": f"070-174 06 {rng.randint(5, 99):02d}",
                "address": f"{rng.choice(w.streets)} {rng.randint(1, 60)}, "
                f"123 {rng.randint(10, 99)} {kommun}",
                "preferred_language": language,
                "interpreter_needed": bool(interpreter) and rng.random() < 0.7,
                "interpreter_language": interpreter,
                "protected_identity": rng.random() < 0.01, "created_at": self.now,
            },
        )  # fmt: skip
        if age < ADULT:
            for position in range(rng.choice((1, 2, 2))):
                batch.add("representatives", {
                    "person_id": person_id, "position": position,
                    "kind": RepresentativeKind.GUARDIAN,
                    "name": f"{rng.choice(w.first_names)} {last}",
                })  # fmt: skip
        return person_id

    def relative_role(self, profile: Profile) -> str:
        """The role text of a relative at the table."""
        return "Vårdnadshavare" if profile.key == "youth" else self.rng.choice(words().relatives)
