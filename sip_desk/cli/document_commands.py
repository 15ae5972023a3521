"""``pdf`` and ``verify``: print a plan version to a PDF file, and check a PDF against the store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sip_desk.cli.common import EXIT_FAILED, EXIT_OK, Runner
from sip_desk.domain.document import PRINT_LANGUAGES
from sip_desk.domain.verification import VerificationReport

_TEXT = {
    "sv": {
        "saved": "Sparade plan {plan} version {version} ({state}) till {path}",
        "signed": "undertecknad",
        "draft": "utkast, inte undertecknad",
        "sealed": "Filen är digitalt stämplad.",
        "hash": "Versionens hash (SHA-256): {value}",
        "plan": "Plan {plan}, version {version}",
        "unreadable": "Filen är ingen plan-PDF från SIP Desk (metadata saknas).",
        "draft_file": "Filen är ett utkast, inte en undertecknad version.",
        "found": "Undertecknad version i databasen: {value}",
        "chain": "Hashen räknad från den lagrade versionen: {value}",
        "file": "Filen jämfört med den lagrade versionen: {value}",
        "seal": "Digital stämpel: {value}",
        "yes": "hittad",
        "no": "SAKNAS",
        "chain_ok": "stämmer",
        "chain_bad": "STÄMMER INTE (den lagrade versionen har ändrats)",
        "file_ok": "oförändrad",
        "file_bad": "ÄNDRAD eller okänd (inte en utskrift från den här databasen)",
        "seal_none": "ingen",
        "seal_ok": "giltig, täcker hela filen ({signer})",
        "seal_bad": "OGILTIG: {reason}",
        "appended": "innehåll har lagts till efter stämpeln",
        "untrusted": "certifikatet är inte betrott (ange --trust CERT)",
        "broken": "signaturen stämmer inte med innehållet",
        "result_ok": "Resultat: OK",
        "result_bad": "Resultat: KONTROLLEN MISSLYCKADES",
    },
    "en": {
        "saved": "Saved plan {plan} version {version} ({state}) to {path}",
        "signed": "signed",
        "draft": "draft, not signed",
        "sealed": "The file carries a digital seal.",
        "hash": "Version hash (SHA-256): {value}",
        "plan": "Plan {plan}, version {version}",
        "unreadable": "The file is not a SIP Desk plan PDF (no metadata).",
        "draft_file": "The file is a draft, not a signed version.",
        "found": "Signed version in the store: {value}",
        "chain": "Hash recomputed from the stored version: {value}",
        "file": "File compared with the stored version: {value}",
        "seal": "Digital seal: {value}",
        "yes": "found",
        "no": "MISSING",
        "chain_ok": "matches",
        "chain_bad": "DOES NOT MATCH (the stored version was changed)",
        "file_ok": "unchanged",
        "file_bad": "CHANGED or unknown (not printed from this store)",
        "seal_none": "none",
        "seal_ok": "valid, covers the whole file ({signer})",
        "seal_bad": "INVALID: {reason}",
        "appended": "content was added after sealing",
        "untrusted": "the certificate is not trusted (give --trust CERT)",
        "broken": "the signature does not match the content",
        "result_ok": "Result: OK",
        "result_bad": "Result: VERIFICATION FAILED",
    },
}


def _store_options(parser: argparse.ArgumentParser) -> None:
    # The global --lang (message language) is left out: ``pdf --lang`` is the print language.
    parser.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help="the store")
    parser.add_argument("--user", default=argparse.SUPPRESS, help="acting user for the audit log")
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="verbose logging"
    )


def register(sub: Any) -> None:
    """Add the ``pdf`` and ``verify`` commands."""
    p = sub.add_parser(
        "pdf",
        help="write a plan version as a PDF file",
        description="Write a plan as PDF: the latest version, or --version N (signed versions "
        "are printed from their frozen snapshot).",
    )
    _store_options(p)
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    p.add_argument("--version", type=int, default=None, metavar="N", dest="version_number")
    p.add_argument(
        "--lang", choices=PRINT_LANGUAGES, default=None, dest="print_lang", help="print language"
    )
    seal = p.add_mutually_exclusive_group()
    seal.add_argument("--seal", action="store_true", default=None, help="seal (PKCS#12 set)")
    seal.add_argument("--no-seal", action="store_false", dest="seal", help="do not seal")
    p.set_defaults(func=pdf_command)

    p = sub.add_parser(
        "verify",
        help="check a plan PDF against the store; exit 1 when anything fails",
        description="Print the version hash, whether the file matches the stored signed "
        "version, and whether its digital seal is valid. Exit 1 when anything fails.",
    )
    _store_options(p)
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--trust", action="append", default=[], metavar="CERT", help="trusted certificate (PEM)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=verify_command)


def pdf_command(args: argparse.Namespace, runner: Runner) -> int:
    """Render and save the PDF; prints where it went."""
    t = _TEXT[runner.lang]
    pdf = runner.services.documents.export_pdf(
        args.plan_id, args.output, args.version_number, args.print_lang, args.seal
    )
    state = t["signed"] if pdf.signed else t["draft"]
    print(
        t["saved"].format(
            plan=pdf.plan_id, version=pdf.version_number, state=state, path=args.output
        )
    )
    if pdf.content_hash:
        print(t["hash"].format(value=pdf.content_hash))
    if pdf.sealed:
        print(t["sealed"])
    return EXIT_OK


def verify_command(args: argparse.Namespace, runner: Runner) -> int:
    """Check the file; exit 1 unless everything checks out."""
    report = runner.services.documents.verify_pdf(args.file, args.trust)
    if args.json:
        runner.print_json(_as_json(report))
    else:
        for line in report_lines(report, runner.lang):
            print(line)
    return EXIT_OK if report.ok else EXIT_FAILED


def report_lines(report: VerificationReport, lang: str) -> list[str]:
    """The verification as lines in ``lang`` (sv or en)."""
    t = _TEXT["en" if lang == "en" else "sv"]
    if not report.readable:
        return [t["unreadable"], t["result_bad"]]
    lines = [
        t["plan"].format(plan=report.plan_id, version=report.version_number),
        t["hash"].format(value=report.content_hash or "–"),
    ]
    if not report.content_hash:
        return [*lines, t["draft_file"], t["result_bad"]]
    lines.append(t["found"].format(value=t["yes"] if report.version_found else t["no"]))
    if report.version_found:
        lines.append(
            t["chain"].format(value=t["chain_ok" if report.stored_hash_ok else "chain_bad"])
        )
    lines.append(t["file"].format(value=t["file_ok" if report.file_matches else "file_bad"]))
    lines.append(t["seal"].format(value=_seal_text(report, t)))
    lines.append(t["result_ok" if report.ok else "result_bad"])
    return lines


def _seal_text(report: VerificationReport, t: dict[str, str]) -> str:
    seal = report.seal
    if not seal.present:
        return t["seal_none"]
    if seal.ok:
        return t["seal_ok"].format(signer=seal.signer)
    if not seal.intact:
        reason = t["broken"]
    elif not seal.whole_file:
        reason = t["appended"]
    elif not seal.trusted:
        reason = t["untrusted"]
    else:
        reason = seal.detail or t["broken"]
    return t["seal_bad"].format(reason=reason)


def _as_json(report: VerificationReport) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "plan_id": report.plan_id,
        "version": report.version_number,
        "content_hash": report.content_hash,
        "file_sha256": report.file_sha256,
        "version_found": report.version_found,
        "stored_hash_ok": report.stored_hash_ok,
        "file_matches": report.file_matches,
        "seal": {
            "present": report.seal.present,
            "ok": report.seal.ok,
            "intact": report.seal.intact,
            "trusted": report.seal.trusted,
            "whole_file": report.seal.whole_file,
            "signer": report.seal.signer,
        },
    }
