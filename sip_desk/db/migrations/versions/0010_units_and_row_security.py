"""plans belong to units; memberships; row-level security on PostgreSQL

Revision ID: 0010_units_and_row_security
Revises: 0009_access_log
Create Date: 2026-12-01 12:00:00

Adds ``memberships`` (a database role's units), ``plans.unit_id`` and ``plans.created_by``,
``persons.created_by`` and ``participants.db_role``. On PostgreSQL it installs the row-level
security of :mod:`sip_desk.db.row_security`; roles and grants are made by ``sip-desk admin``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sip_desk.db.base import UTCDateTime
from sip_desk.db.row_security import install_row_security, remove_row_security

revision = "0010_units_and_row_security"
down_revision = "0009_access_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("added_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
            name=op.f("fk_memberships_unit_id_units"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint("role_name", "unit_id", name=op.f("uq_memberships_role_name")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memberships_role_name"), ["role_name"])
        batch_op.create_index(batch_op.f("ix_memberships_unit_id"), ["unit_id"])
    _add_plan_unit()
    op.add_column("plans", sa.Column("created_by", sa.String(length=63), nullable=True))
    op.create_index(op.f("ix_plans_unit_id"), "plans", ["unit_id"])
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by", sa.String(length=63), nullable=True))
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_role", sa.String(length=63), nullable=True))
        batch_op.create_index(batch_op.f("ix_participants_db_role"), ["db_role"])
    install_row_security(op.get_bind())


def _add_plan_unit() -> None:
    # On SQLite in place (ADD COLUMN … REFERENCES): rebuilding ``plans`` would break the
    # triggers on ``plan_versions`` that name it. A downgrade there leaves the column.
    if op.get_bind().dialect.name == "sqlite":
        if "unit_id" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("plans")}:
            return
        op.execute("ALTER TABLE plans ADD COLUMN unit_id INTEGER REFERENCES units (id)")
        return
    op.add_column("plans", sa.Column("unit_id", sa.Integer(), nullable=True))
    op.create_foreign_key(op.f("fk_plans_unit_id_units"), "plans", "units", ["unit_id"], ["id"])


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): rebuilding a table would trip the foreign keys.
    remove_row_security(op.get_bind())
    op.drop_index(op.f("ix_participants_db_role"), "participants")
    op.drop_column("participants", "db_role")
    op.drop_column("persons", "created_by")
    op.drop_index(op.f("ix_plans_unit_id"), "plans")
    op.drop_column("plans", "created_by")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("fk_plans_unit_id_units"), "plans", type_="foreignkey")
        op.drop_column("plans", "unit_id")
    # SQLite cannot drop a column with a foreign key (nor rebuild ``plans`` without cascading
    # deletes): ``plans.unit_id`` stays, unused, and a new upgrade finds it in place.
    op.drop_table("memberships")
