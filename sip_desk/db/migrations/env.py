"""Alembic environment: always run programmatically with a shared connection (db/migrate.py)."""

from __future__ import annotations

from alembic import context

from sip_desk.db import models  # noqa: F401  (registers the tables)
from sip_desk.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for `alembic` on the command line
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "").connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
