"""The log file ``logs/sip_desk.log`` in the user's data folder, shared by the GUI and the CLI.

Users see one calm sentence when something unexpected fails; the traceback goes here, where
support can find it.
"""

from __future__ import annotations

import io
import logging
import os
from logging.handlers import RotatingFileHandler

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def file_handler() -> RotatingFileHandler:
    """A handler appending warnings and errors to the log file (folder created on demand).

    Raises:
        OSError: the data folder or the log file cannot be written.
    """
    from sip_desk.paths import data_dir, private_folder

    folder = private_folder(data_dir() / "logs")
    handler = PrivateRotatingFileHandler(
        folder / "sip_desk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log file only its owner can read: each file is opened with mode 0600."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # also an older, more open log file; the umask filters os.open
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def install_log_file() -> str:
    """Also send warnings and errors of every logger to the log file; returns its path."""
    handler = file_handler()
    logging.getLogger().addHandler(handler)
    return handler.baseFilename


class LazyFileHandler(logging.Handler):
    """Sends warnings and errors to the log file, opened at the first one.

    A quiet run creates nothing; when the file cannot be written, records are dropped.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._file: RotatingFileHandler | None = None
        self._unwritable = False

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` to the log file."""
        if self._file is None and not self._unwritable:
            try:
                self._file = file_handler()
            except OSError:
                self._unwritable = True
        if self._file is not None:
            self._file.handle(record)

    def close(self) -> None:
        """Close the log file, if it was opened."""
        if self._file is not None:
            self._file.close()
        super().close()


def log_unexpected(error: BaseException, what: str) -> str:
    """Write ``error`` with its traceback to the log file only; returns its path ("": none)."""
    try:
        handler = file_handler()
    except OSError:
        return ""
    try:
        logger = logging.getLogger("sip_desk.unexpected")
        exc_info = (type(error), error, error.__traceback__)
        record = logger.makeRecord(
            logger.name, logging.ERROR, __file__, 0, "unexpected error in %s", (what,), exc_info
        )
        handler.handle(record)
    finally:
        handler.close()
    return handler.baseFilename
