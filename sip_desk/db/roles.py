"""Database roles, units and memberships: what ``sip-desk admin`` does, and who the user is.

On PostgreSQL every person has their own login role. Three group roles per database carry the
rights: ``<database>_users`` (the application's rights: read and write plans under row-level
security, read their own rows of the logs and append through a function), ``<database>_admin``
(manage units and memberships) and ``<database>_log_review`` (read every row of both logs:
the log review, :mod:`sip_desk.db.log_security`). Creating login roles needs ``CREATEROLE``:
the DBA (or the tables' owner given that right) runs those commands. On SQLite units and
memberships are kept but enforce nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, text

from sip_desk.db.admin_audit import audit_admin_change
from sip_desk.db.engine import Database
from sip_desk.db.log_security import REVIEWER_SUFFIX
from sip_desk.db.models import Membership, Organisation, Plan, Unit
from sip_desk.db.role_grants import grant_statements, quoted, sql_literal
from sip_desk.domain.enums import AuditAction, PrincipalType
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.domain.membership import Identity, MemberInfo, UnitInfo, checked_role


def _require_admin(conn: Connection) -> None:
    """On PostgreSQL ``sip-desk admin`` is for the administrator group and the tables' owner."""
    if conn.dialect.name != "postgresql":
        return
    allowed = text(
        "SELECT public.sip_desk_is_admin() OR session_user = "
        "(SELECT tableowner FROM pg_catalog.pg_tables "
        "WHERE schemaname = 'public' AND tablename = 'units')"
    )
    if not conn.execute(allowed).scalar():
        raise StoreError("store.denied", detail="sip-desk admin: the administrator's role only")


def identity(conn: Connection) -> Identity:
    """``session_user`` and their units, read from the database (PostgreSQL)."""
    user = str(conn.execute(text("SELECT session_user")).scalar_one())
    rows = conn.execute(
        select(Organisation.name, Unit.name)
        .join(Unit, Unit.organisation_id == Organisation.id)
        .join(Membership, Membership.unit_id == Unit.id)
        .where(Membership.role_name == user)
        .order_by(Organisation.name, Unit.name)
    ).all()
    admin = bool(conn.execute(text("SELECT sip_desk_is_admin()")).scalar_one())
    return Identity(user=user, units=tuple(f"{o} / {u}" for o, u in rows), admin=admin)


