"""What every command shares: global options, opening the store, printing errors."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sip_desk.domain.errors import DomainError, UnexpectedError
from sip_desk.domain.text import text as catalogue_text

if TYPE_CHECKING:
    from sip_desk.services.registry import Services

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and found a problem (e.g. the plan is incomplete)
EXIT_ERROR = 2  # bad input, store error, not found


def add_global_options(parser: argparse.ArgumentParser, lang: bool = True) -> None:
    """``--db``, ``--lang``, ``--user``, ``--debug``: accepted before or after the command.

    Without ``lang`` the command keeps ``--lang`` for itself (``pdf --lang`` is the print
    language).
    """
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=argparse.SUPPRESS,
        help="store: SQLite file or SQLAlchemy URL (default: $SIP_DESK_DB, else the data folder)",
    )
    if lang:
        parser.add_argument(
            "--lang",
            choices=["sv", "en"],
            default=argparse.SUPPRESS,
            help="language of messages and the user interface (default: sv)",
        )
    parser.add_argument("--user", default=argparse.SUPPRESS, help="acting user for the audit log")
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="verbose logging"
    )


def command_parser(
    sub: Any, name: str, help_text: str, description: str | None = None
) -> argparse.ArgumentParser:
    """A sub-command parser that also accepts the global options."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=description or help_text
    )
    add_global_options(parser)
    return parser


def default_lang() -> str:
    """Swedish unless ``SIP_DESK_LANG`` asks for English."""
    value = os.environ.get("SIP_DESK_LANG", "sv")
    return "en" if value.lower().startswith("en") else "sv"


class Runner:
    """Opens the store lazily for a command and reports errors in the user's language."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.fill_defaults(args)
        self.args = args
        self.lang: str = args.lang or default_lang()
        self._services: Services | None = None

    @staticmethod
    def fill_defaults(args: argparse.Namespace) -> None:
        """Give every global option its default when it was not on the command line."""
        for name, default in (("db", None), ("lang", None), ("user", None), ("debug", False)):
            if not hasattr(args, name):
                setattr(args, name, default)

    @property
    def services(self) -> Services:
        """The services on the chosen store (created or upgraded on first use)."""
        if self._services is None:
            from sip_desk.bootstrap import current_user, open_services
            from sip_desk.domain.audit import UserContext
            from sip_desk.paths import default_store

            user = UserContext(user=self.args.user) if self.args.user else current_user()
            command = self.args.command or ""
            self._services = open_services(
                self.args.db or default_store(), user=user, program="cli", command=command
            )
        return self._services

    def error(self, error: DomainError | str) -> int:
        """Print an error to stderr and return :data:`EXIT_ERROR`."""
        text = error if isinstance(error, str) else error.message(self.lang)
        prefix = catalogue_text(self.lang, "cli.error")
        print(f"sip-desk: {prefix}: {text}", file=sys.stderr)
        return EXIT_ERROR

    def unexpected(self, error: Exception, command: str) -> int:
        """Report a failure nobody planned for: one line here, the traceback in the log file.

        With ``--debug`` the traceback is printed too.
        """
        from sip_desk.logfile import log_unexpected

        log_path = log_unexpected(error, command)
        if self.args.debug:
            traceback.print_exception(error, file=sys.stderr)
        return self.error(UnexpectedError(type(error).__name__, log_path))

    @staticmethod
    def print_json(value: Any) -> None:
        """Print ``value`` as indented JSON (UTF-8, not escaped)."""
        print(json.dumps(value, ensure_ascii=False, indent=2, default=str))

    def close(self) -> None:
        """Release the store."""
        if self._services is not None:
            self._services.ctx.db.dispose()


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], cap: int = 0) -> None:
    """Print ``rows`` under ``headers`` in aligned columns; with ``cap``, longer cells end in …."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    widths = [min(cap, w) if cap else w for w in widths]
    for row in (headers, *rows):
        cells = (c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths, strict=True))
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())


def quiet_broken_pipe() -> int:
    """The reader of standard output went away (``sip-desk list | head``): stop quietly."""
    # Python flushes stdout at exit; pointing it at devnull keeps that from failing too.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_ERROR
