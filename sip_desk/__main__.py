"""Entry point: ``sip-desk`` (GUI without a command) and ``python -m sip_desk``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Parse the command line; run a CLI command, or the GUI when none is given."""
    from sip_desk.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
