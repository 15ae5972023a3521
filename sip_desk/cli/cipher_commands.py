"""``store encrypt | decrypt | rekey``: encryption at rest of the local store (SQLCipher).

Each converts the store file in place: a checked copy first, the new store checked before it
takes the store's name, the backups re-written to match. Close SIP Desk first.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sip_desk.cli.common import EXIT_OK, Runner, command_parser
from sip_desk.domain.errors import DomainError
from sip_desk.domain.text import text

DESCRIPTION = (
    "Encrypts the local store (SQLite) with SQLCipher, writes it back as plain SQLite, or changes "
    "its passphrase. A checked copy is made first and the converted store is checked before it "
    "replaces the old one; the backups are re-written to match. Close SIP Desk first. The "
    "passphrase is asked for (twice when new), or read from the file in SIP_DESK_PASSPHRASE_FILE "
    "(the current one) and --new-passphrase-file (the new one). A forgotten passphrase cannot be "
    "recovered: the plans are then lost."
)


def register(sub: Any) -> None:
    """Add the ``store`` command and its three actions."""
    p = command_parser(sub, "store", "encrypt, decrypt or re-key the local store", DESCRIPTION)
    p.add_argument("action", choices=["encrypt", "decrypt", "rekey"], help="what to do")
    p.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="read the new passphrase from the first line of FILE instead of asking",
    )
    p.add_argument(
        "--remember",
        action="store_true",
        help="remember the new passphrase in this computer's keyring",
    )
    p.set_defaults(func=store_command)


def _new_passphrase(args: argparse.Namespace, lang: str) -> str:
    from sip_desk.passphrase import ask_terminal, read_secret_file

    if args.new_passphrase_file is not None:
        new = read_secret_file(args.new_passphrase_file) or ""
    else:
        new = ask_terminal(lang, "cli.passphrase.new")
        if ask_terminal(lang, "cli.passphrase.repeat") != new:
            raise DomainError("cipher.passphrases_differ")
    if not new:
        raise DomainError("cipher.empty_passphrase")
    return new


def store_command(args: argparse.Namespace, runner: Runner) -> int:
    """Convert the store and say what it holds now."""
    from sip_desk import passphrase
    from sip_desk.paths import default_store
    from sip_desk.services.context import Clock
    from sip_desk.services.store_checks import convert_store, needs_passphrase, store_file

    target = str(runner.args.db or default_store())
    store = store_file(target)
    old = None
    if args.action != "encrypt" and needs_passphrase(store):
        old = passphrase.for_terminal(target, runner.lang)
    new = None if args.action == "decrypt" else _new_passphrase(args, runner.lang)
    done = convert_store(target, args.action, old, new, Clock().now())
    key = {"encrypt": "cli.store.encrypted", "decrypt": "cli.store.decrypted"}
    params = {"path": done.store, "plans": done.plans, "backups": done.backups}
    print(text(runner.lang, key.get(args.action, "cli.store.rekeyed"), **params))
    if new is None:
        passphrase.remember(target, None)  # nothing left to remember
    elif (args.remember or passphrase.remembered(target) is not None) and passphrase.remember(
        target, new
    ):
        print(text(runner.lang, "cli.store.remembered"))
    elif args.remember:
        _say_not_remembered(runner.lang)
    return EXIT_OK


def _say_not_remembered(lang: str) -> None:
    """Say why ``--remember`` did not remember: a keyring that keeps a plain file, or none."""
    from sip_desk.services.os_keyring import refused_backend

    weak = refused_backend()
    if weak is not None and not weak.startswith("keyring.backends.fail"):
        print(text(lang, "cli.store.keyring_refused", backend=weak))
    else:
        print(text(lang, "cli.store.no_keyring"))
