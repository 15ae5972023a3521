"""indexes for the plan list sorted by a column and paged by key

Revision ID: 0007_plan_list_indexes
Revises: 0006
Create Date: 2026-12-01 03:00:00

A click on a column header sorts the plan list in the store, and each page is read after the key
of the row before it; these indexes let that read start at the key instead of sorting every
plan: by name and by status. (The coordinator order uses ``ix_participants_name_coordinator``
of 0003; an index led by the coordinator flag was tried and dropped: the worklist's "who is the
plan's coordinator" subquery took it and walked every coordinator per row, 30 ms -> 1.3 s.)
"""

from __future__ import annotations

from alembic import op

revision = "0007_plan_list_indexes"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(
            "ix_persons_name_order", ["first_name", "last_name", "id"], unique=False
        )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index("ix_plans_status_id", ["status", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index("ix_plans_status_id")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index("ix_persons_name_order")
