"""Every row of every table of an SQLite store, to prove that a refusal changed nothing."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (``sqlite_sequence`` included), in a stable order, as bytes."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.text_factory = bytes  # compare what is stored, byte for byte
        names = [
            r[0].decode()
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in sorted(names)
        }
