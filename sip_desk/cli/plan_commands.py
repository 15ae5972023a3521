"""``list`` and ``check``: the plan list and the completeness check."""

from __future__ import annotations

import argparse
from typing import Any

from sip_desk.cli.common import EXIT_FAILED, EXIT_OK, Runner, command_parser, print_table
from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanQuery, PlanSummary
from sip_desk.domain.text import text


def register(sub: Any) -> None:
    """Add the ``list`` and ``check`` commands."""
    p = command_parser(
        sub, "list", "list plans: id, person, status, lead principal, next follow-up"
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--status", choices=[s.value for s in PlanStatus], help="only this status")
    p.add_argument("--search", default="", help="name, identity number or organisation")
    p.add_argument("--limit", type=int, default=None, help="at most this many rows")
    p.set_defaults(func=list_command)

    p = command_parser(sub, "check", "completeness check: what the plan lacks before signing")
    p.add_argument("plan_id", type=int, metavar="PLAN_ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=check_command)


def _row(plan: PlanSummary, lang: str) -> dict[str, Any]:
    follow_up = plan.next_follow_up_at.astimezone(LOCAL_TZ) if plan.next_follow_up_at else None
    return {
        "id": plan.id,
        "person": plan.person_name,
        "identity": "" if plan.protected_identity else _masked(plan),
        "protected_identity": plan.protected_identity,
        "status": plan.status.value,
        "status_text": text(lang, f"cli.list.status.{plan.status.value}"),
        "lead_principal": plan.lead_principal.value if plan.lead_principal else None,
        "lead_organisation": plan.lead_organisation,
        "coordinator": plan.coordinator_name,
        "next_follow_up": follow_up.strftime("%Y-%m-%d %H:%M") if follow_up else None,
    }


def _principal(value: str | None, lang: str) -> str:
    return text(lang, f"cli.list.principal.{value}") if value else "–"


def _masked(plan: PlanSummary) -> str:
    from sip_desk.domain.identity import mask_identity

    return mask_identity(plan.identity_number) or (plan.reserve_id or "")


def list_command(args: argparse.Namespace, runner: Runner) -> int:
    """Print the plans (identity numbers masked)."""
    query = PlanQuery(
        text=args.search,
        status=PlanStatus(args.status) if args.status else None,
        limit=args.limit,
    )
    rows = [_row(p, runner.lang) for p in runner.services.plan_list.list_plans(query)]
    if args.json:
        runner.print_json(rows)
        return EXIT_OK
    columns = ("id", "person", "status", "principal", "next")
    headers = [text(runner.lang, f"cli.list.header.{column}") for column in columns]
    table = [
        (
            str(r["id"]),
            r["person"],
            r["status_text"],
            _principal(r["lead_principal"], runner.lang)
            + (f" ({r['lead_organisation']})" if r["lead_organisation"] else ""),
            r["next_follow_up"] or "–",
        )
        for r in rows
    ]
    print_table(headers, table)
    return EXIT_OK


def check_command(args: argparse.Namespace, runner: Runner) -> int:
    """Print what the plan lacks; exit 1 when anything is missing."""
    missing = runner.services.plans.check(args.plan_id)
    if args.json:
        runner.print_json(
            [
                {
                    "code": m.code,
                    "field": m.anchor,
                    "id": m.entity_id,
                    "message": m.message(runner.lang),
                }
                for m in missing
            ]
        )
    elif not missing:
        print(text(runner.lang, "cli.check.complete"))
    else:
        print(text(runner.lang, "cli.check.missing"))
        for m in missing:
            print(f"  - {m.message(runner.lang)}")
    return EXIT_FAILED if missing else EXIT_OK
