"""User preferences kept between runs (QSettings): language, recent plans, window geometry,
the screen for meeting mode.

Only plan ids are kept for the recent-plans menu: names and identity numbers are personal data and
stay in the store (the menu looks the names up when it opens). Still, which plans a user opened (a
protected person's, say) and the last export folder are the user's own business: the settings
file and Qt's file-dialog history (``QtProject.conf`` beside it) are made 0600 and SIP Desk's
settings folder 0700 at start and after each write (:meth:`AppSettings.keep_private`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication

from sip_desk.paths import make_folders

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
MAX_RECENT = 8


class AppSettings:
    """Typed access to the application's QSettings (tests pass one on a temporary ini file)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings()

    @property
    def store(self) -> QSettings:
        """The underlying settings, for panels that keep their own keys (the worklist range)."""
        return self._s

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def large_text(self) -> bool:
        return bool(self._s.value("ui/large_text", False, type=bool))

    @large_text.setter
    def large_text(self, value: bool) -> None:
        self._s.setValue("ui/large_text", bool(value))

    @property
    def meeting_screen(self) -> str:
        """The name of the screen chosen for meeting mode; "" lets meeting mode choose."""
        return str(self._s.value("meeting/screen", "") or "")

    @meeting_screen.setter
    def meeting_screen(self, value: str) -> None:
        self._s.setValue("meeting/screen", value)

    @property
    def geometry(self) -> QByteArray | None:
        """The main window's geometry saved at the screen's current scale (None: never saved).

        Kept per scale: a window saved at 200 % would reopen at 100 % at half its size.
        """
        key = geometry_key()
        value = self._s.value(key)
        if value is None and key == geometry_key(1.0):
            value = self._s.value("window/geometry")  # saved before the scale was part of it
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue(geometry_key(), value)

    @property
    def window_rect(self) -> QRect | None:
        """The window's normal (not maximised) place and size saved with :attr:`geometry`.

        Qt's own restore squeezes a window saved on a larger screen (1920×1080 → 738×309 on a
        1366×768 one); with this the window is moved onto the screen and only shrunk to fit.
        """
        value = self._s.value(geometry_key().replace("geometry_", "rect_"))
        return value if isinstance(value, QRect) and value.isValid() else None

    @window_rect.setter
    def window_rect(self, value: QRect) -> None:
        self._s.setValue(geometry_key().replace("geometry_", "rect_"), value)

    def recent_plans(self) -> list[int]:
        """Ids of recently opened plans, most recent first."""
        size = self._s.beginReadArray("recent")
        ids: list[int] = []
        for i in range(size):
            self._s.setArrayIndex(i)
            try:
                ids.append(int(str(self._s.value("id"))))
            except ValueError:
                continue
        self._s.endArray()
        return ids

    def add_recent_plan(self, plan_id: int) -> list[int]:
        """Put a plan first in the recent list (once) and return the new list."""
        ids = [plan_id, *(i for i in self.recent_plans() if i != plan_id)][:MAX_RECENT]
        self._write_recent(ids)
        return ids

    def forget_recent_plan(self, plan_id: int) -> None:
        """Drop a plan that no longer exists from the recent list."""
        self._write_recent([i for i in self.recent_plans() if i != plan_id])

    def _write_recent(self, ids: list[int]) -> None:
        self._s.remove("recent")
        self._s.beginWriteArray("recent", len(ids))
        for i, plan_id in enumerate(ids):
            self._s.setArrayIndex(i)
            self._s.setValue("id", plan_id)
        self._s.endArray()

    def sync(self) -> None:
        """Write the settings to disk, then keep the files private."""
        self._s.sync()
        self.keep_private()

    def keep_private(self) -> None:
        """The settings file and Qt's ``QtProject.conf`` 0600, SIP Desk's folder 0700 (POSIX).

        The folder is made 0700 before Qt creates it (Qt follows the umask: 0755 and 0644). A
        file Qt writes anew is replaced through a rename, so this runs again after each sync.
        Only files that belong to this account are changed.
        """
        path = Path(self._s.fileName())
        if os.name != "posix" or not path.is_absolute():  # the Windows registry
            return
        folder = path.parent
        own_folder = folder.name == self._s.organizationName() != ""
        with contextlib.suppress(OSError):
            if own_folder:
                make_folders(folder)  # and ~/.config if missing: 0700, not by the umask
                _private(folder, 0o700)
            for file in (path, folder.parent / "QtProject.conf" if own_folder else None):
                if file is not None:
                    _private(file, 0o600)


def geometry_key(scale: float | None = None) -> str:
    """The settings key of the window geometry at ``scale`` (default: the primary screen's)."""
    return scale_key("window/geometry", scale)


def scale_key(key: str, scale: float | None = None) -> str:
    """``key`` for sizes kept per screen scale ``scale`` (default: the primary screen's)."""
    if scale is None:
        screen = QGuiApplication.primaryScreen()
        scale = screen.devicePixelRatio() if screen is not None else 1.0
    return f"{key}_{round(scale * 100)}"


def _private(path: Path, mode: int) -> None:
    """Take group and other permissions off ``path`` if it exists and is this account's."""
    with contextlib.suppress(FileNotFoundError):
        info = path.stat()
        if info.st_uid == os.geteuid() and info.st_mode & 0o077:
            os.chmod(path, mode)
