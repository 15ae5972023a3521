"""What every self-test check shares: how it fails, and where the installation is."""

from __future__ import annotations

import sys
from pathlib import Path


class CheckFailed(Exception):
    """A check found a problem; the message says which."""


class Optional(Exception):  # noqa: N818 - not an error: the part is simply not installed
    """An optional part (a database driver) is not installed; the message says which."""


def installation_root() -> Path:
    """The folder this installation runs from: the bundle, or the folder holding the package."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen).resolve()
    return Path(__file__).resolve().parent.parent.parent


def inside(path: Path, root: Path, what: str) -> Path:
    """``path`` resolved, when it lies in ``root``.

    Raises:
        CheckFailed: it lies elsewhere (e.g. a font taken from the system).
    """
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise CheckFailed(f"{what} {resolved} is outside the installation ({root})")
    return resolved
