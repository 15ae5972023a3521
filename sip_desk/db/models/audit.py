"""Audit trail (changes to a person's data) and application settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sip_desk.db.base import Base, enum_column, utcnow
from sip_desk.domain.enums import AuditAction


class AuditEntry(Base):
    """One logged action on a person's data. Plain ids, no foreign keys: the log outlives rows."""

    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_plan_at", "plan_id", "at"),
        Index("ix_audit_entries_person_at", "person_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    user: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction))
    plan_id: Mapped[int | None]
    person_id: Mapped[int | None]
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None]
    field: Mapped[str] = mapped_column(String(100), default="")
    old: Mapped[str | None]
    new: Mapped[str | None]
    # The hash chain (sip_desk.db.chain): rows are appended through chain.append only.
    # Not loaded with the row: an ordinary user on PostgreSQL may not read them (log_security).
    prev_hash: Mapped[str | None] = mapped_column(String(64), deferred=True)
    row_hash: Mapped[str | None] = mapped_column(String(64), deferred=True)


class Setting(Base):
    """A key/value application setting (legal reference text, confidentiality marking, limits)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str]
