"""Putting a backup back in place of the SQLite store, checked before and after.

A restore refuses a file that is not a SIP Desk store, is damaged, or comes from a newer build.
The store as it was is kept in ``backups/`` first (a damaged one as raw bytes, for IT to look at).
An older backup is upgraded the next time the store is opened, as any older store is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sip_desk.db.backups import (
    Copy,
    backup_folder,
    backups_newest_first,
    copy_store,
    file_problems,
    looks_like_sqlite,
    plan_count,
    safe_backup_folder,
)
from sip_desk.db.cipher import (
    check_passphrase,
    connect,
    db_errors,
    export,
    is_encrypted,
    key_for,
)
from sip_desk.db.migrate import MIGRATIONS
from sip_desk.db.store_files import COMPANIONS, create_private_file, private_folder
from sip_desk.domain.errors import DomainError

log = logging.getLogger(__name__)
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup used, where the old store was kept, the plans now held."""

    source: Path
    kept: Path | None
    plans: int
    replaced_log: tuple[int, str] | None = None
    """The replaced store's access log: its row count and newest row hash (``None``: none)."""
    encrypted: bool = False
    """A plain backup was encrypted with the store's key before it replaced the store."""


def known_revisions() -> set[str]:
    """Every schema revision this build knows (read from the migration scripts)."""
    found = (_REVISION.search(p.read_text("utf-8")) for p in (MIGRATIONS / "versions").glob("*.py"))
    return {m.group(1) for m in found if m}


def store_revision(path: Path, passphrase: str | None = None) -> str | None:
    """The schema revision of the SIP Desk store ``path``; ``None`` if it is not one."""
    try:
        with contextlib.closing(connect(path, key_for(path, passphrase))) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "plans"} <= tables:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except db_errors():
        return None
    return str(row[0]) if row else None


def access_log_tail(path: Path, passphrase: str | None = None) -> tuple[int, str] | None:
    """The access log of the store file ``path``: its row count and newest hash, if it has one."""
    if not path.is_file():
        return None
    try:
        with contextlib.closing(connect(path, key_for(path, passphrase))) as conn:
            count = conn.execute("SELECT count(*) FROM access_log").fetchone()[0]
            newest = conn.execute(
                "SELECT row_hash FROM access_log ORDER BY id DESC LIMIT 1"
            ).fetchone()
    except db_errors():
        return None
    return int(count), str(newest[0]) if newest and newest[0] else "-"


def check_backup(path: Path, passphrase: str | None = None) -> None:
    """Refuse ``path`` unless it is an intact SIP Desk store this build can open.

    An encrypted backup is opened with ``passphrase``.

    Raises:
        DomainError: ``restore.missing``, ``restore.not_store``, ``restore.damaged``,
            ``restore.too_new``, ``cipher.passphrase_needed``, ``cipher.wrong_passphrase``.
    """
    if not path.is_file():
        raise DomainError("restore.missing", path=str(path))
    if is_encrypted(path):
        check_passphrase(path, passphrase)
    elif not looks_like_sqlite(path):
        raise DomainError("restore.not_store", path=str(path))
    if problems := file_problems(path, passphrase):
        raise DomainError("restore.damaged", path=str(path), detail="; ".join(problems[:3]))
    revision = store_revision(path, passphrase)
    if revision is None:
        raise DomainError("restore.not_store", path=str(path))
    if revision not in known_revisions():
        raise DomainError("restore.too_new", path=str(path), revision=revision)


def newest_good_backup(store: Path, passphrase: str | None = None) -> Path | None:
    """The most recent backup of ``store`` that :func:`check_backup` accepts."""
    for path in backups_newest_first(store):
        try:
            check_backup(path, passphrase)
        except DomainError as refused:
            log.warning("backup %s passed over: %s", path, refused.message("en"))
        else:
            return path
    return None


