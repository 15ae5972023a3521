"""Persons, their representatives, and the organisations/units that take part in plans."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sip_desk.db.base import Base, enum_column, owned, owner_id, utcnow
from sip_desk.domain.enums import PrincipalType, RepresentativeKind


class Person(Base):
    """The person a plan is about."""

    __tablename__ = "persons"
    # The plan list sorted by name, paged by key.
    __table_args__ = (Index("ix_persons_name_order", "first_name", "last_name", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(200))
    last_name: Mapped[str] = mapped_column(String(200), index=True)
    identity_number: Mapped[str | None] = mapped_column(String(13), unique=True)
    reserve_id: Mapped[str | None] = mapped_column(String(40), unique=True)
    phone: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(default="")
    address: Mapped[str] = mapped_column(default="")
    preferred_language: Mapped[str] = mapped_column(String(16), default="sv")
    interpreter_needed: Mapped[bool] = mapped_column(default=False)
    interpreter_language: Mapped[str] = mapped_column(default="")
    protected_identity: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # PostgreSQL: the database role that registered the person (set by a trigger; see
    # ``db.row_security``). ``NULL`` on SQLite.
    created_by: Mapped[str | None] = mapped_column(String(63))

    representatives: Mapped[list[Representative]] = owned("Representative.position", "person")


class Representative(Base):
    """A guardian or legal representative of a person."""

    __tablename__ = "representatives"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = owner_id("persons")
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[RepresentativeKind] = mapped_column(enum_column(RepresentativeKind))
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(default="")

    person: Mapped[Person] = relationship(back_populates="representatives")


class Organisation(Base):
    """An organisation taking part in plans, with its principal type (kommun/region/other)."""

    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("name", "principal_type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    principal_type: Mapped[PrincipalType] = mapped_column(enum_column(PrincipalType))


class Unit(Base):
    """A unit within an organisation (e.g. Beroendemottagningen Södra)."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = owner_id("organisations")
    name: Mapped[str] = mapped_column(String(200))

    organisation: Mapped[Organisation] = relationship()


class Membership(Base):
    """A database role's membership of a unit (PostgreSQL row-level security; ``db.row_security``).

    A user sees the plans of the units they are a member of. On SQLite the rows are kept but
    nothing is enforced: the single-user store has one user, the OS account.
    """

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("role_name", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role_name: Mapped[str] = mapped_column(String(63), index=True)
    unit_id: Mapped[int] = owner_id("units")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    unit: Mapped[Unit] = relationship()
