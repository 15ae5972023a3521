"""Where things are: the user's data folder, the default store, and bundled resources.

:func:`resource` is the only way to find an asset: it works from the source tree, an installed
wheel (resources mapped into the package) and a PyInstaller bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

APP_NAME = "sip-desk"
APP_AUTHOR = "SIP Desk"
ENV_DB = "SIP_DESK_DB"


def data_dir() -> Path:
    """The user's data folder for SIP Desk (created on demand, owner-only: mode 0700)."""
    from platformdirs import user_data_path

    path = user_data_path(APP_NAME, APP_AUTHOR)
    private_folder(path)
    return path


def private_folder(path: Path) -> Path:
    """Make ``path`` (and missing parents) a folder only its owner can enter (0700 on POSIX).

    An existing folder is tightened too: use this only for folders that belong to SIP Desk.

    Raises:
        OSError: the folder cannot be created.
    """
    make_folders(path)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)  # an older build's folder
    return path


def make_folders(path: Path, mode: int = 0o700) -> Path:
    """Create ``path`` and each missing parent with ``mode``, set explicitly (not by the umask).

    ``mkdir(parents=True)`` makes parents by the umask: 0777 under umask 000 (``~/.local``,
    ``~/.local/share`` on a first run). Folders that exist are left as they are.

    Raises:
        OSError: a folder cannot be created.
    """
    missing = []
    here = path
    while not here.exists() and here.parent != here:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        folder.mkdir(mode=mode, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, mode)  # mkdir's mode is filtered by the umask
    return path


def default_store() -> str:
    """``--db`` if given via ``SIP_DESK_DB``, else ``sip_desk.sqlite`` in the data folder.

    The folder is not created here: opening the store does that, and says so when it cannot. An
    existing data folder others may enter is made owner-only (0700).
    """
    from platformdirs import user_data_path

    if chosen := os.environ.get(ENV_DB):
        return chosen
    folder = user_data_path(APP_NAME, APP_AUTHOR)
    if os.name == "posix" and folder.is_dir() and folder.stat().st_mode & 0o077:
        with contextlib.suppress(OSError):  # an older build's folder: owner-only from now on
            os.chmod(folder, 0o700)
    return str(folder / "sip_desk.sqlite")


def resources_root() -> Path:
    """The folder holding ``icons/``, ``fonts/`` and ``i18n/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "sip_desk" / "resources"
    packaged = Path(__file__).with_name("resources")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource("fonts", "NotoSans-Regular.ttf")``."""
    return resources_root().joinpath(*parts)


def recovery_dir() -> Path:
    """Where text a conflict holds back waits until it is saved (owner-only; made on demand)."""
    return private_folder(data_dir() / "recovery")
