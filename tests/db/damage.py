"""Damaging a store file the way disks and copies do: bytes overwritten behind SQLite's back."""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
from pathlib import Path


def settle(path: Path) -> None:
    """Fold the write-ahead log into the file, so every page is where the file says."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def damage_schema_name(path: Path, table: str = "units") -> None:
    """Overwrite the name of ``table`` in the schema page with bytes that are not UTF-8."""
    settle(path)
    data = bytearray(path.read_bytes())
    at = data.find(b"table" + table.encode() * 2)
    assert at >= 0, f"no schema entry for {table}"
    start = at + len("table") + len(table)
    data[start : start + len(table)] = (b"\xff\xfe\xc3\x28\x80" * 4)[: len(table)]
    path.write_bytes(bytes(data))


def damage_middle_page(path: Path, table: str = "actions", seed: int = 1) -> int:
    """Overwrite one leaf page of ``table`` near the middle of its pages with random bytes.

    Returns:
        The page number overwritten.
    """
    settle(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        pages = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (table,),
            )
        ]
    assert len(pages) > 2, f"{table} is too small to damage its middle"
    page = int(pages[len(pages) // 2])
    with path.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(random.Random(seed).randbytes(size))
        file.flush()
        os.fsync(file.fileno())
    return page


def make_backups(store: Path) -> Path:
    """Two backup files beside ``store`` (an older and a newer one); returns the newer."""
    folder = store.parent / "backups"
    folder.mkdir(exist_ok=True)
    older = folder / "sip_desk_0002_20260101T080000000000.sqlite"
    newer = folder / "sip_desk_0003_20260301T080000000000.sqlite"
    for i, backup in enumerate((older, newer)):
        backup.write_bytes(store.read_bytes())
        os.utime(backup, (1_700_000_000 + i * 1000, 1_700_000_000 + i * 1000))
    return newer
