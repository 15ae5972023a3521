"""The person's own texts translated at the meeting (``domain.translation``)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sip_desk.db.base import Base


class Translation(Base):
    """One text of the person's page in one language.

    ``field`` is a plan field (``goal_id`` and ``action_id`` both ``NULL``), or ``"goal"`` /
    ``"action"`` with that row's id, so a translation goes with its goal or action when that
    is removed. One row per plan, language and text: the services write under the plan's
    version check, which keeps it so.
    """

    __tablename__ = "translations"
    __table_args__ = (Index("ix_translations_plan_id_language", "plan_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(16))
    field: Mapped[str] = mapped_column(String(40))
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str]
