"""a plan only for a person its maker may already see (PostgreSQL)

Revision ID: 0011_plan_person_guard
Revises: 0010_units_and_row_security
Create Date: 2026-12-01 13:00:00

Installs :mod:`sip_desk.db.plan_person_guard`: inserting a plan (or moving one) that points at
a person the user could not see no longer opens that person to them. Installs
:mod:`sip_desk.db.log_guard`: the access log and audit trail get their writer's name from the
database and cannot be truncated. Nothing on SQLite.
"""

from __future__ import annotations

from alembic import op

from sip_desk.db.log_guard import install_log_guard, remove_log_guard
from sip_desk.db.plan_person_guard import install_plan_person_guard, remove_plan_person_guard

revision = "0011_plan_person_guard"
down_revision = "0010_units_and_row_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    install_plan_person_guard(op.get_bind())
    install_log_guard(op.get_bind())


def downgrade() -> None:
    remove_log_guard(op.get_bind())
    remove_plan_person_guard(op.get_bind())
