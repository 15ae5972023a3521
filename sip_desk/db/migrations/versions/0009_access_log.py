"""the access log, and a hash chain and append-only triggers for both logs

Revision ID: 0009_access_log
Revises: 0008_no_effort_reasons
Create Date: 2026-12-01 11:00:00

Adds ``access_log`` (every read of a person's data), gives ``audit_entries`` the columns of a
hash chain (``prev_hash``, ``row_hash``) and chains the rows it holds in id order, then installs
triggers that refuse ``UPDATE`` and ``DELETE`` on both tables (SQLite and PostgreSQL).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sip_desk.db import chain
from sip_desk.db.append_only import append_only_statements
from sip_desk.db.base import UTCDateTime

revision = "0009_access_log"
down_revision = "0008_no_effort_reasons"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "open",
                "list",
                "search",
                "export",
                "print",
                "preview",
                "check",
                "worklist",
                "calendar",
                "import",
                "log_review",
                name="accesskind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("program", sa.String(length=20), nullable=False),
        sa.Column("command", sa.String(length=60), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("row_hash", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    op.create_index("ix_access_log_at", "access_log", ["at"], unique=False)
    op.create_index("ix_access_log_person_at", "access_log", ["person_id", "at"], unique=False)
    op.create_index("ix_access_log_user_at", "access_log", ["user", "at"], unique=False)
    # Plain ADD COLUMN (no table copy), then every existing row chained in id order.
    op.add_column("audit_entries", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit_entries", sa.Column("row_hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    chain.rechain(bind, "audit_entries")
    for statement in append_only_statements(bind.dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in append_only_statements(op.get_bind().dialect.name, drop=True):
        op.execute(statement)
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
    op.drop_index("ix_access_log_user_at", table_name="access_log")
    op.drop_index("ix_access_log_person_at", table_name="access_log")
    op.drop_index("ix_access_log_at", table_name="access_log")
    op.drop_table("access_log")
