"""Plan versions (immutable once signed) and signatures."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sip_desk.db.base import Base, enum_column, utcnow
from sip_desk.domain.enums import SignatureMethod, VersionState

if TYPE_CHECKING:
    from sip_desk.db.models.plan import Plan


class PlanVersion(Base):
    """A numbered version of a plan.

    A signed version holds ``snapshot`` (canonical JSON of the plan as signed) and ``content_hash``
    (SHA-256 over the snapshot and ``previous_hash``), chaining the versions.
    """

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    state: Mapped[VersionState] = mapped_column(
        enum_column(VersionState), default=VersionState.DRAFT
    )
    snapshot: Mapped[str | None]
    content_hash: Mapped[str | None] = mapped_column(String(64))
    previous_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    signed_at: Mapped[datetime | None]

    plan: Mapped[Plan] = relationship(back_populates="versions")
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="Signature.position"
    )


class Signature(Base):
    """A signature on a plan version: drawn in the app, or signed on paper."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    signer_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(default="")
    role: Mapped[str] = mapped_column(default="")
    is_person: Mapped[bool] = mapped_column(default=False)
    method: Mapped[SignatureMethod] = mapped_column(enum_column(SignatureMethod))
    signed_on: Mapped[date]
    image_png: Mapped[bytes | None] = mapped_column(LargeBinary)

    version: Mapped[PlanVersion] = relationship(back_populates="signatures")
