"""signed plan versions are immutable: database triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:00:00

Written by hand: Alembic does not autogenerate triggers. The SQL lives in
``sip_desk.db.immutability`` so that a brand-new store (create_all) gets the same triggers.
"""

from __future__ import annotations

from alembic import op

from sip_desk.db.immutability import drop_statements, install_statements

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in install_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
