"""Two units, their users and an administrator on a real PostgreSQL store, for the RLS tests.

The login roles get names unique to this test run and are dropped afterwards, with the store's
group roles (``<database>_users``, ``<database>_admin``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from sip_desk.bootstrap import database_user
from sip_desk.db.engine import Database, make_engine
from sip_desk.db.roles import StoreAdmin
from sip_desk.domain.enums import PrincipalType
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services

UNIT_A = "Socialtjänsten Testkommun/Vuxenenheten"
UNIT_B = "Region Test/Beroendemottagningen"


@dataclass
class Cast:
    """The owner's store and, per role name, a login URL."""

    owner: Database
    tmp: Path
    roles: dict[str, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    dbs: list[Database] = field(default_factory=list)

    def url(self, who: str) -> str:
        return self.urls[who]

    def db(self, who: str) -> Database:
        db = Database(make_engine(self.url(who)))
        self.dbs.append(db)
        return db

    def services(self, who: str) -> Services:
        """The services as ``who`` logs in: the acting user comes from the database."""
        db = self.db(who)
        key = self.tmp / f"{who}.key"
        return Services(ServiceContext(db=db, user=database_user(db), key_path=key))

    def engine(self, who: str) -> Engine:
        return self.db(who).engine


def make_cast(owner: Database, tmp: Path) -> Iterator[Cast]:
    """Units A and B; users ``a`` and ``a2`` in A, ``b`` in B, ``admin`` (administrator), and
    ``reviewer`` (log reviewer, of no unit)."""
    run = f"sipt{os.getpid()}{uuid.uuid4().hex[:6]}"
    admin = StoreAdmin(owner)
    cast = Cast(owner=owner, tmp=tmp)
    for ref in (UNIT_A, UNIT_B):
        org, _, unit = ref.partition("/")
        admin.add_unit(org, unit, _principal(org))
    base = owner.engine.url
    try:
        members: tuple[tuple[str, str | None], ...] = (
            ("a", UNIT_A),
            ("a2", UNIT_A),
            ("b", UNIT_B),
            ("admin", None),
            ("reviewer", None),
        )
        for who, home in members:
            role = f"{run}_{who}"
            password = uuid.uuid4().hex
            admin.add_role(
                role, home, admin=who == "admin", password=password, reviewer=who == "reviewer"
            )
            cast.roles[who] = role
            url = base.set(username=role, password=password)
            cast.urls[who] = url.render_as_string(hide_password=False)
        yield cast
    finally:
        for db in cast.dbs:
            db.dispose()
        _drop(owner, admin, list(cast.roles.values()))


def _principal(org: str) -> PrincipalType:
    return PrincipalType.REGION if org.startswith("Region") else PrincipalType.KOMMUN


def _drop(owner: Database, admin: StoreAdmin, roles: list[str]) -> None:
    with owner.engine.begin() as conn:
        users, admins = admin.groups(conn)
        db_name = conn.execute(text("SELECT current_database()")).scalar_one()
        for role in (*roles, users, admins, admin.reviewer_group(conn)):
            exists = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).scalar()
            if not exists:
                continue
            conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"'))
            conn.execute(text(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM "{role}"'))
            conn.execute(text(f'REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM "{role}"'))
            conn.execute(text(f'REVOKE ALL ON SCHEMA public FROM "{role}"'))
            conn.execute(text(f'REVOKE ALL ON DATABASE "{db_name}" FROM "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        conn.execute(text("DELETE FROM memberships"))


def require_pg(pg: Database | None) -> Database:
    if pg is None:
        pytest.skip("PostgreSQL not configured (SIP_DESK_TEST_PG_URL unset)")
    return pg


@contextmanager
def temp_tables_allowed(cast: Cast, name: str = "a") -> Iterator[None]:
    """A DBA let role ``name`` make temporary tables after all (``admin setup`` revokes it from
    PUBLIC): the functions must hold on their own."""
    role = cast.roles[name]
    with cast.owner.engine.begin() as conn:
        db = conn.execute(text("SELECT current_database()")).scalar_one()
        conn.execute(text(f'GRANT TEMPORARY ON DATABASE "{db}" TO "{role}"'))
    try:
        yield
    finally:
        with cast.owner.engine.begin() as conn:
            conn.execute(text(f'REVOKE TEMPORARY ON DATABASE "{db}" FROM "{role}"'))