class StoreAdmin:
    """Units, memberships, roles and grants of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- units and memberships (both backends) -------------------------------------------

    def units(self) -> list[UnitInfo]:
        """Every unit with its organisation, member count and plan count."""
        members = select(func.count()).where(Membership.unit_id == Unit.id).scalar_subquery()
        plans = select(func.count()).where(Plan.unit_id == Unit.id).scalar_subquery()
        with self.db.read_connection() as conn:
            rows = conn.execute(
                select(Unit.id, Organisation.name, Unit.name, members, plans)
                .join(Organisation, Organisation.id == Unit.organisation_id)
                .order_by(Organisation.name, Unit.name)
            ).all()
        return [
            UnitInfo(id=r[0], organisation=r[1], name=r[2], members=r[3], plans=r[4]) for r in rows
        ]

    def add_unit(self, organisation: str, name: str, principal: PrincipalType) -> int:
        """Add ``name`` in ``organisation`` (made if new); the id of the unit (new or existing)."""
        organisation, name = organisation.strip(), name.strip()
        if not organisation or not name:
            raise DomainError("admin.blank_unit")
        with self.db.write() as session:
            conn = session.connection()
            _require_admin(conn)
            org_id = conn.execute(
                select(Organisation.id).where(Organisation.name == organisation)
            ).scalar()
            if org_id is None:
                org_id = conn.execute(
                    insert(Organisation)
                    .values(name=organisation, principal_type=principal)
                    .returning(Organisation.id)
                ).scalar_one()
                audit_admin_change(
                    conn, AuditAction.CREATE, "organisation", org_id, "name", new=organisation
                )
            found = conn.execute(
                select(Unit.id).where(Unit.organisation_id == org_id, Unit.name == name)
            ).scalar()
            if found is not None:
                return int(found)
            unit_id = conn.execute(
                insert(Unit).values(organisation_id=org_id, name=name).returning(Unit.id)
            ).scalar_one()
            audit_admin_change(
                conn, AuditAction.CREATE, "unit", unit_id, "name", new=f"{organisation} / {name}"
            )
            return int(unit_id)

    def unit_id(self, conn: Connection, ref: str) -> int:
        """The unit named by ``ref``: its id, its name, or ``Organisation/Unit``."""
        query = select(Unit.id).join(Organisation, Organisation.id == Unit.organisation_id)
        if ref.strip().isdigit():
            query = query.where(Unit.id == int(ref))
        elif "/" in ref:
            org, _, name = ref.partition("/")
            query = query.where(Organisation.name == org.strip(), Unit.name == name.strip())
        else:
            query = query.where(Unit.name == ref.strip())
        found = conn.execute(query.limit(2)).scalars().all()
        if len(found) != 1:
            raise DomainError("admin.no_unit" if not found else "admin.unit_ambiguous", unit=ref)
        return int(found[0])

    def members(self, unit: str | None = None) -> list[MemberInfo]:
        """Every membership, or those of one unit."""
        with self.db.read_connection() as conn:
            query = (
                select(Membership.role_name, Unit.id, Unit.name, Organisation.name)
                .join(Unit, Unit.id == Membership.unit_id)
                .join(Organisation, Organisation.id == Unit.organisation_id)
                .order_by(Membership.role_name, Organisation.name, Unit.name)
            )
            if unit is not None:
                query = query.where(Unit.id == self.unit_id(conn, unit))
            rows = conn.execute(query).all()
        return [MemberInfo(role=r[0], unit_id=r[1], unit=r[2], organisation=r[3]) for r in rows]

    def add_member(self, role: str, unit: str) -> bool:
        """Make ``role`` a member of ``unit``; ``False`` when it already was."""
        role = checked_role(role)
        with self.db.write() as session:
            conn = session.connection()
            unit_id = self.unit_id(conn, unit)
            exists = conn.execute(
                select(Membership.id).where(
                    Membership.role_name == role, Membership.unit_id == unit_id
                )
            ).scalar()
            if exists is not None:
                return False
            session.add(Membership(role_name=role, unit_id=unit_id))
            session.flush()
            audit_admin_change(conn, AuditAction.CREATE, "membership", unit_id, "role", new=role)
            return True

    def remove_member(self, role: str, unit: str) -> None:
        """End ``role``'s membership of ``unit``."""
        with self.db.write() as session:
            conn = session.connection()
            unit_id = self.unit_id(conn, unit)
            gone = conn.execute(
                delete(Membership).where(
                    Membership.role_name == role, Membership.unit_id == unit_id
                )
            ).rowcount
            if not gone:
                raise DomainError("admin.not_member", role=role, unit=unit)
            audit_admin_change(conn, AuditAction.DELETE, "membership", unit_id, "role", old=role)

    # --- roles and grants (PostgreSQL) ----------------------------------------------------

    def _postgres(self) -> None:
        if self.db.is_sqlite:
            raise DomainError("admin.postgres_only")

    def groups(self, conn: Connection) -> tuple[str, str]:
        """The names of this store's user and administrator group roles."""
        admin = str(conn.execute(text("SELECT sip_desk_admin_group()")).scalar_one())
        return admin.removesuffix("_admin") + "_users", admin

    def reviewer_group(self, conn: Connection) -> str:
        """The name of this store's log reviewer group role."""
        return self.groups(conn)[1].removesuffix("_admin") + REVIEWER_SUFFIX

    def setup(self) -> tuple[str, str]:
        """Create the group roles if missing and (re)grant their rights on every table.

        Run again after an upgrade that adds tables.
        """
        self._postgres()
        with self.db.write() as session:
            conn = session.connection()
            users, admin = self.groups(conn)
            for group in (users, admin, self.reviewer_group(conn)):
                conn.execute(
                    text(
                        "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                        f"'{group}') THEN CREATE ROLE {quoted(conn, group)} NOLOGIN; END IF; END$$"
                    )
                )
            reviewers = quoted(conn, self.reviewer_group(conn))
            for statement in grant_statements(
                conn, quoted(conn, users), quoted(conn, admin), reviewers
            ):
                conn.execute(text(statement))
            return users, admin

    def add_role(
        self,
        role: str,
        unit: str | None,
        admin: bool = False,
        password: str | None = None,
        reviewer: bool = False,
    ) -> None:
        """Create login role ``role`` with the application's rights, in ``unit``."""
        self._postgres()
        role = checked_role(role)
        self.setup()
        with self.db.write() as session:
            conn = session.connection()
            exists = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).scalar()
            if exists:
                raise DomainError("admin.role_exists", role=role)
            secret = "" if password is None else f" PASSWORD {sql_literal(password)}"
            conn.execute(text(f"CREATE ROLE {quoted(conn, role)} LOGIN{secret}"))
        self.grant_app_role(role, admin, reviewer)
        if unit is not None:
            self.add_member(role, unit)

    def grant_app_role(self, role: str, admin: bool = False, reviewer: bool = False) -> None:
        """Give an existing role (e.g. one that logs in by certificate) the application's rights.

        ``reviewer``: the role may also read every row of the logs (the log review).
        """
        self._postgres()
        role = checked_role(role)
        users, admin_group = self.setup()
        with self.db.write() as session:
            conn = session.connection()
            if not conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).scalar():
                raise DomainError("admin.no_role", role=role)
            conn.execute(text(f"GRANT {quoted(conn, users)} TO {quoted(conn, role)}"))
            if admin:
                conn.execute(text(f"GRANT {quoted(conn, admin_group)} TO {quoted(conn, role)}"))
            if reviewer:
                group = quoted(conn, self.reviewer_group(conn))
                conn.execute(text(f"GRANT {group} TO {quoted(conn, role)}"))
            granted = admin_group if admin else users
            audit_admin_change(conn, AuditAction.CREATE, "role_grant", None, granted, new=role)

    def remove_role(self, role: str) -> None:
        """End all of ``role``'s memberships and drop the login role."""
        self._postgres()
        role = checked_role(role)
        with self.db.write() as session:
            conn = session.connection()
            ended = conn.execute(
                delete(Membership).where(Membership.role_name == role).returning(Membership.unit_id)
            ).scalars()
            for unit_id in ended.all():
                audit_admin_change(
                    conn, AuditAction.DELETE, "membership", unit_id, "role", old=role
                )
            if not conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}
            ).scalar():
                raise DomainError("admin.no_role", role=role)
            conn.execute(text(f"DROP ROLE {quoted(conn, role)}"))
            audit_admin_change(conn, AuditAction.DELETE, "role", None, "name", old=role)
