"""File dialogs in one place, so tests monkeypatch a single module.

They open in the folder last used for a file (remembered in the settings), else in the user's
Documents folder: never in the program's working directory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "files/last_folder"


def start_folder() -> Path:
    """Where a file dialog opens: the folder last used, else Documents, else the home folder."""
    remembered = QSettings().value(LAST_FOLDER_KEY, "", str)
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _remember(path: Path) -> Path:
    QSettings().setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


def ask_save_path(parent: QWidget | None, title: str, suggested: str, pattern: str) -> Path | None:
    """Ask where to save a file (``suggested``: a file name); ``None`` when cancelled."""
    start = Path(suggested) if Path(suggested).is_absolute() else start_folder() / suggested
    path, _chosen = QFileDialog.getSaveFileName(parent, title, str(start), pattern)
    return _remember(Path(path)) if path else None


def ask_open_path(parent: QWidget | None, title: str, pattern: str) -> Path | None:
    """Ask which file to open; ``None`` when cancelled."""
    path, _chosen = QFileDialog.getOpenFileName(parent, title, str(start_folder()), pattern)
    return _remember(Path(path)) if path else None
