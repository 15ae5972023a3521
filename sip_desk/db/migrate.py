"""Bring a store to the schema of this build: back up, upgrade, or refuse a newer store.

Opening a store that is already at this build's schema needs no Alembic at all (its import costs
about 0.2 s of start-up): the revision is read with one query and compared with the newest
revision found in the shipped migration scripts.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from sip_desk.db import integrity
from sip_desk.db.append_only import install_append_only, missing_append_only
from sip_desk.db.backups import copy_store, safe_backup_folder
from sip_desk.db.cipher_convert import sweep_conversion_leftovers, sweep_plain_leftovers
from sip_desk.db.engine import Database, damaged_store_error, translate_store_errors
from sip_desk.db.immutability import install_immutability
from sip_desk.db.log_guard import install_log_guard
from sip_desk.db.log_security import install_log_security
from sip_desk.db.pg_hardening import install_hardening
from sip_desk.db.plan_person_guard import install_plan_person_guard
from sip_desk.db.row_security import install_row_security
from sip_desk.domain.errors import DamagedStoreError, StoreError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def shipped_head() -> str:
    """The newest revision among the migration scripts, read as text (no Alembic import)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        body = script.read_text("utf-8")
        if found := _REVISION.search(body):
            revisions.add(found.group(1))
        if down := _DOWN.search(body):
            parents.add(down.group(1))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migration scripts must have one head, found {sorted(heads)}")
    return heads.pop()


def _stored_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(db: Database) -> str | None:
    """The store's schema revision, or ``None`` for a brand-new (empty) store."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def prepare_store(db: Database, backups: Path | None = None) -> str | None:
    """Check, create, upgrade or refuse the store. Returns the backup file written, if any.

    The check (``PRAGMA quick_check``) reads the file for at most
    :data:`~sip_desk.db.integrity.OPEN_BUDGET_S`: all of a store up to about a thousand plans.

    Raises:
        StoreError: ``store.too_new`` for a store from a newer build, ``store.corrupt`` (a
            :class:`DamagedStoreError`) for a damaged file or one that is not a database.
    """
    with translate_store_errors(db):
        integrity.require_intact(db, integrity.OPEN_BUDGET_S)
        if db.path is not None:
            sweep_conversion_leftovers(db.path)
            sweep_plain_leftovers(db.path, db.passphrase)
        written = _prepare(db, backups)
        _restore_append_only(db)
        return written


def _restore_append_only(db: Database) -> None:
    """Recreate dropped append-only triggers (read check first: no write lock when all there)."""
    with db.engine.begin() as conn:
        missing = missing_append_only(conn)
    if not missing:
        return
    with db.engine.connect() as conn:
        conn.execution_options(sip_write=True)
        with conn.begin():
            install_append_only(conn)  # CREATE TRIGGER IF NOT EXISTS: only the missing ones
    log.warning("append-only triggers were missing and are recreated: %s", ", ".join(missing))


def _prepare(db: Database, backups: Path | None) -> str | None:
    stored = _stored_revision(db)
    if stored is not None and stored == shipped_head():
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    revision = current_revision(db)
    if revision is None:
        with db.engine.connect() as conn:
            tables = inspect(conn).get_table_names()
        if tables:
            if db.path is None:
                raise DamagedStoreError(db.engine.url.render_as_string(hide_password=True))
            raise damaged_store_error(db.path)
        _create_new(db)
        return None
    if revision not in known:
        raise StoreError("store.too_new", revision=revision)
    if revision == script.get_current_head():
        return None
    backup = backup_store(db, revision, backups)
    with db.engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("store upgraded from %s; backup at %s", revision, backup)
    return str(backup) if backup else None


def _create_new(db: Database) -> None:
    from alembic import command

    from sip_desk.db import models  # noqa: F401  (registers every table on Base.metadata)
    from sip_desk.db.base import Base

    with db.engine.begin() as conn:
        Base.metadata.create_all(conn)
        install_immutability(conn)
        install_append_only(conn)
        install_row_security(conn)
        install_plan_person_guard(conn)
        install_log_guard(conn)
        install_log_security(conn)
        install_hardening(conn)
        config = alembic_config()
        config.attributes["connection"] = conn
        command.stamp(config, "head")


def backup_store(db: Database, revision: str, backups: Path | None) -> Path | None:
    """Copy an SQLite store to ``backups/sip_desk_<rev>_<timestamp>.sqlite`` (online backup API).

    For PostgreSQL the server's own backups apply; nothing is copied.
    """
    source = db.path
    if source is None:
        return None
    folder = backups or safe_backup_folder(source)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"sip_desk_{revision}_{stamp}.sqlite"
    return copy_store(source, target, passphrase=db.passphrase).path