def restore(store: Path, source: Path, now: datetime, passphrase: str | None = None) -> Restored:
    """Replace the store file ``store`` with the backup ``source``; the old store is kept.

    ``passphrase`` opens an encrypted backup and an encrypted store (the same key: backups of
    an encrypted store are encrypted with its key). An encrypted backup stays encrypted.

    The backup is copied beside the store and checked, the old store is kept in ``backups/``,
    then the copy goes in: through the backup API into a healthy store (other programs see the
    change), or in place of the files of a damaged one. The result is checked again.

    Raises:
        DomainError: ``source`` is refused (see :func:`check_backup`), ``restore.same_file``,
            or ``backup.failed`` / ``restore.failed`` when a step fails (the store is then as it
            was, or the message names the copy kept).
    """
    source = source.expanduser().absolute()
    if store.exists() and source.exists() and os.path.samefile(store, source):
        raise DomainError("restore.same_file", path=str(source))
    check_backup(source, passphrase)
    stamp = now.strftime("%Y%m%dT%H%M%S%f")
    folder = safe_backup_folder(store)
    incoming = folder / f".restoring_{stamp}.sqlite"
    try:
        # just checked; the copy is checked too
        copy_store(source, incoming, check_source=False, passphrase=passphrase)
        encrypted = encrypt_like_store(incoming, store, passphrase)
        damaged = store.exists() and bool(file_problems(store, passphrase))
        replaced = access_log_tail(store, passphrase)
        target = folder / f"sip_desk_before_restore_{stamp}.sqlite"
        kept = keep_current(store, target, damaged, passphrase)
        _put_in_place(incoming, store, damaged, key_for(incoming, passphrase))
    finally:
        with contextlib.suppress(OSError):
            incoming.unlink()
    if problems := file_problems(store, passphrase):
        raise DomainError("restore.failed", path=str(store), detail="; ".join(problems[:3]))
    log.warning("store %s restored from %s; the old store is kept at %s", store, source, kept)
    return Restored(source, kept, plan_count(store, passphrase), replaced, encrypted)


def encrypt_like_store(incoming: Path, store: Path, passphrase: str | None) -> bool:
    """Encrypt the plain copy ``incoming`` with ``passphrase`` when ``store`` is encrypted.

    An encrypted store stays encrypted: restoring a plain backup (one from before the store was
    encrypted, or from elsewhere) must not quietly write the plans back as plain text. True when
    ``incoming`` was encrypted here.

    Raises:
        DomainError: ``cipher.passphrase_needed`` (an encrypted store, no passphrase) or
            ``restore.failed`` (the encrypted copy failed its check; the store is as it was).
    """
    if not is_encrypted(store) or is_encrypted(incoming):
        return False
    if passphrase is None:
        raise DomainError("cipher.passphrase_needed", path=str(store))
    fresh = incoming.with_name(f"{incoming.name}.encrypting")
    try:
        with contextlib.suppress(FileNotFoundError):
            fresh.unlink()
        create_private_file(fresh)
        export(incoming, None, fresh, passphrase)
        if problems := file_problems(fresh, passphrase):
            raise DomainError("restore.failed", path=str(store), detail="; ".join(problems[:3]))
        os.replace(fresh, incoming)
    except db_errors(OSError) as error:
        raise DomainError("restore.failed", path=str(store), detail=str(error)) from error
    finally:
        with contextlib.suppress(OSError):
            fresh.unlink()
    log.warning("plain backup encrypted with the key of %s before restoring it", store)
    return True


def keep_current(
    store: Path, target: Path, damaged: bool, passphrase: str | None = None
) -> Path | None:
    """Keep the store as it is at ``target``: a checked copy, or a damaged one's raw files."""
    if not store.exists() or store.stat().st_size == 0:
        return None
    if not damaged:
        try:
            copy_store(store, target, check_source=False, passphrase=passphrase)
            return target
        except DomainError as error:
            log.warning("store %s kept as raw files: %s", store, error.message("en"))
    private_folder(target.parent)
    for suffix in ("", *COMPANIONS):
        part = Path(f"{store}{suffix}")
        if part.exists():
            copied = Path(f"{target}{suffix}")
            with contextlib.suppress(FileNotFoundError):
                copied.unlink()
            create_private_file(copied)
            shutil.copyfile(part, copied)
    return target


def _put_in_place(incoming: Path, store: Path, damaged: bool, key: str | None) -> None:
    # Through the backup API only between files of the same kind (both plain, or both with
    # ``key``): otherwise the file is replaced.
    if store.exists() and not damaged and key_for(store, key) == key:
        try:
            with (
                contextlib.closing(connect(incoming, key)) as src,
                contextlib.closing(connect(store, key)) as dst,
            ):
                src.backup(dst)
            return
        except db_errors() as error:
            if "locked" in str(error) or "busy" in str(error):
                raise DomainError("store.locked") from error
            log.warning("backup API into %s failed (%s); replacing the file", store, error)
    for suffix in COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            Path(f"{store}{suffix}").unlink()
    private_folder(store.parent)
    replacement = store.with_name(f".{store.name}.restored")
    with contextlib.suppress(FileNotFoundError):
        replacement.unlink()
    create_private_file(replacement)
    shutil.copyfile(incoming, replacement)
    os.replace(replacement, store)


def restore_newest(store: Path, now: datetime, passphrase: str | None = None) -> Restored:
    """Restore ``store`` from its newest good backup.

    Raises:
        DomainError: ``restore.no_backup`` when there is none, else as :func:`restore`.
    """
    source = newest_good_backup(store, passphrase)
    if source is None:
        raise DomainError("restore.no_backup", folder=str(backup_folder(store)))
    return restore(store, source, now, passphrase)


__all__ = ["Copy", "Restored", "check_backup", "newest_good_backup", "restore", "restore_newest"]
