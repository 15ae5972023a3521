"""The plan row: the aggregate root with its version counter."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sip_desk.db.base import Base, enum_column, owned, utcnow
from sip_desk.db.models.person import Organisation, Person
from sip_desk.domain.enums import ConsentForm, ConsentGiver, PlanStatus, PrincipalType

if TYPE_CHECKING:
    from sip_desk.db.models.follow_up_draft import FollowUpDraft
    from sip_desk.db.models.meeting import Meeting
    from sip_desk.db.models.plan_items import (
        Action,
        Goal,
        InformationConsent,
        Need,
        Participant,
    )
    from sip_desk.db.models.version import PlanVersion


class Plan(Base):
    """A coordinated individual plan. ``version`` rises on every change (stale saves fail)."""

    __tablename__ = "plans"
    __table_args__ = (
        Index("ix_plans_status_updated", "status", "updated_at"),
        Index("ix_plans_updated_at", "updated_at"),
        Index("ix_plans_requested_on", "requested_on", "status"),
        Index("ix_plans_status_id", "status", "id"),  # the plan list by status, paged by key
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=1)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    status: Mapped[PlanStatus] = mapped_column(enum_column(PlanStatus), default=PlanStatus.DRAFT)
    closed_reason: Mapped[str] = mapped_column(default="")
    closed_on: Mapped[date | None]
    reason: Mapped[str] = mapped_column(default="")
    meeting_question: Mapped[str] = mapped_column(default="")
    requested_by: Mapped[str] = mapped_column(default="")
    requested_on: Mapped[date | None]
    lead_principal: Mapped[PrincipalType | None] = mapped_column(enum_column(PrincipalType))
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    made_with_person: Mapped[bool | None]
    not_with_person_reason: Mapped[str] = mapped_column(default="")
    plan_consent_given: Mapped[bool] = mapped_column(default=False)
    plan_consent_date: Mapped[date | None]
    plan_consent_form: Mapped[ConsentForm | None] = mapped_column(enum_column(ConsentForm))
    plan_consent_given_by: Mapped[ConsentGiver | None] = mapped_column(enum_column(ConsentGiver))
    what_matters: Mapped[str] = mapped_column(default="")
    strengths: Mapped[str] = mapped_column(default="")
    person_own_actions: Mapped[str] = mapped_column(default="")
    relatives_own_actions: Mapped[str] = mapped_column(default="")
    crisis_warning_signs: Mapped[str] = mapped_column(default="")
    crisis_actions: Mapped[str] = mapped_column(default="")
    crisis_contacts: Mapped[str] = mapped_column(default="")
    legal_reference: Mapped[str] = mapped_column(default="")
    print_language: Mapped[str] = mapped_column(String(16), default="sv")
    # The unit the plan belongs to, and the database role that made it (PostgreSQL row-level
    # security, ``db.row_security``: a new plan gets its maker's unit). ``NULL`` on SQLite.
    # A unit holding plans cannot be removed (its plans would lose their readers).
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    created_by: Mapped[str | None] = mapped_column(String(63))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person] = relationship()
    lead_organisation: Mapped[Organisation | None] = relationship()
    participants: Mapped[list[Participant]] = owned("Participant.position", "plan")
    consents: Mapped[list[InformationConsent]] = owned("InformationConsent.id", "plan")
    goals: Mapped[list[Goal]] = owned("Goal.position", "plan")
    needs: Mapped[list[Need]] = owned("Need.position", "plan")
    actions: Mapped[list[Action]] = owned("Action.position", "plan")
    meetings: Mapped[list[Meeting]] = owned("Meeting.starts_at", "plan")
    versions: Mapped[list[PlanVersion]] = owned("PlanVersion.number", "plan")
    follow_up_draft: Mapped[FollowUpDraft | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )

    # The services raise ``version`` on every change of the plan or anything in it; SQLAlchemy
    # adds "WHERE version = <old>" to the UPDATE, so a stale save fails instead of overwriting.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012
