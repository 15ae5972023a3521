"""Where the passphrase of an encrypted store comes from, for the window and the command line.

In this order: a parent SIP Desk process (the first line of standard input, when
``SIP_DESK_PASSPHRASE_STDIN=1``: the window's demo generation); the file named by
``SIP_DESK_PASSPHRASE_FILE`` (scripts); the operating system's keyring ("remember on this
computer"); else the user is asked (a dialog, or a terminal prompt). The passphrase is never put
on a command line, in the environment or in a file SIP Desk writes.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from pathlib import Path

from sip_desk.db.cipher import PASSPHRASE_STDIN_ENV
from sip_desk.domain.errors import DomainError
from sip_desk.domain.text import text

FILE_ENV = "SIP_DESK_PASSPHRASE_FILE"
KEYRING_SERVICE = "SIP Desk store"
log = logging.getLogger(__name__)


def store_id(target: str) -> str:
    """The name a store's passphrase is remembered under: its absolute path."""
    return str(Path(target).expanduser().absolute()) if "://" not in target else target


def from_parent() -> str | None:
    """The passphrase a parent SIP Desk process wrote on this process's standard input."""
    if os.environ.get(PASSPHRASE_STDIN_ENV) != "1":
        return None
    line = sys.stdin.readline()
    return line.removesuffix("\n") or None


def from_file() -> str | None:
    """The first line of the file ``SIP_DESK_PASSPHRASE_FILE`` names, if it is set.

    Raises:
        DomainError: ``cipher.passphrase_file`` when the file cannot be read.
    """
    name = os.environ.get(FILE_ENV)
    if not name:
        return None
    return read_secret_file(Path(name))


def read_secret_file(
    path: Path,
    *,
    too_open: str = "cipher.passphrase_file_open",
    unreadable: str = "cipher.passphrase_file",
) -> str | None:
    """The first line of the secret file ``path`` (``None``: it is empty), checked first.

    The one check for every file SIP Desk reads a secret from (a passphrase, a password): on
    POSIX it must belong to this account (else whoever owns it chose the secret, or can read
    it) and be readable and writable by its owner only (no group/other bits). ``too_open`` and
    ``unreadable`` are the message codes (they take ``path``, and ``mode`` or ``detail``).

    Raises:
        DomainError: ``secret.foreign_owner``, ``too_open`` or ``unreadable``.
    """
    path = path.expanduser()
    name = str(path)
    try:
        info = path.stat()
        if os.name == "posix" and info.st_uid != os.geteuid():
            raise DomainError("secret.foreign_owner", path=name, owner=_account(info.st_uid))
        if os.name == "posix" and info.st_mode & 0o077:
            raise DomainError(too_open, path=name, mode=f"{info.st_mode & 0o777:o}")
        first = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        detail = getattr(error, "strerror", None) or str(error)
        raise DomainError(unreadable, path=name, detail=detail) from error
    return first[0] if first and first[0] else None


def _account(uid: int) -> str:
    """The account name of ``uid`` (its number when the system has no name for it)."""
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


def _keyring() -> object | None:
    """The ``keyring`` module when a real keyring backend is there, else ``None``.

    A backend that keeps passwords in a plain or key-beside-it file (``keyrings.alt``) or has
    priority below 1 is no keyring here: see :mod:`sip_desk.services.os_keyring`.
    """
    from sip_desk.services.os_keyring import trusted_keyring

    return trusted_keyring()


def keyring_available() -> bool:
    """True when this computer has a keyring the passphrase can be remembered in."""
    return _keyring() is not None


def remembered(target: str) -> str | None:
    """The passphrase remembered for ``target`` in the keyring, if any."""
    ring = _keyring()
    if ring is None:
        return None
    try:
        value = ring.get_password(KEYRING_SERVICE, store_id(target))  # type: ignore[attr-defined]
    except Exception as error:  # a locked or failing keyring: ask instead
        log.warning("keyring not readable: %s", error)
        return None
    return str(value) if value else None


def remember(target: str, passphrase: str | None) -> bool:
    """Remember ``passphrase`` for ``target`` (``None``: forget it); False when it cannot."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        if passphrase is None:
            ring.delete_password(KEYRING_SERVICE, store_id(target))  # type: ignore[attr-defined]
        else:
            ring.set_password(KEYRING_SERVICE, store_id(target), passphrase)  # type: ignore[attr-defined]
    except Exception as error:  # keyring.errors.PasswordDeleteError and backend failures
        log.warning("keyring not written: %s", error)
        return False
    return True


def known(target: str) -> str | None:
    """The passphrase without asking anyone: from a parent process, a file or the keyring."""
    return from_parent() or from_file() or remembered(target)


def ask_terminal(lang: str, prompt_key: str, **params: object) -> str:
    """Ask on the terminal without echo.

    Raises:
        DomainError: ``cipher.no_terminal`` when standard input is not a terminal.
    """
    if not sys.stdin.isatty():
        raise DomainError("cipher.no_terminal", path=str(params.get("path", "")))
    return getpass.getpass(text(lang, prompt_key, **params))


def for_terminal(target: str, lang: str) -> str:
    """The passphrase of the encrypted store ``target`` for a command: known, else asked."""
    return known(target) or ask_terminal(lang, "cli.passphrase.prompt", path=store_id(target))
