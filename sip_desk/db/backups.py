"""Backups of an SQLite store: ``backups/`` beside the store file, made with SQLite's backup API.

Three kinds live there, all named ``sip_desk_*.sqlite`` and all mode 0600 in a 0700 folder:

- ``sip_desk_daily_<date>.sqlite``: the automatic copy of each day, rotated by :func:`rotate`
  (the 7 newest days and, older than those, the newest copy of each of 4 more weeks);
- ``sip_desk_<revision>_<timestamp>.sqlite``: the copy taken before a schema upgrade (kept);
- ``sip_desk_before_restore_<timestamp>.sqlite``: the store as it was before a restore (kept).

Every copy is a single self-contained file (rollback journal, no ``-wal``), checked with
``PRAGMA integrity_check`` before it takes its name: a damaged store never replaces a good copy.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import stat
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sip_desk.db.cipher import SQLITE_HEADER, connect, db_errors, is_encrypted, key_for
from sip_desk.db.store_files import create_private_file, private_folder
from sip_desk.domain.errors import DomainError

log = logging.getLogger(__name__)
FOLDER = "backups"
PATTERN = "sip_desk_*.sqlite"
DAILY = re.compile(r"^sip_desk_daily_(\d{4}-\d{2}-\d{2})\.sqlite$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
MAX_PROBLEMS = 20
STALE_PARTIAL_S = 24 * 3600


@dataclass(frozen=True)
class Copy:
    """A backup written: where, how many plans it holds, and how long it took."""

    path: Path
    plans: int
    seconds: float


def backup_folder(store: Path) -> Path:
    """The folder holding the backups of the store file ``store``."""
    return store.parent / FOLDER


def safe_backup_folder(store: Path) -> Path:
    """The backups folder of ``store``, refused when another account could plant or read copies.

    A ``backups`` that is a symbolic link (it could point anywhere, a world-writable folder
    included) or a folder owned by another account is not written to; nor is anything through
    a ``backups`` that is a file.

    Raises:
        DomainError: ``backup.unsafe_folder``, ``backup.not_folder``.
    """
    folder = backup_folder(store)
    try:
        info = folder.lstat()
    except FileNotFoundError:
        return folder
    except OSError as error:
        raise DomainError("backup.failed", path=str(folder), detail=str(error)) from error
    foreign = os.name == "posix" and info.st_uid != os.getuid()
    if stat.S_ISLNK(info.st_mode) or foreign:
        raise DomainError("backup.unsafe_folder", path=str(folder))
    if not stat.S_ISDIR(info.st_mode):
        raise DomainError("backup.not_folder", path=str(folder))
    return folder


def write_error(error: OSError, target: Path) -> DomainError:
    """What an OS error writing the backup ``target`` means for the user, in their words.

    A full disk and a folder that cannot be written to say what to do; anything else names
    the OS's reason.
    """
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DomainError("backup.disk_full", path=str(target.parent))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DomainError("backup.folder_not_writable", path=str(target.parent))
    return DomainError("backup.failed", path=str(target), detail=error.strerror or str(error))


def backups_newest_first(store: Path) -> list[Path]:
    """Every backup of ``store``, the most recently written first."""
    try:
        found = [(p.stat().st_mtime, p.name, p) for p in backup_folder(store).glob(PATTERN)]
    except OSError:
        return []
    return [p for _, _, p in sorted(found, reverse=True)]


def newest_backup(store: Path) -> Path | None:
    """The most recently written backup of ``store``, or ``None`` when there is none."""
    found = backups_newest_first(store)
    return found[0] if found else None


def looks_like_sqlite(path: Path) -> bool:
    """True when ``path`` starts with SQLite's file header (an empty file does not)."""
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def file_problems(path: Path, passphrase: str | None = None) -> list[str]:
    """What ``PRAGMA integrity_check`` and ``foreign_key_check`` find wrong in ``path`` ([]: none).

    Opens ``path`` read and write (a hot journal is rolled back): use it on the store or on a copy.
    An encrypted file is opened with ``passphrase`` (a wrong one is a problem).
    """
    encrypted = passphrase is not None and is_encrypted(path)
    if not encrypted and not looks_like_sqlite(path):
        return ["not an SQLite database"]
    try:
        with contextlib.closing(connect(path, passphrase if encrypted else None)) as conn:
            rows = conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
            problems = [str(r[0]) for r in rows if r[0] != "ok"]
            if not problems:
                dangling = conn.execute("PRAGMA foreign_key_check").fetchmany(MAX_PROBLEMS)
                problems = [f"row {r[1]} of {r[0]} points to a missing {r[2]}" for r in dangling]
            return problems
    except db_errors(UnicodeDecodeError) as error:
        return [str(error)]


def plan_count(path: Path, passphrase: str | None = None) -> int:
    """How many plans the store file ``path`` holds (-1 when it cannot say)."""
    try:
        with contextlib.closing(connect(path, key_for(path, passphrase))) as conn:
            return int(conn.execute("SELECT count(*) FROM plans").fetchone()[0])
    except db_errors():
        return -1


