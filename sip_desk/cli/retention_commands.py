"""``retention``: plans due for deletion (gallring), and deleting them after a confirmation."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sip_desk.cli.common import EXIT_OK, Runner, command_parser, print_table
from sip_desk.domain.retention import DueForDeletion
from sip_desk.domain.text import text

_COLUMNS = ("plan", "person", "closed", "last_entry", "due")


def register(sub: Any) -> None:
    """Add the ``retention`` command."""
    p = command_parser(
        sub,
        "retention",
        "closed plans due for deletion (gallring); delete them after a confirmation",
        "Lists closed plans whose last entry (last change, closing, version or meeting) is the "
        "retention period or more ago (default 5 years, SoL). --delete ID… or --all deletes "
        "them with everything in them, after a confirmation (--yes, or answering the "
        "question). Each deletion is logged with the plan id and a date, no personal data. "
        "Deleted plans remain in backups until those rotate out (7 daily, 4 weekly).",
    )
    p.add_argument("--years", type=int, metavar="N", help="set the retention period to N years")
    p.add_argument("--delete", type=int, nargs="+", metavar="ID", help="delete these due plans")
    p.add_argument("--all", action="store_true", help="delete every plan due for deletion")
    p.add_argument("--yes", action="store_true", help="confirm the deletion without asking")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=retention_command)


def _json(item: DueForDeletion) -> dict[str, Any]:
    return {
        "plan_id": item.plan_id,
        "person": item.person_name,
        "closed_on": item.closed_on.isoformat() if item.closed_on else None,
        "last_entry": item.last_entry.isoformat(),
        "due_on": item.due_on.isoformat(),
    }


def _print(items: list[DueForDeletion], years: int, lang: str) -> None:
    if items:
        headers = [text(lang, f"cli.retention.header.{c}") for c in _COLUMNS]
        rows = [
            (
                str(i.plan_id),
                i.person_name,
                i.closed_on.isoformat() if i.closed_on else "–",
                i.last_entry.isoformat(),
                i.due_on.isoformat(),
            )
            for i in items
        ]
        print_table(headers, rows, cap=40)
        print(text(lang, "cli.retention.summary", count=len(items), years=years))
    else:
        print(text(lang, "cli.retention.none", years=years))


def _confirmed(count: int, lang: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(text(lang, "cli.retention.confirm", count=count))
    return answer.strip().casefold() in {"y", "yes", "j", "ja"}


def retention_command(args: argparse.Namespace, runner: Runner) -> int:
    """List the due plans; with ``--delete``/``--all`` delete them once confirmed."""
    lang, plans = runner.lang, runner.services.plans
    if args.delete and args.all:
        return runner.error(text(lang, "cli.retention.both"))
    if args.years is not None:
        plans.set_retention_years(args.years)
        print(text(lang, "cli.retention.years_set", years=args.years))
    due = plans.due_for_deletion()
    if not (args.delete or args.all):
        if args.json:
            runner.print_json([_json(i) for i in due])
        else:
            _print(due, plans.retention_years(), lang)
        return EXIT_OK
    ids = args.delete or [i.plan_id for i in due]
    if not ids:
        print(text(lang, "cli.retention.none", years=plans.retention_years()))
        return EXIT_OK
    if not args.yes and not _confirmed(len(ids), lang):
        return runner.error(text(lang, "cli.retention.needs_yes"))
    count = plans.delete_due(ids)
    print(text(lang, "cli.retention.deleted", count=count))
    return EXIT_OK
