"""Local time: every time a user sees is Swedish wall-clock time, never UTC.

Moments are stored UTC-aware; they are turned into local time only to be shown or to do
calendar arithmetic (``zoneinfo`` applies the daylight-saving rules of each date).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Europe/Stockholm")
"""The time zone of every date and time shown to a user."""


def local_text(moment: datetime) -> str:
    """``moment`` as local date and time, e.g. "2027-04-03 08:00"."""
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
