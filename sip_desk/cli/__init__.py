"""The command line: ``sip-desk [--db PATH|URL] [COMMAND …]``. Without a command, the GUI opens.

Each command group lives in its own module with ``register(subparsers)``; the command functions
take the parsed arguments and an :class:`~sip_desk.cli.common.Runner` and return an exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from sip_desk import __version__
from sip_desk.cli import common

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
    parser.add_argument(
        "--no-welcome",
        action="store_true",
        default=argparse.SUPPRESS,
        help="desktop application: no welcome at the first start (scripted runs)",
    )
    if full:
        parser.add_argument("--version", action="version", version=f"sip-desk {__version__}")
        parser.add_argument(
            "--self-test",
            action="store_true",
            help="check this installation offscreen (temporary store, demo plans, PDF in every "
            "print language, calendar file, translations); exit 1 naming what failed",
        )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    # Imported only when a command is given, so that starting the GUI stays cheap.
    from sip_desk.cli import (
        admin_commands,
        cipher_commands,
        demo_commands,
        document_commands,
        follow_up_commands,
        key_commands,
        log_commands,
        plan_commands,
        retention_commands,
        store_commands,
        transfer_commands,
    )

    parser = _base_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (
        plan_commands,
        transfer_commands,
        demo_commands,
        follow_up_commands,
        document_commands,
        key_commands,
        store_commands,
        admin_commands,
        retention_commands,
        log_commands,
        cipher_commands,
    ):
        module.register(sub)
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
        elif token in ("--debug", "--no-welcome") or token.startswith(
            tuple(f"{o}=" for o in _GLOBAL_VALUES)
        ):
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
    """Run the command line and return the exit code.

    No failure escapes as a traceback: a :class:`DomainError` is printed in the user's language,
    anything unexpected as one line pointing to the log file (exit code 2 for both).
    """
    gui_args = _gui_args(argv)
    if gui_args is not None:
        common.Runner.fill_defaults(gui_args)
        logging.basicConfig(level=logging.DEBUG if gui_args.debug else logging.WARNING)
        return _guarded(gui_args, common.Runner(gui_args), _run_gui)
    args = build_parser().parse_args(list(argv))
    if args.self_test:
        return _guarded(args, common.Runner(args), _self_test)
    runner = common.Runner(args)
    if args.debug:  # to standard error, debug detail included
        logging.basicConfig(level=logging.DEBUG)
    else:  # to the log file, not between a command's messages
        from sip_desk.logfile import LazyFileHandler

        logging.basicConfig(level=logging.WARNING, handlers=[LazyFileHandler()])
    command = _run_gui if args.command is None else args.func  # None: _gui_args saw it first
    try:
        return _guarded(args, runner, command)
    finally:
        runner.close()


def _self_test(args: argparse.Namespace, _runner: common.Runner) -> int:
    """``--self-test``: its own temporary store; a command given with it is an error."""
    if args.command is not None:
        print("sip-desk: --self-test takes no command", file=sys.stderr)
        return common.EXIT_ERROR
    from sip_desk.self_test import run as run_self_test

    return run_self_test()


def _run_gui(args: argparse.Namespace, _runner: common.Runner) -> int:
    from sip_desk.app import run as run_gui

    return run_gui(args)


def _guarded(
    args: argparse.Namespace,
    runner: common.Runner,
    command: Callable[[argparse.Namespace, common.Runner], int],
) -> int:
    from sip_desk.domain.errors import DomainError
    from sip_desk.domain.verification import DamagedVersionError

    try:
        return int(command(args, runner))
    except DamagedVersionError as error:
        # The command ran and found a damaged signed version: nothing was written.
        runner.error(error)
        return common.EXIT_FAILED
    except DomainError as error:
        return runner.error(error)
    except KeyboardInterrupt:
        return common.EXIT_ERROR
    except BrokenPipeError:
        return common.quiet_broken_pipe()
    except Exception as error:
        return runner.unexpected(error, args.command or "gui")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run(sys.argv[1:]))
