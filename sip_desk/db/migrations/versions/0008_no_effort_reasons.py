"""why a principal taking part has no effort in a plan

Revision ID: 0008_no_effort_reasons
Revises: 0007_plan_list_indexes
Create Date: 2026-12-01 06:00:00

Adds ``no_effort_reasons``: per plan and organisation (a principal taking part), the recorded
reason why it answers for no effort in the plan. Removed with its plan.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sip_desk.db.base import UTCDateTime

revision = "0008_no_effort_reasons"
down_revision = "0007_plan_list_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "no_effort_reasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_no_effort_reasons_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_no_effort_reasons_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_no_effort_reasons")),
        sa.UniqueConstraint(
            "plan_id", "organisation_id", name=op.f("uq_no_effort_reasons_plan_id")
        ),
    )
    with op.batch_alter_table("no_effort_reasons", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_no_effort_reasons_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("no_effort_reasons")
