"""Opening a store and building the services: shared by the GUI and the command line."""

from __future__ import annotations

import getpass
import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import ArgumentError

from sip_desk.db import cipher
from sip_desk.db.engine import Database, make_engine, sqlite_file
from sip_desk.db.migrate import prepare_store
from sip_desk.db.retry import INTERACTIVE_WAIT_S, LockWait
from sip_desk.db.store_files import private_folder, refuse_unsafe_store
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.services.context import Clock, ServiceContext
from sip_desk.services.registry import Services

if TYPE_CHECKING:
    from sip_desk.db.roles import StoreAdmin  # also the command line's type

__all__ = [
    "StoreAdmin",
    "check_store_place",
    "current_user",
    "database_user",
    "open_services",
    "open_store_admin",
]
log = logging.getLogger(__name__)


def current_user() -> UserContext:
    """The logged-in operating-system account (one account per person)."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return UserContext(user=name)


def database_user(db: Database) -> UserContext:
    """On a shared store the user is the database's ``session_user``, with their units.

    What the client claims (``--user``, the OS account) is not used: each person logs in with
    their own database role.
    """
    from sip_desk.db.roles import identity

    with db.read_connection() as conn:
        found = identity(conn)
    return UserContext(user=found.user, unit=", ".join(found.units))


def open_store_admin(target: str) -> StoreAdmin:
    """Open (create or upgrade) the store at ``target`` for ``sip-desk admin``."""
    from sip_desk.db.roles import StoreAdmin

    _make_folder(target)
    try:
        engine = make_engine(target)
    except (ArgumentError, ImportError) as error:
        raise StoreError("store.unreachable", detail=str(error)[:300]) from error
    db = Database(engine)
    try:
        prepare_store(db)
    except Exception:
        db.dispose()
        raise
    return StoreAdmin(db)


def check_store_place(target: str) -> None:
    """Make the store's folder; refuse a store others own or may write to (see _make_folder).

    Called before anything (a passphrase dialog, a driver) touches the store.

    Raises:
        StoreError: ``store.no_folder``, ``store.foreign_owner``, ``store.open_to_others``.
    """
    _make_folder(target)


def _make_folder(target: str) -> None:
    """Create the folder of a store file, or say why it cannot be created; refuse an unsafe store.

    Raises:
        StoreError: ``store.no_folder``, or ``store.foreign_owner`` / ``store.open_to_others``
            for a store (or folder) another account owns or may write to.
    """
    try:
        path = sqlite_file(target)
    except ArgumentError:
        return  # a malformed URL: the engine says so
    if path is None:
        return
    folder = path.expanduser().absolute().parent
    try:
        private_folder(folder)  # 0700 when made here
    except OSError as error:
        detail = error.strerror or str(error)
        raise StoreError("store.no_folder", path=str(folder), detail=detail) from error
    refuse_unsafe_store(path.expanduser().absolute())


def open_services(
    target: str,
    user: UserContext | None = None,
    clock: Clock | None = None,
    interactive: bool = False,
    program: str = "gui",
    command: str = "",
    passphrase: str | None = None,
) -> Services:
    """Open (create or upgrade) the store at ``target`` and build the services on it.

    ``program`` and ``command`` name the caller in the access log (``cli`` and its command).
    ``interactive``: for a window; its own thread's writes give up on a busy store within
    :data:`~sip_desk.db.retry.INTERACTIVE_WAIT_S` (background work still waits the full time).
    ``passphrase`` opens an encrypted SQLite store (it is ignored for a plain one).

    Raises:
        StoreError: the store cannot be used (message for the user included), also
            ``cipher.passphrase_needed`` / ``cipher.wrong_passphrase`` for an encrypted store.
    """
    _make_folder(target)
    key, first = _checked(target, passphrase)
    try:
        engine = make_engine(target, passphrase=key, first_connection=first)
    except (ArgumentError, ImportError) as error:  # a malformed URL, a missing driver
        raise StoreError("store.unreachable", detail=str(error)[:300]) from error
    wait = LockWait(INTERACTIVE_WAIT_S) if interactive else None
    db = Database(engine, interactive_wait=wait, passphrase=key)
    try:
        prepare_store(db)
        acting = (user or current_user()) if db.is_sqlite else database_user(db)
    except Exception:
        db.dispose()
        raise
    ctx = ServiceContext(
        db=db,
        user=acting,
        clock=clock or Clock(),
        program=program,
        command=command,
    )
    services = Services(ctx)
    _ensure_key(services)
    _move_seal_password(services)
    return services


def store_is_encrypted(target: str) -> bool:
    """True when ``target`` is an SQLite file encrypted with SQLCipher (read from its header)."""
    try:
        path = sqlite_file(target)
    except ArgumentError:
        return False
    return path is not None and cipher.is_encrypted(path)


def store_key(target: str, passphrase: str | None) -> str | None:
    """The passphrase to open ``target`` with (``None``: a plain store), checked.

    Raises:
        StoreError: ``cipher.passphrase_needed``, ``cipher.wrong_passphrase`` or
            ``cipher.missing`` (SQLCipher not installed).
    """
    key, first = _checked(target, passphrase)
    if first is not None:
        first.close()
    return key


def _checked(target: str, passphrase: str | None) -> tuple[str | None, Any]:
    """The key and a keyed, checked connection for an encrypted store; ``(None, None)`` else."""
    if not store_is_encrypted(target):
        return None, None
    path = sqlite_file(target)
    assert path is not None
    try:
        return passphrase, cipher.open_checked(path, passphrase)
    except DomainError as error:
        raise StoreError(error.code, **error.params) from error


def _move_seal_password(services: Services) -> None:
    """A seal password an earlier build stored in the store goes to the OS keyring (or away).

    Only a store that holds one pays for loading the export service.
    """
    from sqlalchemy import text

    query = text("SELECT 1 FROM settings WHERE key = 'seal.pkcs12_password'")
    with services.ctx.db.read_connection() as conn:
        if conn.execute(query).first() is None:
            return
    from sip_desk.services.export_service import move_stored_seal_password

    move_stored_seal_password(services.ctx)


def _ensure_key(services: Services) -> None:
    """Make the store's signing key with the store (or at the first open after an upgrade).

    A store that cannot get its key now (read-only, key file elsewhere) still opens; signing
    then says what is wrong.
    """
    try:
        services.keys.own()
    except DomainError as error:
        log.warning("signing key not available: %s", error.message("en"))
