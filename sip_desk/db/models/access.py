"""The access log: every read of a person's data (written through :mod:`sip_desk.db.chain`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sip_desk.db.base import Base, enum_column, utcnow
from sip_desk.domain.access import AccessKind


class AccessEntry(Base):
    """One logged read. Plain ids, no foreign keys: the log outlives the plans it names."""

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_person_at", "person_id", "at"),
        Index("ix_access_log_user_at", "user", "at"),
        Index("ix_access_log_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[AccessKind] = mapped_column(enum_column(AccessKind))
    person_id: Mapped[int | None]
    plan_id: Mapped[int | None]
    program: Mapped[str] = mapped_column(String(20))
    command: Mapped[str] = mapped_column(String(60), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")
    # Not loaded with the row: an ordinary user on PostgreSQL may not read them (log_security).
    prev_hash: Mapped[str | None] = mapped_column(String(64), deferred=True)
    row_hash: Mapped[str | None] = mapped_column(String(64), deferred=True)
