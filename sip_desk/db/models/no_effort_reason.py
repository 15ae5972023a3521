"""Why a principal taking part has no effort in a plan (``domain.principals``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sip_desk.db.base import Base


class NoEffortReason(Base):
    """The recorded reason why one organisation (a principal) has no effort in one plan.

    One row per plan and organisation. A row stays when the principal later gets an effort or
    leaves the plan (it is then neither asked for nor printed), so it comes back if the effort
    is removed again.
    """

    __tablename__ = "no_effort_reasons"
    __table_args__ = (UniqueConstraint("plan_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    reason: Mapped[str]
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(200), default="")
