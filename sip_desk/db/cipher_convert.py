"""Encrypting, decrypting and re-keying a local store in place, with a backup first.

Each conversion: the store's passphrase is checked; a checked copy of the store as it is goes to
``backups/`` (encrypted as the store is); the store is written anew with ``sqlcipher_export``
beside it, checked (integrity, foreign keys, the same number of plans), and only then takes the
store's name in one atomic rename. The copy kept before is deleted only after the new store has
passed its check: a failed conversion leaves the store as it was, or names the copy kept.

The backups in ``backups/`` follow the store: encrypting (or re-keying) a store re-writes every
backup the old key opens with the new one, so no plain-text (or old-key) copy is left beside an
encrypted store. Plain text that once lay on disk may still sit in unused disk blocks: encrypt a
store before real data goes into it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sip_desk.db.backups import (
    backups_newest_first,
    copy_store,
    file_problems,
    fsync_path,
    looks_like_sqlite,
    plan_count,
    safe_backup_folder,
)
from sip_desk.db.cipher import check_passphrase, connect, db_errors, export, is_encrypted
from sip_desk.db.store_files import COMPANIONS, create_private_file
from sip_desk.domain.errors import DomainError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Converted:
    """What a conversion did: the store, the plans it holds, the backups re-written."""

    store: Path
    plans: int
    backups: int


def encrypt(store: Path, new: str, now: datetime) -> Converted:
    """Encrypt the plain store ``store`` with the passphrase ``new``."""
    if is_encrypted(store):
        raise DomainError("cipher.already_encrypted", path=str(store))
    return convert(store, None, new, now, "encrypt")


def decrypt(store: Path, old: str | None, now: datetime) -> Converted:
    """Write the encrypted store ``store`` back as plain SQLite."""
    if not is_encrypted(store):
        raise DomainError("cipher.not_encrypted", path=str(store))
    return convert(store, old, None, now, "decrypt")


def rekey(store: Path, old: str | None, new: str, now: datetime) -> Converted:
    """Give the encrypted store ``store`` the passphrase ``new`` instead of ``old``."""
    if not is_encrypted(store):
        raise DomainError("cipher.not_encrypted", path=str(store))
    return convert(store, old, new, now, "rekey")


def convert(store: Path, old: str | None, new: str | None, now: datetime, kind: str) -> Converted:
    """Write ``store`` anew with key ``new`` (``None``: plain) from key ``old``; see the module.

    Raises:
        DomainError: ``backup.no_store``, ``cipher.wrong_passphrase``, ``store.locked`` (another
            program has the store open), ``backup.*`` (the copy first failed) or
            ``cipher.failed`` (the new store failed its check; the store is as it was).
    """
    if not store.is_file():
        raise DomainError("backup.no_store", path=str(store))
    check_passphrase(store, old)
    if new == "":
        raise DomainError("cipher.empty_passphrase")
    stamp = now.strftime("%Y%m%dT%H%M%S%f")
    kept = copy_store(
        store, safe_backup_folder(store) / f"sip_desk_before_{kind}_{stamp}.sqlite", passphrase=old
    ).path
    plans = plan_count(store, old)
    _leave_wal(store, old)
    fresh = store.with_name(f".{store.name}.{kind}")
    claim: int | None = None
    try:
        _remove(fresh)
        create_private_file(fresh)
        claim = _claim(fresh)  # another program opening the store leaves it alone meanwhile
        export(store, old, fresh, new)
        problems = file_problems(fresh, new)
        if not problems and plan_count(fresh, new) != plans:
            problems = [f"{plan_count(fresh, new)} plans instead of {plans}"]
        if problems:
            raise DomainError("cipher.failed", kept=str(kept), detail="; ".join(problems[:3]))
        fsync_path(fresh)
        os.replace(fresh, store)
        fsync_path(store.parent)
    except db_errors(OSError) as error:
        raise DomainError("cipher.failed", kept=str(kept), detail=str(error)) from error
    finally:
        _remove(fresh)
        if claim is not None:
            os.close(claim)
    if problems := file_problems(store, new):
        raise DomainError("cipher.failed", kept=str(kept), detail="; ".join(problems[:3]))
    _remove(kept)
    done = _convert_backups(store, old, new)
    log.warning("store %s: %s done (%d plans, %d backups re-written)", store, kind, plans, done)
    return Converted(store, plans, done)


LEFTOVERS = ("sip_desk_before_encrypt_*.sqlite", ".*.partial", ".restoring_*")
"""Files in ``backups/`` a conversion or restore stopped half-way (a kill -9) can leave."""
KINDS = ("encrypt", "decrypt", "rekey")


def sweep_conversion_leftovers(store: Path) -> list[Path]:
    """Remove the new store a stopped ``encrypt``, ``decrypt`` or ``rekey`` left beside ``store``.

    Such a file (``.<store>.decrypt``: the plans in plain text; ``.encrypt``, ``.rekey``: under
    a key) never took the store's name, so the store holds all of it. A conversion still
    running (it holds a lock on the file) is left alone. Each removal is logged. Returns the
    files removed.
    """
    removed = []
    for kind in KINDS:
        path = store.with_name(f".{store.name}.{kind}")
        if not path.exists() or _in_use(path):
            continue
        plain = looks_like_sqlite(path)
        try:
            path.unlink()
        except OSError as error:
            log.warning("leftover of a stopped store %s (%s) not removed: %s", kind, path, error)
            continue
        what = "plain-text " if plain else ""
        log.warning("%sleftover of a stopped store %s removed (unlinked): %s", what, kind, path)
        removed.append(path)
    return removed


def _claim(path: Path) -> int:
    """Hold an exclusive lock on ``path`` (a descriptor to close when done; POSIX only)."""
    fd = os.open(path, os.O_RDONLY)
    if os.name == "posix":
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _in_use(path: Path) -> bool:
    """True when a running conversion holds ``path`` (see :func:`_claim`)."""
    if os.name != "posix":
        return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # not ours to judge: leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing it drops the lock just taken
    return False


def sweep_plain_leftovers(store: Path, passphrase: str | None) -> list[Path]:
    """Beside an encrypted ``store``, remove plain-text leftovers and encrypt plain backups.

    A conversion killed after the swap leaves the plain copy kept before (and maybe plain
    ``.partial`` files): the encrypted store holds all of it, so they are deleted (unlinked
    only: overwriting first is not reliable on SSDs, the old blocks may remain until trimmed).
    The new store a stopped conversion left beside the store is
    :func:`sweep_conversion_leftovers`'s.
    A plain backup of an older day is the only copy of that day: it is encrypted with
    ``passphrase`` instead. Each is logged. Returns the files removed.
    """
    if passphrase is None or not is_encrypted(store):
        return []
    try:
        folder = safe_backup_folder(store)
    except DomainError as refused:
        log.warning("leftovers not swept: %s", refused.message("en"))
        return []
    found: list[Path] = []
    with contextlib.suppress(OSError):
        found += [p for pattern in LEFTOVERS for p in sorted(folder.glob(pattern))]
    removed = []
    for path in found:
        if not looks_like_sqlite(path):  # absent, encrypted or empty: no plain text
            continue
        try:
            path.unlink()
        except OSError as error:
            log.warning("plain-text leftover %s could not be removed: %s", path, error)
            continue
        log.warning("plain-text leftover %s beside an encrypted store removed (unlinked)", path)
        removed.append(path)
    if any(not is_encrypted(p) for p in backups_newest_first(store)):
        done = _convert_backups(store, None, passphrase)
        log.warning("store %s: %d plain-text backups encrypted", store, done)
    return removed


def _leave_wal(store: Path, key: str | None) -> None:
    """Fold the write-ahead log into the file and leave WAL mode: no stale ``-wal`` after the swap.

    SQLite refuses while another program has the store open: then ``store.locked``.
    """
    try:
        with contextlib.closing(connect(store, key, timeout=2.0)) as conn:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except db_errors() as error:
        raise DomainError("store.locked") from error
    if str(mode).lower() != "delete" or any(
        Path(f"{store}{suffix}").exists() for suffix in COMPANIONS if suffix.endswith("wal")
    ):
        raise DomainError("store.locked")


def _convert_backups(store: Path, old: str | None, new: str | None) -> int:
    """Re-write each backup that ``old`` opens with ``new``; others are left (and logged)."""
    done = 0
    for path in backups_newest_first(store):
        if is_encrypted(path) != (old is not None):
            continue
        if old is not None and file_problems(path, old):
            log.warning("backup %s is not opened by the old passphrase: left as it is", path)
            continue
        fresh = path.with_name(f".{path.name}.partial")
        try:
            _remove(fresh)
            create_private_file(fresh)
            export(path, old, fresh, new)
            if file_problems(fresh, new):
                log.warning("backup %s could not be re-written: left as it is", path)
                continue
            os.replace(fresh, path)
            done += 1
        except db_errors(OSError) as error:
            log.warning("backup %s could not be re-written: %s", path, error)
        finally:
            _remove(fresh)
    return done


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
