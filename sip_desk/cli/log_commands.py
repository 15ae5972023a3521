"""``log``: review the access log (who read which person's data), and check both logs' chains."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from typing import Any

from sip_desk.cli.common import EXIT_FAILED, EXIT_OK, Runner, add_global_options, print_table
from sip_desk.domain.access import (
    AccessEntryDto,
    AccessKind,
    AccessQuery,
    ChainReport,
    shown_unknown_kind,
)
from sip_desk.domain.errors import ValidationError
from sip_desk.domain.identity import parse_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.spreadsheet import csv_row
from sip_desk.domain.text import text

_COLUMNS = ("at", "user", "what", "person", "plan", "program", "detail")


def register(sub: Any) -> None:
    """Add the ``log`` command."""
    # ``--user`` here filters the log; the acting user is given before the command.
    p = sub.add_parser(
        "log",
        conflict_handler="resolve",
        help="review the access log: who read which person's data, when and how",
        description="Review the access log (every read of a person's data: opened, listed, "
        "searched, printed, exported, checked …) and check that neither it nor the audit trail was "
        "changed. The review itself is logged. Exit 1 when a log's chain is broken.",
    )
    add_global_options(p)
    p.add_argument("--person", metavar="PNR", help="only reads of this person (identity number)")
    p.add_argument("--user", dest="log_user", metavar="U", help="only reads by this user")
    p.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD, local time)")
    p.add_argument("--until", metavar="DATE", help="up to and including this day")
    p.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet)")
    p.set_defaults(func=log_command)


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError("log.date", "cli.log.bad_date", value=value) from None


def _query(args: argparse.Namespace, runner: Runner) -> AccessQuery:
    since, until = _day(args.since), _day(args.until)
    if since and until and since > until:
        raise ValidationError("log.date", "cli.log.dates_reversed")
    person = parse_identity(args.person, runner.services.clock.today()) if args.person else None
    return AccessQuery(
        identity_number=person.value if person else "",
        user=args.log_user or "",
        since=since,
        until=until,
        limit=None,
    )


def _cells(entry: AccessEntryDto, lang: str) -> list[str]:
    program = f"{entry.program} {entry.command}".strip()
    return [
        entry.at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S"),
        entry.user,
        text(lang, f"cli.log.kind.{entry.kind.value}")
        if isinstance(entry.kind, AccessKind)
        else shown_unknown_kind(entry.kind),
        entry.person or (str(entry.person_id) if entry.person_id else "–"),
        str(entry.plan_id) if entry.plan_id else "–",
        program,
        entry.detail,
    ]


def chain_lines(report: ChainReport, lang: str) -> list[str]:
    """What the chain check found, one line per log that is broken (or one saying all is well).

    Then the newest hash and row count of each log, to be written down elsewhere.
    """
    (access, access_hash), (audit, audit_hash) = report.access_tail, report.audit_tail
    newest = text(
        lang,
        "cli.log.chain_tail",
        access=access,
        access_hash=access_hash,
        audit=audit,
        audit_hash=audit_hash,
    )
    # On PostgreSQL only a log reviewer is given the newest hashes (db.log_security).
    tail = [newest] if access_hash or audit_hash else []
    if report.intact:
        return [
            text(lang, "cli.log.chain_intact", access=report.access_rows, audit=report.audit_rows),
            *tail,
        ]
    return [
        text(
            lang,
            "cli.log.chain_broken",
            log=text(lang, f"cli.log.table.{b.table}"),
            row=b.row_id,
            what=text(lang, f"cli.log.break.{b.kind}"),
        )
        for b in report.breaks
    ] + tail


def log_command(args: argparse.Namespace, runner: Runner) -> int:
    """Print the matching access-log rows and the chain check; exit 1 when a chain is broken."""
    lang = runner.lang
    query = _query(args, runner)
    audit = runner.services.audit
    entries = audit.review_access(query)
    report = audit.check_chains()
    headers = [text(lang, f"cli.log.header.{c}") for c in _COLUMNS]
    rows = [_cells(e, lang) for e in entries]
    if args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerows(csv_row(r) for r in [headers, *rows])  # no cell read as a formula
        for line in chain_lines(report, lang):
            print(line, file=sys.stderr)
    else:
        if rows:
            print_table(headers, rows, cap=40)
        print(text(lang, "cli.log.count", count=len(rows)))
        for line in chain_lines(report, lang):
            print(line)
    return EXIT_OK if report.intact else EXIT_FAILED
