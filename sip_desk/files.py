"""Files the app writes (PDFs, exports, calendars, keys' public halves): whole or not at all.

:func:`write_atomically` is the one way to write such a file. It writes a temporary file beside
the target, flushes it to disk, renames it into place and flushes the folder, so a crash or a full
disk leaves either the old file or the new one, never half of one and never a stray temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from sip_desk.domain.errors import DomainError
from sip_desk.paths import make_folders

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def write_atomically(
    path: Path, data: bytes | str, *, error: str = "export.write_failed", make_folder: bool = False
) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through a temporary file and a rename.

    The file is only its owner's (mode 0600 on POSIX, whatever the umask). The folder must exist
    unless ``make_folder`` (a path typed on the command line is checked, not created); folders
    made here are 0700. On any failure the temporary file is removed and ``path`` keeps its old
    contents.

    Raises:
        DomainError: ``error`` (a message code taking ``path`` and ``detail``) on an OS error.
    """
    path = path.expanduser()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    try:
        if make_folder:
            make_folders(folder, PRIVATE_FOLDER)  # parents too, 0700 whatever the umask
        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
        try:
            if os.name == "posix":
                os.fchmod(fd, PRIVATE_FILE)  # mkstemp makes 0600 already; say so, keep it so
            with os.fdopen(fd, "wb") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(partial)
            raise
        _sync_folder(folder)
    except OSError as failure:
        detail = failure.strerror or str(failure)
        raise DomainError(error, path=str(path), detail=detail) from failure


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk (POSIX; Windows cannot open a folder and needs no such step)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
