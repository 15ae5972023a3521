"""The command line: ``sip-desk [--db PATH|URL] [COMMAND …]``. Without a command, the GUI opens.

Each command group lives in its own module with ``register(subparsers)``; the command functions
take the parsed arguments and an :class:`~sip_desk.cli.common.Runner` and return an exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sip_desk import __version__
from sip_desk.cli import (
    common,
    demo_commands,
    document_commands,
    follow_up_commands,
    plan_commands,
    transfer_commands,
)
from sip_desk.domain.errors import DomainError

COMMAND_MODULES = [
    plan_commands,
    transfer_commands,
    demo_commands,
    follow_up_commands,
    document_commands,
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="sip-desk",
        description=(
            "SIP Desk: coordinated individual plans (samordnad individuell plan). "
            "Without a command the desktop application opens."
        ),
    )
    common.add_global_options(parser)
    parser.add_argument("--version", action="version", version=f"sip-desk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run the command line and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    runner = common.Runner(args)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    if args.command is None:
        from sip_desk.app import run as run_gui

        return run_gui(args)
    try:
        return int(args.func(args, runner))
    except DomainError as error:
        return runner.error(error)
    except KeyboardInterrupt:
        return common.EXIT_ERROR
    finally:
        runner.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1:]))