def copy_store(
    source: Path, target: Path, *, check_source: bool = True, passphrase: str | None = None
) -> Copy:
    """Copy the store ``source`` to ``target`` with SQLite's online backup API, checked.

    ``source`` is checked first (``check_source``), the copy after; only a good copy takes the
    name ``target`` (mode 0600; its folder is made 0700). Other programs may use ``source``
    meanwhile: the backup API copies one consistent state. The copy of an encrypted store is
    encrypted with the same ``passphrase``.

    Raises:
        DomainError: ``backup.no_store`` (no file ``source``), ``backup.damaged`` (``source``
            or the copy is damaged), ``backup.disk_full``, ``backup.folder_not_writable``,
            ``backup.failed`` (another OS or SQLite error).
    """
    start = time.monotonic()
    if not source.is_file():
        raise DomainError("backup.no_store", path=str(source))
    key = key_for(source, passphrase)
    if check_source and (problems := file_problems(source, key)):
        raise DomainError("backup.damaged", path=str(source), detail="; ".join(problems[:3]))
    partial = target.with_name(f".{target.name}.partial")
    try:
        private_folder(target.parent)
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        create_private_file(partial)
        _backup(source, partial, key)
        problems = file_problems(partial, key)
        if problems:
            raise DomainError("backup.damaged", path=str(source), detail="; ".join(problems[:3]))
        fsync_path(partial)
        os.replace(partial, target)
        fsync_path(target.parent)
    except OSError as error:
        raise write_error(error, target) from error
    except db_errors() as error:
        if "disk is full" in str(error) or "SQLITE_FULL" in str(error):
            raise DomainError("backup.disk_full", path=str(target.parent)) from error
        raise DomainError("backup.failed", path=str(target), detail=str(error)) from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    copied = Copy(target, plan_count(target, key), time.monotonic() - start)
    log.info("backup of %s written to %s in %.2f s", source, target, copied.seconds)
    return copied


def _backup(source: Path, target: Path, key: str | None) -> None:
    """The online backup itself; the copy is left a single file (journal mode DELETE).

    With ``key`` both ends are SQLCipher connections with that key: the pages are copied
    encrypted, and the plain text never reaches the copy's file.
    """
    with (
        contextlib.closing(connect(source, key)) as src,
        contextlib.closing(connect(target, key)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def fsync_path(path: Path) -> None:
    """Flush ``path`` (a file, or a folder after a rename) to the disk."""
    if os.name != "posix" and path.is_dir():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def daily_path(store: Path, day: date) -> Path:
    """Where the automatic backup of ``day`` is kept."""
    return backup_folder(store) / f"sip_desk_daily_{day.isoformat()}.sqlite"


def daily_backup(
    store: Path,
    today: date,
    *,
    again: bool = False,
    check_source: bool = True,
    passphrase: str | None = None,
) -> Copy | None:
    """Make today's backup of ``store`` unless there is one (``again``: replace it), then rotate.

    ``check_source=False`` when the store was just checked (the copy is always checked).

    Returns the copy written, or ``None`` when today's existed already.

    Raises:
        DomainError: as :func:`copy_store`; older backups are then left as they are.
    """
    safe_backup_folder(store)
    target = daily_path(store, today)
    copied = None
    if again or not target.exists():
        copied = copy_store(store, target, check_source=check_source, passphrase=passphrase)
    rotate(backup_folder(store))
    return copied


def to_keep(
    days: list[date], keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> set[date]:
    """Of the days with a daily backup, those to keep.

    The ``keep_daily`` newest days, and among the older ones the newest day of each of the
    ``keep_weekly`` newest ISO weeks.
    """
    newest_first = sorted(set(days), reverse=True)
    kept = set(newest_first[:keep_daily])
    weeks: dict[tuple[int, int], date] = {}
    for day in newest_first[keep_daily:]:
        weeks.setdefault(day.isocalendar()[:2], day)
    kept.update(sorted(weeks.values(), reverse=True)[:keep_weekly])
    return kept


def rotate(folder: Path) -> list[Path]:
    """Delete the daily backups :func:`to_keep` does not keep; returns those deleted.

    Backups taken before an upgrade or a restore are never deleted here; unfinished copies
    left by a program that ended during a backup are, once a day old.
    """
    try:
        daily = {
            date.fromisoformat(m.group(1)): p
            for p in folder.iterdir()
            if (m := DAILY.match(p.name))
        }
    except (OSError, ValueError):
        return []
    kept = to_keep(list(daily))
    removed = _stale_partials(folder)
    for day, path in sorted(daily.items()):
        if day not in kept:
            try:
                path.unlink()
            except OSError as error:
                log.warning("old backup %s cannot be deleted: %s", path, error)
            else:
                removed.append(path)
    return removed


def _stale_partials(folder: Path) -> list[Path]:
    """Remove unfinished copies (``.*.partial``, ``.restoring_*``) older than a day."""
    removed = []
    limit = time.time() - STALE_PARTIAL_S
    for path in [*folder.glob(".*.partial"), *folder.glob(".restoring_*")]:
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed
