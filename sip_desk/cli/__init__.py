"""The command line: ``sip-desk [--db PATH|URL] [COMMAND …]``. Without a command, the GUI opens.

Each command group lives in its own module with ``register(subparsers)``; the command functions
take the parsed arguments and an :class:`~sip_desk.cli.common.Runner` and return an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from sip_desk import __version__
from sip_desk.cli import common

# Imported only when a command is given, so that starting the GUI stays cheap.
COMMAND_MODULES = [
    "plan_commands",
    "transfer_commands",
    "demo_commands",
    "follow_up_commands",
    "document_commands",
    "key_commands",
]
_GLOBAL_VALUES = ("--db", "--lang", "--user")


def _base_parser(full: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        add_help=full,
        prog="sip-desk",
        description=(
            "SIP Desk: coordinated individual plans (samordnad individuell plan). "
            "Without a command the desktop application opens."
        ),
    )
    common.add_global_options(parser)
    if full:
        parser.add_argument("--version", action="version", version=f"sip-desk {__version__}")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = _base_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"sip_desk.cli.{name}").register(sub)
    return parser


def _only_global_options(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds global options only: no command, nothing after one.

    Options after a command belong to it (``pdf … --lang ar`` is the document language), so
    they are never read as the global ones.
    """
    tokens = list(argv)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in _GLOBAL_VALUES:
            i += 2
        elif token == "--debug" or token.startswith(tuple(f"{o}=" for o in _GLOBAL_VALUES)):
            i += 1
        else:
            return False
    return True


def _gui_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed global options when no command is given (the GUI opens), else ``None``."""
    if not _only_global_options(argv):
        return None
    args = _base_parser(full=False).parse_args(list(argv))
    args.command = None
    return args


def run(argv: Sequence[str]) -> int:
    """Run the command line and return the exit code."""
    gui_args = _gui_args(argv)
    if gui_args is not None:
        common.Runner.fill_defaults(gui_args)
        logging.basicConfig(level=logging.DEBUG if gui_args.debug else logging.WARNING)
        from sip_desk.app import run as run_gui

        return run_gui(gui_args)
    args = build_parser().parse_args(list(argv))
    runner = common.Runner(args)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    if args.command is None:  # pragma: no cover - _gui_args handles this
        from sip_desk.app import run as run_gui

        return run_gui(args)
    from sip_desk.domain.errors import DomainError
    from sip_desk.domain.verification import DamagedVersionError

    try:
        return int(args.func(args, runner))
    except DamagedVersionError as error:
        # The command ran and found a damaged signed version: nothing was written.
        runner.error(error)
        return common.EXIT_FAILED
    except DomainError as error:
        return runner.error(error)
    except KeyboardInterrupt:
        return common.EXIT_ERROR
    finally:
        runner.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1:]))
