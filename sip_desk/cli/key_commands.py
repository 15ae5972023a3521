"""``key export`` and ``verify-store``: the public key, and a check of every signed version."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sip_desk.cli.common import EXIT_FAILED, EXIT_OK, Runner, command_parser
from sip_desk.cli.verify_report import check_json, print_report, store_lines
from sip_desk.domain.text import text


def register(sub: Any) -> None:
    """Add the ``key`` (``key export``) and ``verify-store`` commands."""
    p = command_parser(sub, "key", "the store's signing key")
    actions = p.add_subparsers(dest="key_action", metavar="ACTION", required=True)
    export = command_parser(
        actions,
        "export",
        "write the store's public key (PEM) to a file",
        "Write the public half of the store's Ed25519 signing key to FILE, for another store "
        "to trust with 'sip-desk verify PDF --trust-key FILE'. The private key stays in its "
        "key file.",
    )
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    export.set_defaults(func=key_export_command)

    p = command_parser(
        sub,
        "verify-store",
        "check every signed version in the store; exit 1 listing each failure",
        "Check every signed version: the hash chain, the signatures covered by the seal, and "
        "the key signatures. Versions signed in another store are listed with their key.",
    )
    p.add_argument(
        "--trust-key",
        action="append",
        default=[],
        metavar="FILE",
        help="another store's public key to trust",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=verify_store_command)


def key_export_command(args: argparse.Namespace, runner: Runner) -> int:
    """Write the public key file."""
    from sip_desk.files import write_atomically
    from sip_desk.services.store_key import public_pem

    key = runner.services.keys.own()
    write_atomically(args.output, public_pem(key.public))
    print(text(runner.lang, "cli.key.saved", key=key.key_id, path=args.output))
    return EXIT_OK


def verify_store_command(args: argparse.Namespace, runner: Runner) -> int:
    """Check every signed version; exit 1 when any fails."""
    checks = runner.services.signing.check_store(args.trust_key)
    ok = all(c.ok for c in checks)
    versions = [check_json(c, runner.lang) for c in checks]
    lines = store_lines(checks, runner.lang)
    print_report(runner, args.json, {"ok": ok, "versions": versions}, lines)
    return EXIT_OK if ok else EXIT_FAILED
