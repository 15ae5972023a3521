"""PostgreSQL hardening: pinned search paths for every function (PostgreSQL)

Revision ID: 0013_pg_hardening
Revises: 0012_log_row_security
Create Date: 2026-12-01 15:00:00

Recreates the row-level security, plan→person and log guard functions with
``search_path = pg_catalog, public, pg_temp`` and schema-qualified tables, then pins the search
path of every other ``sip_desk_*`` or ``SECURITY DEFINER`` function
(:mod:`sip_desk.db.pg_hardening`). The server chains every new log row itself
(:mod:`sip_desk.db.log_chain_guard`). Nothing on SQLite.
"""

from __future__ import annotations

from alembic import op

from sip_desk.db import log_guard, plan_person_guard, row_security
from sip_desk.db.pg_hardening import install_hardening, remove_hardening

revision = "0013_pg_hardening"
down_revision = "0012_log_row_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    row_security.install_functions(bind)
    plan_person_guard.install_plan_person_guard(bind)
    log_guard.install_functions(bind)
    install_hardening(bind)


def downgrade() -> None:
    # The pinned search paths and qualified names are kept: they only close holes.
    remove_hardening(op.get_bind())
