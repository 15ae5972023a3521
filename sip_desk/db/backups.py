"""Where the backups of an SQLite store live: ``backups/`` beside the store file."""

from __future__ import annotations

from pathlib import Path

FOLDER = "backups"
PATTERN = "sip_desk_*.sqlite"


def backup_folder(store: Path) -> Path:
    """The folder holding the backups of the store file ``store``."""
    return store.parent / FOLDER


def newest_backup(store: Path) -> Path | None:
    """The most recently written backup of ``store``, or ``None`` when there is none."""
    try:
        found = [(p.stat().st_mtime, p.name, p) for p in backup_folder(store).glob(PATTERN)]
    except OSError:
        return None
    return max(found)[2] if found else None
