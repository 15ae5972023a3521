"""The lists inside a plan: participants, consents, goals, needs and actions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, Index, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sip_desk.db.base import Base, enum_column, owner_id
from sip_desk.db.models.person import Organisation, Unit
from sip_desk.domain.enums import (
    ActionStatus,
    ConsentForm,
    ConsentGiver,
    GoalTerm,
    InvitationKind,
    PrincipalType,
)

if TYPE_CHECKING:
    from sip_desk.db.models.plan import Plan


action_goals = Table(
    "action_goals",
    Base.metadata,
    Column("action_id", ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True),
    Column("goal_id", ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Participant(Base):
    """Someone at the table: professional, relative or other actor."""

    __tablename__ = "participants"
    # The worklist's coordinator filter and its list of coordinator names.
    __table_args__ = (
        Index("ix_participants_name_coordinator", "name", "is_coordinator", "plan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = owner_id("plans")
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(default="")
    invitation: Mapped[InvitationKind] = mapped_column(
        enum_column(InvitationKind), default=InvitationKind.SUMMONED
    )
    present: Mapped[bool] = mapped_column(default=False)
    is_relative: Mapped[bool] = mapped_column(default=False)
    is_chair: Mapped[bool] = mapped_column(default=False)
    is_coordinator: Mapped[bool] = mapped_column(default=False)
    contact_role: Mapped[str] = mapped_column(default="")
    # PostgreSQL: the database role of this participant, when they use SIP Desk; a named
    # participant sees the plan (``db.row_security``).
    db_role: Mapped[str | None] = mapped_column(String(63), index=True)

    plan: Mapped[Plan] = relationship(back_populates="participants")
    organisation: Mapped[Organisation | None] = relationship()
    unit: Mapped[Unit | None] = relationship()


class InformationConsent(Base):
    """Consent to share information with one organisation."""

    __tablename__ = "information_consents"
    __table_args__ = (
        Index("ix_information_consents_valid_until", "valid_until"),
        Index("ix_information_consents_revoked_valid", "revoked_on", "valid_until"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = owner_id("plans")
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    information_shared: Mapped[str] = mapped_column(default="")
    information_excluded: Mapped[str] = mapped_column(default="")
    valid_from: Mapped[date]
    valid_until: Mapped[date | None]
    form: Mapped[ConsentForm] = mapped_column(enum_column(ConsentForm))
    given_by: Mapped[ConsentGiver] = mapped_column(enum_column(ConsentGiver))
    given_by_name: Mapped[str] = mapped_column(default="")
    revoked_on: Mapped[date | None]

    plan: Mapped[Plan] = relationship(back_populates="consents")
    organisation: Mapped[Organisation] = relationship()


class Goal(Base):
    """A goal in the person's own words; ``parent_id`` makes it a sub-goal."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = owner_id("plans")
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str]
    term: Mapped[GoalTerm] = mapped_column(enum_column(GoalTerm), default=GoalTerm.LONG)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"))

    plan: Mapped[Plan] = relationship(back_populates="goals")


class Need(Base):
    """A need the efforts answer."""

    __tablename__ = "needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = owner_id("plans")
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str]

    plan: Mapped[Plan] = relationship(back_populates="needs")


class Action(Base):
    """An effort or action: what, by whom, when, towards which goals."""

    __tablename__ = "actions"
    __table_args__ = (Index("ix_actions_status_end_date", "status", "end_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = owner_id("plans")
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str]
    need_id: Mapped[int | None] = mapped_column(ForeignKey("needs.id", ondelete="SET NULL"))
    responsible_principal: Mapped[PrincipalType] = mapped_column(enum_column(PrincipalType))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    responsible_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), index=True
    )
    is_other_actor: Mapped[bool] = mapped_column(default=False)
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.PLANNED
    )
    cost_responsibility: Mapped[str] = mapped_column(default="")

    plan: Mapped[Plan] = relationship(back_populates="actions")
    organisation: Mapped[Organisation | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    responsible: Mapped[Participant | None] = relationship()
    goals: Mapped[list[Goal]] = relationship(secondary=action_goals, order_by="Goal.position")
