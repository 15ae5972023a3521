"""indexes for the worklist at scale

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:00:00

The worklist's warnings ("active plan with no booked follow-up", "no first meeting") are
anti-joins on meetings per plan; the covering index answers them without reading meeting rows.
Plans by request date and consents by revocation (and end) date are read in due order
and paged; coordinators by name feed the coordinator filter and its list.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_meetings_plan_kind_status", ["plan_id", "kind", "status", "starts_at"], unique=False
        )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index("ix_plans_requested_on", ["requested_on", "status"], unique=False)
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(
            "ix_participants_name_coordinator",
            ["name", "is_coordinator", "plan_id"],
            unique=False,
        )
    with op.batch_alter_table("information_consents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_information_consents_revoked_valid", ["revoked_on", "valid_until"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("information_consents", schema=None) as batch_op:
        batch_op.drop_index("ix_information_consents_revoked_valid")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index("ix_participants_name_coordinator")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index("ix_plans_requested_on")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_plan_kind_status")
