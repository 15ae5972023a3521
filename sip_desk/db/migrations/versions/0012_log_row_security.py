"""row-level security on the access log and the audit trail (PostgreSQL)

Revision ID: 0012_log_row_security
Revises: 0011_plan_person_guard
Create Date: 2026-12-01 15:00:00

Installs :mod:`sip_desk.db.log_security`: an ordinary user reads their own access-log rows and
the audit rows of the plans they may see, without the hash columns; a log reviewer reads all.
Rows are appended, and the chains checked, through ``SECURITY DEFINER`` functions. A store
whose group roles exist gets the new rights at once. Nothing on SQLite.
"""

from __future__ import annotations

from alembic import op

from sip_desk.db.log_security import install_log_security, remove_log_security

revision = "0012_log_row_security"
down_revision = "0011_plan_person_guard"
branch_labels = None
depends_on = None


def upgrade() -> None:
    install_log_security(op.get_bind())


def downgrade() -> None:
    remove_log_security(op.get_bind())
