"""Is the store intact? The check after opening, and verify-store's check of plan versions."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from sip_desk.db import backups, cipher, cipher_convert, restore, store_files
from sip_desk.db.engine import Database, make_engine
from sip_desk.db.integrity import Interrupt, check_integrity, damaged_error
from sip_desk.db.migrate import prepare_store
from sip_desk.db.models import PlanVersion
from sip_desk.domain.access import AccessKind
from sip_desk.domain.audit import UserContext
from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.domain.verification import Problem
from sip_desk.services.audit import log_read
from sip_desk.services.context import Clock, ServiceContext

# --- Is the store file intact? The whole-file check the desktop application runs after opening.


class StoreHealthService:
    """Checks the whole SQLite store file for damage (about 1.5 s for 100,000 plans)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._interrupt: Interrupt | None = None
        self._stopped = False

    def check_whole_store(self) -> StoreError | None:
        """Read every page of the store looking for damage; safe on a worker thread.

        The error to show (it names the newest backup) when damage is found, else ``None`` (also
        for a database server, which checks itself, and after :meth:`stop`).
        """
        interrupt = Interrupt()
        with self._lock:
            if self._stopped:
                return None
            self._interrupt = interrupt
        report = check_integrity(self._ctx.db, None, interrupt)
        if report is None or not report.damaged:
            return None
        return damaged_error(self._ctx.db, report)

    def daily_backup(self) -> backups.Copy | None:
        """Make today's backup of an SQLite store unless there is one, and rotate the old ones.

        Run it after :meth:`check_whole_store` found the store intact (the copy is checked).

        ``None`` when nothing was written (today's exists, a database server, after :meth:`stop`).

        Raises:
            DomainError: the backup cannot be made (see :func:`backups.daily_backup`); it is
                logged too. The caller tells the user and goes on: the work does not stop.
        """
        path = self._ctx.db.path
        with self._lock:
            if self._stopped or path is None:
                return None
        try:
            today, key = self._ctx.clock.today(), self._ctx.db.passphrase
            return backups.daily_backup(path, today, check_source=False, passphrase=key)
        except DomainError as error:
            logging.getLogger(__name__).warning("daily backup failed: %s", error.message("en"))
            raise

    def stop(self) -> None:
        """End a running check early and start no more (the application is closing)."""
        with self._lock:
            self._stopped = True
            if self._interrupt is not None:
                self._interrupt.fire()


# --- Backups of the SQLite store file, made and put back without opening the store.


def store_file(target: str) -> Path:
    """The SQLite file of ``--db`` ``target``.

    Raises:
        DomainError: ``backup.server_store`` for a database server (its own tools back it up).
    """
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    elif "://" in target:
        raise DomainError("backup.server_store")
    return Path(target).expanduser().absolute()


def safe_store_file(target: str) -> Path:
    """:func:`store_file`, refused when another account owns it or may write to it.

    Raises:
        DomainError: ``backup.server_store``; StoreError ``store.foreign_owner`` or
            ``store.open_to_others`` (see :func:`~sip_desk.db.store_files.refuse_unsafe_store`).
    """
    store = store_file(target)
    store_files.refuse_unsafe_store(store)
    return store


def back_up(
    target: str, output: Path | None, today: date, passphrase: str | None = None
) -> backups.Copy:
    """Back up the store ``target`` to ``output``, or as today's backup (then rotate).

    The copy of an encrypted store (``passphrase``) is encrypted with the same key.

    Raises:
        DomainError: the store is a server, missing or damaged, or the copy cannot be written.
    """
    store = safe_store_file(target)
    if output is None:
        copied = backups.daily_backup(store, today, again=True, passphrase=passphrase)
        assert copied is not None  # again=True always writes
        return copied
    return backups.copy_store(store, output.expanduser().absolute(), passphrase=passphrase)


def restore_from(
    target: str,
    source: Path | None,
    by: UserContext,
    clock: Clock,
    passphrase: str | None = None,
    program: str = "gui",
    command: str = "",
) -> restore.Restored:
    """Put ``source`` (``None``: the newest good backup) in place of the store ``target``.

    The window and ``sip-desk restore`` both restore through here, so both are logged alike:
    the restored store's access log gets a ``restore`` row (``by``, now, ``program`` and
    ``command``) naming the backup and the tail of the log it replaced.

    Raises:
        DomainError: as :func:`sip_desk.db.restore.restore`; a row that cannot be written
            after the restore is a ``StoreError`` (the restore stands).
    """
    store = safe_store_file(target)
    if source is None:
        done = restore.restore_newest(store, clock.now(), passphrase)
    else:
        done = restore.restore(store, source, clock.now(), passphrase)
    db = Database(make_engine(str(store), passphrase=cipher.key_for(store, passphrase)))
    try:
        prepare_store(db)  # an older backup is upgraded first, as at any open
        ctx = ServiceContext(db=db, user=by, clock=clock, program=program, command=command)
        log_read(ctx, AccessKind.RESTORE, None, None, restore_detail(done))
    finally:
        db.dispose()
    return done


def restore_detail(done: restore.Restored) -> str:
    """The access-log detail of a restore: the backup's name and the replaced log's tail.

    The reads logged since the backup are gone with the replaced store; this says so, and the
    hash can be compared with one written down before.
    """
    count, newest = done.replaced_log or (0, "-")
    return f"{done.source.name[-80:]}; replaced log: {count} rows, newest {newest}"


def needs_passphrase(*files: Path) -> bool:
    """True when one of ``files`` (a store, a backup) is encrypted."""
    return any(cipher.is_encrypted(f.expanduser().absolute()) for f in files)


def convert_store(
    target: str, kind: str, old: str | None, new: str | None, now: datetime
) -> cipher_convert.Converted:
    """``encrypt``, ``decrypt`` or ``rekey`` the SQLite store ``target`` in place.

    See :mod:`sip_desk.db.cipher_convert`.
    """
    store = safe_store_file(target)
    if kind == "encrypt":
        assert new is not None
        return cipher_convert.encrypt(store, new, now)
    if kind == "decrypt":
        return cipher_convert.decrypt(store, old, now)
    assert new is not None
    return cipher_convert.rekey(store, old, new, now)


# --- What ``verify-store`` checks beyond each signed version: the shape of every plan's versions.


def structure_problems(rows: Iterable[PlanVersion]) -> dict[tuple[int, int], list[Problem]]:
    """Problems by (plan id, version number) for the versions of every plan in ``rows``."""
    by_plan: dict[int, list[PlanVersion]] = defaultdict(list)
    for row in rows:
        by_plan[row.plan_id].append(row)
    found: dict[tuple[int, int], list[Problem]] = defaultdict(list)
    for plan_id, versions in by_plan.items():
        versions.sort(key=lambda v: v.number)
        signed = [v.number for v in versions if v.state is VersionState.SIGNED]
        expected = 1
        for row in versions:
            n, here = row.number, found[(plan_id, row.number)]
            if n > expected:
                missing = ", ".join(str(k) for k in range(expected, n))
                here.append(Problem("store.version_missing", number=n, missing=missing))
            expected = n + 1
            if row.state is VersionState.SIGNED:
                continue
            if row.seal is not None or row.signatures:
                here.append(Problem("store.seal_on_draft", number=n))
            if signed and n < signed[-1]:
                here.append(Problem("store.draft_below_signed", number=n, signed=signed[-1]))
    return {k: v for k, v in found.items() if v}
