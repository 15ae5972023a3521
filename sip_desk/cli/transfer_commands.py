"""``export`` and ``import``: a whole plan as a JSON file (format: docs/plan-json.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sip_desk.cli.common import EXIT_OK, Runner, command_parser
from sip_desk.domain.errors import DomainError
from sip_desk.domain.text import text as catalogue_text
from sip_desk.files import write_atomically


def register(sub: Any) -> None:
    """Add the ``export`` and ``import`` commands."""
    p = command_parser(
        sub,
        "export",
        "write a whole plan as JSON (to standard output, or to a file with -o)",
        "Write a whole plan as JSON, format sip-desk-plan version 2, or with --format fhir as "
        "a FHIR R4 Bundle (collection). The address of a person with protected identity is "
        "left out. The export is recorded in the audit trail and the access log.",
    )
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument(
        "--format",
        choices=["json", "fhir"],
        default="json",
        help="json: the sip-desk-plan file 'import' reads (default); fhir: a FHIR R4 Bundle",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (via a temporary file renamed into place) instead of standard output",
    )
    p.set_defaults(func=export_command)

    p = command_parser(
        sub,
        "import",
        "create a new plan from a JSON file written by export; prints the new plan id",
        "Create a new plan from a JSON file written by 'sip-desk export'. The file is checked "
        "completely first; if anything is wrong nothing is stored and the error says where. "
        "A person whose identity number is already stored is the truth: the plan is attached "
        "to them, and where the file's details differ they are listed on standard error and "
        "left as stored unless --update-person is given. Protected identity is never switched "
        "off by an import, and a protected person's address is never taken from a file. "
        "A plan already in the store (one of its signed versions is stored) is refused unless "
        "--as-new is given.",
    )
    p.add_argument("file", metavar="FILE", help="the JSON file ('-' reads standard input)")
    p.add_argument(
        "--update-person",
        action="store_true",
        help="apply the listed differences to the stored person (never removes protection)",
    )
    p.add_argument(
        "--as-new",
        action="store_true",
        help="import a plan that is already in the store as a new plan all the same",
    )
    p.set_defaults(func=import_command)


def export_command(args: argparse.Namespace, runner: Runner) -> int:
    """Export one plan to standard output or, atomically, to a file."""
    if args.format == "fhir":
        from sip_desk.services.fhir.service import FhirExportService

        services = runner.services
        text = FhirExportService(services.ctx, services.keys).export_bundle(args.plan_id)
    else:
        text = runner.services.transfer.export_plan(args.plan_id)
    if args.output in (None, "-"):
        _write_stdout(text)
        return EXIT_OK
    target = Path(args.output)
    write_atomically(target, text)
    print(catalogue_text(runner.lang, "cli.export.done", plan=args.plan_id, path=target))
    return EXIT_OK


def import_command(args: argparse.Namespace, runner: Runner) -> int:
    """Import a plan from a file; print the new plan's id (how its person matched on stderr)."""
    text = read_text(args.file)
    result = runner.services.transfer.import_with_report(
        text, update_person=args.update_person, as_new=args.as_new
    )
    for line in result.person.report_lines(runner.lang):
        print(line, file=sys.stderr)
    print(result.plan.id)
    return EXIT_OK


def _write_stdout(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        # A console that cannot show every letter still gets the same data, escaped.
        sys.stdout.write(json.dumps(json.loads(text), ensure_ascii=True, indent=2) + "\n")
    sys.stdout.flush()


def read_text(name: str) -> str:
    """The text of file ``name`` (or standard input for ``-``), UTF-8 with or without BOM.

    Raises:
        DomainError: ``import.file_unreadable`` or ``import.not_utf8``.
    """
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        detail = error.strerror or str(error)
        raise DomainError("import.file_unreadable", path=name, detail=detail) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError("import.not_utf8", path=name, position=error.start) from error
