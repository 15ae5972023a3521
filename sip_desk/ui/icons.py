"""The one place icons are loaded (SVG from ``resources/icons`` through :mod:`sip_desk.paths`)."""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from PySide6.QtGui import QIcon

from sip_desk.paths import resource


class Icon(StrEnum):
    """Icon names: ``resources/icons/<value>.svg``."""

    PLAN_CREATE = "plan-create"
    PLAN_OPEN = "plan-open"
    IDENTITY_PROTECT = "identity-protect"
    LIST_SEARCH = "list-search"
    STORE_ERROR = "store-error"


@cache
def icon(name: Icon) -> QIcon:
    """The cached icon ``name`` (an empty icon if the file is missing)."""
    path = resource("icons", f"{name.value}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
