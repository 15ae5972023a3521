"""The store's files are readable by their owner only (POSIX): 0600 files in 0700 folders.

SQLite creates the ``-wal`` and ``-shm`` files with the main file's mode, so the main file is
created 0600 before SQLite first opens it, whatever the umask.

The rule for a store that exists (:func:`refuse_unsafe_store`, before anything opens it):

- a store file (or its ``-wal``/``-shm``/``-journal``) or its folder that belongs to another
  account is refused: that account can read it and change it (the folder: swap the files);
- one that other accounts may write to (group/other write bit; a folder without the sticky bit)
  is refused with the fix named (``chmod 600``/``chmod 700``): someone may have written into it,
  so its owner decides, SIP Desk does not quietly take it;
- one the user owns that others may only read (an older build's 0644) is made 0600 with a log
  line: nobody else could have changed it.

A folder owned by root (``/srv``, ``/tmp`` with its sticky bit) counts as safe, as for OpenSSH.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from sip_desk.domain.errors import StoreError

log = logging.getLogger(__name__)
FILE_MODE = 0o600
FOLDER_MODE = 0o700
COMPANIONS = ("-wal", "-shm", "-journal")


def private_folder(folder: Path) -> None:
    """Create ``folder`` and each missing parent with mode 0700; an existing one is left as it is.

    Each folder made here gets its mode explicitly, not from the umask (under umask 000
    ``mkdir(parents=True)`` would make the parents 0777).

    Raises:
        OSError: the folder cannot be created.
    """
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=FOLDER_MODE, exist_ok=True)
        if os.name == "posix":
            os.chmod(made, FOLDER_MODE)  # mkdir's mode is filtered by the umask


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


KEY_BESIDE = ".key"
"""The store's private signing key, kept beside it by default (services/store_key.py)."""


def store_files(store: Path) -> list[Path]:
    """The store file, the SQLite files and the signing key beside it that exist now.

    The key is checked with the store: whoever may write it could swap the store's key.
    """
    found = [store] if store.exists() else []
    beside = (Path(f"{store}{s}") for s in (*COMPANIONS, KEY_BESIDE))
    return found + [p for p in beside if p.exists()]


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
    tighten(_sqlite_files(store))


def refuse_unsafe_store(store: Path) -> None:
    """Refuse a store others own or may write (see the module); tighten one others may read.

    Raises:
        StoreError: ``store.foreign_owner`` or ``store.open_to_others``, naming the file and
            what to do.
    """
    if os.name != "posix":
        return
    me = os.geteuid()
    folder = store.parent
    try:
        info = folder.stat()
    except OSError:
        return  # no folder yet: it is made 0700 here
    if info.st_uid not in (me, 0):
        raise StoreError("store.foreign_owner", path=str(folder), owner=_owner(info.st_uid))
    if info.st_mode & 0o022 and not info.st_mode & stat.S_ISVTX:
        mode = f"{stat.S_IMODE(info.st_mode):o}"
        raise StoreError("store.open_to_others", path=str(folder), mode=mode, fix="700")
    for path in store_files(store):
        try:
            info = path.stat()
        except OSError:
            continue  # gone meanwhile
        if info.st_uid != me:
            raise StoreError("store.foreign_owner", path=str(path), owner=_owner(info.st_uid))
        if info.st_mode & 0o022:
            mode = f"{stat.S_IMODE(info.st_mode):o}"
            raise StoreError("store.open_to_others", path=str(path), mode=mode, fix="600")
    tighten(_sqlite_files(store))


def _sqlite_files(store: Path) -> list[Path]:
    """The store's own files, made private when only others' reading is wrong.

    Not the key: a key others may read is not quietly tightened (it may have been copied
    already); signing with it is refused and verify-store warns (services/store_key.py).
    """
    return [p for p in store_files(store) if not p.name.endswith(KEY_BESIDE)]


def _owner(uid: int) -> str:
    """The account name of ``uid`` (its number when the system has no name for it)."""
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)
