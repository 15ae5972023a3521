"""translations of the person's own texts, made at the meeting

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 03:00:00

Adds ``translations``: one text of the person's page (a plan field, a goal's text or an
action's description) in one print language. Removed with its plan, goal or action.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "translations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["actions.id"],
            name=op.f("fk_translations_action_id_actions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_translations_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_translations_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_translations")),
    )
    with op.batch_alter_table("translations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_translations_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_translations_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(
            "ix_translations_plan_id_language", ["plan_id", "language"], unique=False
        )


def downgrade() -> None:
    op.drop_table("translations")
