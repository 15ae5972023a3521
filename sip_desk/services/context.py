"""What every service needs: the store, who is acting, and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sip_desk.db.engine import Database
from sip_desk.domain.audit import UserContext
from sip_desk.domain.local_time import LOCAL_TZ


class Clock:
    """The current time; tests pass a fixed one."""

    def __init__(self, now_fn: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.now_fn = now_fn

    def now(self) -> datetime:
        """Now, UTC-aware."""
        return self.now_fn().astimezone(UTC)

    def today(self) -> date:
        """Today's date in Sweden."""
        return self.now().astimezone(LOCAL_TZ).date()


@dataclass(frozen=True)
class ServiceContext:
    """The store, the acting user and the clock, shared by all services.

    ``key_path`` names the store's signing-key file; ``None`` uses ``$SIP_DESK_SIGNING_KEY`` or
    the default place (see ``services.store_key.key_location``). ``program`` and ``command``
    name the program in the access log (``gui``, or ``cli`` and the command); ``shown`` is the
    access log's memory of the persons lately shown in lists (see ``services.audit``).
    """

    db: Database
    user: UserContext
    clock: Clock = field(default_factory=Clock)
    key_path: Path | None = None
    program: str = "gui"
    command: str = ""
    shown: dict[tuple[str, int, int], datetime] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
