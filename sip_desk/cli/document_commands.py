"""``pdf`` and ``verify``: print a plan version to a PDF file, and check a PDF against the store.

After ``pdf``, ``--lang`` is the document's language (sv, en or ar); the language of messages is
the global ``--lang`` given before the command (or ``SIP_DESK_LANG``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sip_desk.cli.common import EXIT_FAILED, EXIT_OK, Runner, add_global_options, command_parser
from sip_desk.cli.verify_report import print_report, report_json, report_lines, text
from sip_desk.domain.document import PRINT_LANGUAGES
from sip_desk.domain.text import text as catalogue_text


def register(sub: Any) -> None:
    """Add the ``pdf`` and ``verify`` commands."""
    p = sub.add_parser(
        "pdf",
        help="write a plan version as a PDF file",
        description="Write a plan as PDF: the latest version, or --version N (signed versions "
        "are printed from their frozen snapshot, after checking it). --lang after the command "
        "is the document's language; the message language is --lang before the command. "
        "Exit 1 (and no file) when a signed version fails its check.",
    )
    add_global_options(p, lang=False)
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--version", type=int, default=None, metavar="N", dest="version_number")
    p.add_argument(
        "--lang",
        "--doc-lang",
        choices=PRINT_LANGUAGES,
        default=None,
        dest="print_lang",
        help="the document's language",
    )
    seal = p.add_mutually_exclusive_group()
    seal.add_argument("--seal", action="store_true", default=None, help="seal (PKCS#12 set)")
    seal.add_argument("--no-seal", action="store_false", dest="seal", help="do not seal")
    p.set_defaults(func=pdf_command)

    p = command_parser(
        sub,
        "verify",
        "check a plan PDF against the store; exit 1 when anything fails",
        "Print the version hash, whether the file matches the stored signed version, whether "
        "that version's hash chain, signatures and key signature check out, and whether the "
        "file's digital seal is valid. Exit 1 when anything fails.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--trust", action="append", default=[], metavar="CERT", help="trusted certificate (PEM)"
    )
    p.add_argument(
        "--trust-key",
        action="append",
        default=[],
        metavar="FILE",
        help="another store's public key (from 'sip-desk key export') to trust",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=verify_command)


def pdf_command(args: argparse.Namespace, runner: Runner) -> int:
    """Render and save the PDF; prints where it went. A damaged signed version: exit 1."""
    t = text(runner.lang)
    documents = runner.services.documents
    settings = documents.settings()
    if args.seal is not False and settings.seal_configured and not settings.seal_password_known:
        _ask_seal_password(runner)
    pdf = documents.export_pdf(
        args.plan_id, args.output, args.version_number, args.print_lang, args.seal
    )
    state = t("signed") if pdf.signed else t("draft")
    print(t("saved", plan=pdf.plan_id, version=pdf.version_number, state=state, path=args.output))
    if pdf.content_hash:
        print(t("hash", value=pdf.content_hash))
    if pdf.other_store:
        print(t("other_store", key=pdf.key_id))
    if pdf.sealed:
        print(t("sealed"))
    return EXIT_OK


def _ask_seal_password(runner: Runner) -> None:
    """No keyring keeps the seal password: ask for it at a terminal (else sealing says so)."""
    if sys.stdin.isatty():
        import getpass

        prompt = catalogue_text(runner.lang, "cli.pdf.seal_password")
        runner.services.documents.remember_seal_password(getpass.getpass(prompt))


def verify_command(args: argparse.Namespace, runner: Runner) -> int:
    """Check the file; exit 1 unless everything checks out."""
    report = runner.services.documents.verify_pdf(args.file, args.trust, args.trust_key)
    lang = runner.lang
    print_report(runner, args.json, report_json(report, lang), report_lines(report, lang))
    return EXIT_OK if report.ok else EXIT_FAILED
