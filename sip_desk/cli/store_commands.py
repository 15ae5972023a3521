"""``backup`` and ``restore``: copies of the local SQLite store, checked before and after.

Both work on the store file without opening it as the program does, so a damaged store can
still be restored. A database server (PostgreSQL) is backed up with its own tools (pg_dump).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sip_desk.cli.common import EXIT_OK, Runner, command_parser
from sip_desk.domain.text import text


def register(sub: Any) -> None:
    """Add the ``backup`` and ``restore`` commands."""
    p = command_parser(
        sub,
        "backup",
        "back up the local store (SQLite) now, checked before and after",
        "Copies the store with SQLite's backup API, also while SIP Desk is open. Without -o the "
        "copy is today's backup in backups/ beside the store, and old backups are rotated (7 "
        "daily, 4 weekly). The store and the copy are checked for damage. For PostgreSQL use "
        "the server's tools (pg_dump).",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the copy here")
    p.set_defaults(func=backup_command)
    p = command_parser(
        sub,
        "restore",
        "put a backup back in place of the local store (SQLite)",
        "Checks FILE (an intact SIP Desk store this version can open), keeps the current store "
        "in backups/ and puts FILE in its place, checked again after. Close SIP Desk first. "
        "An encrypted backup needs the store's passphrase.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    p.set_defaults(func=restore_command)


def _store(runner: Runner) -> str:
    from sip_desk.paths import default_store

    return str(runner.args.db or default_store())


def _passphrase(runner: Runner, target: str, *others: Path) -> str | None:
    """The passphrase, when the store (or the backup ``others``) is encrypted."""
    from sip_desk.passphrase import for_terminal
    from sip_desk.services.store_checks import needs_passphrase, store_file

    if not needs_passphrase(store_file(target), *others):
        return None
    return for_terminal(target, runner.lang)


def backup_command(args: argparse.Namespace, runner: Runner) -> int:
    """Write the backup and say where, how many plans and how long it took."""
    from sip_desk.services.context import Clock
    from sip_desk.services.store_checks import back_up

    target = _store(runner)
    copied = back_up(target, args.output, Clock().today(), _passphrase(runner, target))
    seconds = f"{copied.seconds:.2f}"
    print(
        text(runner.lang, "cli.backup.done", path=copied.path, plans=copied.plans, seconds=seconds)
    )
    return EXIT_OK


def restore_command(args: argparse.Namespace, runner: Runner) -> int:
    """Restore ``FILE``; say what is in place now and where the old store was kept."""
    from sip_desk.bootstrap import current_user
    from sip_desk.domain.audit import UserContext
    from sip_desk.services.context import Clock
    from sip_desk.services.store_checks import restore_from

    target = _store(runner)
    key = _passphrase(runner, target, args.file)
    by = UserContext(user=args.user) if args.user else current_user()
    done = restore_from(target, args.file, by, Clock(), key, program="cli", command="restore")
    print(text(runner.lang, "cli.restore.done", path=done.source, plans=done.plans))
    if done.encrypted:
        print(text(runner.lang, "cli.restore.encrypted"))
    if done.kept is not None:
        print(text(runner.lang, "cli.restore.kept", path=done.kept))
    return EXIT_OK
