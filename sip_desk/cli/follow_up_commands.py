"""``followups``: the coordinator's worklist on the command line, as a table, JSON or .ics."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sip_desk.cli.common import EXIT_OK, Runner, command_parser, print_table
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.text import text
from sip_desk.domain.worklist import Urgency, WorklistFilter, WorklistItem

MAX_DAYS = 3650
_COLUMNS = ("due", "urgency", "kind", "person", "what", "responsible", "coordinator", "plan")


def register(sub: Any) -> None:
    """Add the ``followups`` command."""
    p = command_parser(
        sub,
        "followups",
        "worklist: follow-up meetings, actions and warnings due soon or overdue",
    )
    p.add_argument(
        "--due-within",
        type=int,
        default=30,
        metavar="DAYS",
        help="rows due within DAYS days from today (default 30); overdue rows always included",
    )
    p.add_argument("--overdue", action="store_true", help="only rows that are overdue")
    p.add_argument("--coordinator", default="", metavar="NAME", help="only this coordinator")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--ics", metavar="FILE", help="also write the follow-up meetings to FILE")
    p.add_argument(
        "--full-names",
        action="store_true",
        default=None,
        help="name people in full in the .ics events (default: initials and the plan id, "
        "unless the setting says otherwise)",
    )
    p.set_defaults(func=followups_command)


def item_json(item: WorklistItem, lang: str) -> dict[str, Any]:
    """One worklist row as JSON (no identity numbers, no addresses)."""
    starts = item.starts_at.astimezone(LOCAL_TZ) if item.starts_at else None
    kind = (item.warning or item.kind).value
    return {
        "kind": item.kind.value,
        "warning": item.warning.value if item.warning else None,
        "kind_text": text(lang, f"cli.followups.kind.{kind}"),
        "plan_id": item.plan_id,
        "item_id": item.item_id,
        "due": item.due.isoformat(),
        "starts_at": starts.strftime("%Y-%m-%d %H:%M") if starts else None,
        "urgency": item.urgency.name.lower(),
        "urgency_text": _urgency(item.urgency, lang),
        "person": item.person_name,
        "title": item.title,
        "responsible": item.responsible,
        "organisation": item.organisation,
        "coordinator": item.coordinator,
        "plan_status": item.plan_status.value,
    }


def _print_table(rows: list[dict[str, Any]], lang: str) -> None:
    headers = [text(lang, f"cli.followups.header.{column}") for column in _COLUMNS]
    table = [
        (
            r["starts_at"] or r["due"],
            r["urgency_text"],
            r["kind_text"],
            r["person"],
            r["title"],
            r["responsible"],
            r["coordinator"],
            str(r["plan_id"]),
        )
        for r in rows
    ]
    print_table(headers, table, cap=40)


def _summary(items: list[WorklistItem], lang: str) -> str:
    counts = [sum(1 for i in items if i.urgency is u) for u in Urgency]
    parts = [f"{n} {_urgency(u, lang)}" for u, n in zip(Urgency, counts, strict=True) if n]
    return ", ".join(parts) if parts else text(lang, "cli.followups.nothing")


def _urgency(urgency: Urgency, lang: str) -> str:
    return text(lang, f"cli.followups.urgency.{urgency.name.lower()}")


def followups_command(args: argparse.Namespace, runner: Runner) -> int:
    """Print the worklist; with ``--ics`` also write its follow-up meetings as a calendar."""
    if not 0 <= args.due_within <= MAX_DAYS:
        return runner.error(text(runner.lang, "cli.followups.due_within", max=MAX_DAYS))
    query = WorklistFilter(
        coordinator=args.coordinator,
        due_within_days=args.due_within,
        overdue_only=args.overdue,
        limit=None,
    )
    items = runner.services.follow_ups.worklist(query)
    rows = [item_json(i, runner.lang) for i in items]
    if args.json:
        runner.print_json(rows)
    else:
        if rows:
            _print_table(rows, runner.lang)
        print(_summary(items, runner.lang))
    if args.ics:
        calendar = runner.services.calendar
        data = calendar.worklist_calendar(query, runner.lang, args.full_names)
        path = calendar.write(args.ics, data)
        meetings = sum(1 for i in items if i.starts_at is not None)
        key = "cli.followups.wrote_one" if meetings == 1 else "cli.followups.wrote_many"
        print(text(runner.lang, key, count=meetings, path=path), file=sys.stderr)
    return EXIT_OK
