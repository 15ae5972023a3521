"""File dialogs in one place, so tests monkeypatch a single module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_save_path(parent: QWidget | None, title: str, suggested: str, pattern: str) -> Path | None:
    """Ask where to save a file; ``None`` when cancelled."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    return Path(path) if path else None


def ask_open_path(parent: QWidget | None, title: str, pattern: str) -> Path | None:
    """Ask which file to open; ``None`` when cancelled."""
    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", pattern)
    return Path(path) if path else None
