"""store signing keys and the seals of signed versions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 17:00:00

Adds ``version_seals`` (the store key's Ed25519 signature over each signed version's hash and
signatures), ``signing_keys`` (the public keys of this store and of stores met in import files)
and a key signature on each signature added after sealing. The seals themselves are written by
the application when the store's key is made (``services.store_key``): the key lives outside the
database, so a migration cannot sign. Signed snapshots are not rewritten: their hashes stay as
printed (see SECURITY.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import sip_desk.db.base
from sip_desk.db.immutability import seal_statements

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signing_keys",
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.String(length=100), nullable=False),
        sa.Column("own", sa.Boolean(), nullable=False),
        sa.Column("added_at", sip_desk.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_signing_keys")),
    )
    op.create_table(
        "version_seals",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("signatures_hash", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        sa.Column("key_signature", sa.String(length=100), nullable=False),
        sa.Column("sealed_at", sip_desk.db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("on_upgrade", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_versions.id"],
            name=op.f("fk_version_seals_version_id_plan_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("version_id", name=op.f("pk_version_seals")),
    )
    # Plain ADD COLUMN (no table copy): the signatures table keeps its immutability triggers.
    op.add_column("signatures", sa.Column("key_id", sa.String(length=64), nullable=True))
    op.add_column("signatures", sa.Column("key_signature", sa.String(length=100), nullable=True))
    for statement in seal_statements(op.get_bind().dialect.name):
        op.execute(statement)


def downgrade() -> None:
    for statement in seal_statements(op.get_bind().dialect.name, drop=True):
        op.execute(statement)
    with op.batch_alter_table("signatures", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("key_signature")
        batch_op.drop_column("key_id")
    op.drop_table("version_seals")
    op.drop_table("signing_keys")
