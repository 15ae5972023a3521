"""The store's files are readable by their owner only (POSIX): 0600 files in 0700 folders.

SQLite creates the ``-wal`` and ``-shm`` files with the main file's mode, so the main file is
created 0600 before SQLite first opens it, whatever the umask. A store made by an older build (or
copied in) is tightened when opened; a file that cannot be changed (another owner's) is named in
a warning and the store still opens.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)
FILE_MODE = 0o600
FOLDER_MODE = 0o700
COMPANIONS = ("-wal", "-shm", "-journal")


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) with mode 0700; an existing one is left as it is.

    Raises:
        OSError: the folder cannot be created.
    """
    if folder.is_dir():
        return
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask


def create_private_file(path: Path) -> bool:
    """Create an empty ``path`` with mode 0600 unless it exists; ``True`` if it was created.

    SQLite takes an empty file as an empty database.

    Raises:
        OSError: the file cannot be created.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        if os.name == "posix":
            os.fchmod(fd, FILE_MODE)  # os.open's mode is filtered by the umask too
    finally:
        os.close(fd)
    return True


def store_files(store: Path) -> list[Path]:
    """The store file and the SQLite files beside it that exist now."""
    found = [store] if store.exists() else []
    found += [p for p in (Path(f"{store}{s}") for s in COMPANIONS) if p.exists()]
    return found


def tighten(paths: list[Path], mode: int = FILE_MODE) -> list[Path]:
    """Take every permission beyond ``mode`` away from ``paths``; returns those still too open.

    Each change is logged; a file that cannot be changed gets a warning naming it.
    """
    if os.name != "posix":
        return []
    left: list[Path] = []
    for path in paths:
        try:
            now = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue  # gone meanwhile (a -shm file removed by the last connection)
        if not now & ~mode:
            continue
        try:
            os.chmod(path, now & mode)
        except OSError as error:
            log.warning(
                "%s can be read by other users (mode %o) and cannot be changed: %s. "
                "Ask its owner or your IT support to make it private (chmod 600).",
                path,
                now,
                error.strerror or error,
            )
            left.append(path)
        else:
            log.warning("made %s private: mode %o -> %o", path, now, now & mode)
    return left


def prepare_store_file(store: Path) -> None:
    """Before SQLite opens ``store``: its folder 0700 when made here, the file 0600.

    A new store file is created empty with mode 0600; an existing one and its ``-wal``/``-shm``
    files are tightened (with a log line, or a warning if that fails). Nothing is raised for a
    file that cannot be changed: opening then says what is wrong, if anything.
    """
    try:
        private_folder(store.parent)
        if create_private_file(store):
            return
    except OSError as error:
        log.debug("cannot prepare %s: %s", store, error)
        return
    tighten(store_files(store))
