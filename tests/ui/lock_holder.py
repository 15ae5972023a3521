"""Another program holding the store's write lock, as a tester ran it from a shell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Holds BEGIN EXCLUSIVE until a line arrives on its stdin.
_HOLDER = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "c.execute('BEGIN EXCLUSIVE')\n"
    "print('locked', flush=True)\n"
    "sys.stdin.readline()\n"
    "c.execute('COMMIT')\n"
)


class LockHolder:
    """A second process holding the store's write lock until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        """Let go of the lock (the process ends)."""
        if self.process.returncode is None:
            self.process.communicate("\n", timeout=10)
