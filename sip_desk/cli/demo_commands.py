"""``demo``: fill the store with the example cases and, optionally, N generated plans."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
from typing import Any

from sip_desk.cli.common import EXIT_OK, Runner, command_parser
from sip_desk.domain.text import known, text


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def register(sub: Any) -> None:
    """Add the ``demo`` command."""
    p = command_parser(
        sub,
        "demo",
        "fill the store with the example cases (and N generated plans)",
        "Adds the example cases (adult addiction and housing, youth and school, family after a "
        "move, a person with protected identity). Cases already stored are skipped. With "
        "--plans N also N generated fictional plans.",
    )
    p.add_argument("--plans", type=_count, default=0, metavar="N", help="generated plans to add")
    p.add_argument("--seed", type=int, default=1, help="seed for generated plans (default: 1)")
    # For the window, which generates in a child process (see DemoService.generate_apart):
    # no example cases, a batch size, and progress as lines it reads.
    p.add_argument("--generated-only", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--batch", type=_count, default=0, help=argparse.SUPPRESS)
    p.add_argument("--progress", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=demo_command)


def demo_command(args: argparse.Namespace, runner: Runner) -> int:
    """Load the demo cases, then generate ``--plans`` plans; print what was done."""
    lang = runner.lang
    if args.generated_only:
        return _generate_for_window(args, runner)

    def name(key: str) -> str:
        case = f"cli.demo.case.{key}"
        return text(lang, case) if known(lang, case) else key

    result = runner.services.demo.load_cases()
    for key, plan_id in result.created:
        print(text(lang, "cli.demo.created", key=name(key), id=plan_id))
    if result.skipped:
        print(text(lang, "cli.demo.skipped", keys=", ".join(name(k) for k in result.skipped)))
    if result.signed:
        print(text(lang, "cli.demo.signed", ids=", ".join(str(i) for i in result.signed)))
    if args.plans:
        generated = runner.services.demo.generate(args.plans, args.seed)
        print(
            text(
                lang,
                "cli.demo.generated",
                plans=generated.plans,
                actions=generated.rows.get("actions", 0),
                meetings=generated.rows.get("meetings", 0),
                seconds=generated.seconds,
            )
        )
    return EXIT_OK


def _generate_for_window(args: argparse.Namespace, runner: Runner) -> int:
    """Generate only, printing ``progress DONE N`` lines and a last ``generated {json}`` line.

    Background work for a window: it gives way to the window on a busy processor.
    """
    if hasattr(os, "nice"):
        os.nice(10)

    def report(done: int, total: int) -> None:
        if args.progress:
            print(f"progress {done} {total}", flush=True)

    batch = {"batch_size": args.batch} if args.batch else {}
    result = runner.services.demo.generate(args.plans, args.seed, progress=report, **batch)
    print("generated " + json.dumps(dataclasses.asdict(result)), flush=True)
    return EXIT_OK
