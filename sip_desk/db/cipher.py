"""Encryption at rest: SQLCipher (through ``sqlcipher3``) for a local store with a passphrase.

A plain SQLite file starts with ``SQLite format 3`` and a zero byte; an encrypted one does not
(its first page is ciphertext). ``sqlcipher3`` is imported only when an encrypted store is
opened, so a plain store starts as fast as before. Every connection to an encrypted file sets
the key first, before any other statement touches the file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sip_desk.domain.errors import DomainError

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
PASSPHRASE_STDIN_ENV = "SIP_DESK_PASSPHRASE_STDIN"
"""Set to ``1`` for a child process that reads the passphrase from its standard input."""


def is_encrypted(path: Path) -> bool:
    """True when ``path`` looks like an SQLCipher file.

    That is: whole pages (a multiple of 512 bytes), starting not with SQLite's header but with
    SQLCipher's random salt (not text). A text file or a stray document is not taken for one.
    """
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
            size = os.fstat(file.fileno()).st_size
    except OSError:
        return False
    if size < 512 or size % 512 or head == SQLITE_HEADER:
        return False
    return any(b < 9 or b > 126 for b in head)


def dbapi() -> Any:
    """The ``sqlcipher3`` module.

    Raises:
        DomainError: ``cipher.missing`` when it is not installed (no wheel for this platform).
    """
    try:
        import sqlcipher3
    except ImportError as error:
        raise DomainError("cipher.missing") from error
    return sqlcipher3.dbapi2


def db_errors(*more: type[BaseException]) -> tuple[type[BaseException], ...]:
    """The driver errors to catch: sqlite3's, sqlcipher3's once it is loaded, and ``more``."""
    loaded = sys.modules.get("sqlcipher3.dbapi2")
    found = (sqlite3.Error, loaded.Error) if loaded is not None else (sqlite3.Error,)
    return found + more


def quoted(passphrase: str) -> str:
    """``passphrase`` as an SQL string literal (for ``PRAGMA key``/``rekey``)."""
    return "'" + passphrase.replace("'", "''") + "'"


def connect(
    path: Path | str, passphrase: str | None, timeout: float = 5.0, *, pooled: bool = False
) -> Any:
    """A DBAPI connection to ``path``: sqlite3 without a passphrase, else SQLCipher keyed.

    ``PRAGMA key`` is the first statement; SQLCipher's own error log (to stderr) is silenced.
    An empty ``passphrase`` gives an SQLCipher connection to a plain file (for an export).
    ``pooled``: for an engine's pool, which hands a connection from thread to thread (as
    SQLAlchemy does for pysqlite file databases).
    """
    if passphrase is None:
        return sqlite3.connect(path, timeout=timeout)
    conn = dbapi().connect(str(path), timeout=timeout, check_same_thread=not pooled)
    if passphrase:
        conn.execute(f"PRAGMA key = {quoted(passphrase)}")
    with contextlib.suppress(*db_errors()):
        conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def engine(url: str, passphrase: str, timeout: float, first: Any = None) -> Engine:
    """An SQLite engine for ``url`` whose connections are SQLCipher's, keyed first.

    ``first``: a connection :func:`open_checked` made, used as the pool's first (the key is
    derived once). The engine's own hooks (WAL, synchronous=FULL, BEGIN IMMEDIATE) come after.
    """
    from sqlalchemy import create_engine, make_url

    driver = dbapi()
    path = make_url(url).database or ""
    spare = [] if first is None else [first]

    def keyed() -> Any:
        if spare:  # keyed and checked already; the connect hook sets busy_timeout
            return spare.pop()
        return connect(path, passphrase, timeout, pooled=True)

    return create_engine(url, module=driver, creator=keyed)


def key_for(path: Path, passphrase: str | None) -> str | None:
    """The passphrase to open ``path`` with: ``None`` for a plain (or missing) file."""
    return passphrase if passphrase is not None and is_encrypted(path) else None


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """True when ``passphrase`` decrypts the encrypted store file ``path``."""
    try:
        check_passphrase(path, passphrase)
    except DomainError:
        return False
    return True


def check_passphrase(path: Path, passphrase: str | None) -> None:
    """Refuse to open the encrypted store ``path`` without its passphrase.

    Raises:
        DomainError: ``cipher.passphrase_needed`` (none given) or ``cipher.wrong_passphrase``.
    """
    conn = open_checked(path, passphrase)
    if conn is not None:
        conn.close()


def open_checked(path: Path, passphrase: str | None, timeout: float = 5.0) -> Any | None:
    """A keyed connection to the encrypted store ``path``, its passphrase checked (plain: None).

    The connection may go to an engine's pool (see :func:`connect`): deriving the key from the
    passphrase is the slow part of opening an encrypted store (about 0.1-0.2 s), so it is done
    once for the check and the first pooled connection together.

    Raises:
        DomainError: ``cipher.passphrase_needed`` (none given) or ``cipher.wrong_passphrase``.
    """
    if not is_encrypted(path):
        return None
    if passphrase is None:
        raise DomainError("cipher.passphrase_needed", path=str(path))
    conn = connect(path, passphrase, timeout, pooled=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except db_errors() as error:
        conn.close()
        raise DomainError("cipher.wrong_passphrase", path=str(path)) from error
    return conn


def export(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Write the whole of ``source`` into the new file ``target`` with ``sqlcipher_export``.

    Each side is encrypted with its key, or plain (``None``). ``target`` must be empty.
    """
    key = "''" if target_key is None else quoted(target_key)
    conn = connect(source, source_key if source_key is not None else "")
    try:
        conn.execute(f"ATTACH DATABASE ? AS target KEY {key}", (str(target),))
        conn.execute("SELECT sqlcipher_export('target')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA target.user_version = {int(version)}")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()
