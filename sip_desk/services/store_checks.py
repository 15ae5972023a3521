"""Is the store intact? The check after opening, and verify-store's check of plan versions."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable

from sip_desk.db.integrity import Interrupt, check_integrity, damaged_error
from sip_desk.db.models import PlanVersion
from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import StoreError
from sip_desk.domain.verification import Problem
from sip_desk.services.context import ServiceContext

# --- Is the store file intact? The whole-file check the desktop application runs after opening.


class StoreHealthService:
    """Checks the whole SQLite store file for damage (about 1.5 s for 100,000 plans)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._interrupt: Interrupt | None = None
        self._stopped = False

    def check_whole_store(self) -> StoreError | None:
        """Read every page of the store looking for damage; safe on a worker thread.

        The error to show (it names the newest backup) when damage is found, else ``None`` (also
        for a database server, which checks itself, and after :meth:`stop`).
        """
        interrupt = Interrupt()
        with self._lock:
            if self._stopped:
                return None
            self._interrupt = interrupt
        report = check_integrity(self._ctx.db, None, interrupt)
        if report is None or not report.damaged:
            return None
        return damaged_error(self._ctx.db, report)

    def stop(self) -> None:
        """End a running check early and start no more (the application is closing)."""
        with self._lock:
            self._stopped = True
            if self._interrupt is not None:
                self._interrupt.fire()


# --- What ``verify-store`` checks beyond each signed version: the shape of every plan's versions.


def structure_problems(rows: Iterable[PlanVersion]) -> dict[tuple[int, int], list[Problem]]:
    """Problems by (plan id, version number) for the versions of every plan in ``rows``."""
    by_plan: dict[int, list[PlanVersion]] = defaultdict(list)
    for row in rows:
        by_plan[row.plan_id].append(row)
    found: dict[tuple[int, int], list[Problem]] = defaultdict(list)
    for plan_id, versions in by_plan.items():
        versions.sort(key=lambda v: v.number)
        signed = [v.number for v in versions if v.state is VersionState.SIGNED]
        expected = 1
        for row in versions:
            n, here = row.number, found[(plan_id, row.number)]
            if n > expected:
                missing = ", ".join(str(k) for k in range(expected, n))
                here.append(Problem("store.version_missing", number=n, missing=missing))
            expected = n + 1
            if row.state is VersionState.SIGNED:
                continue
            if row.seal is not None or row.signatures:
                here.append(Problem("store.seal_on_draft", number=n))
            if signed and n < signed[-1]:
                here.append(Problem("store.draft_below_signed", number=n, signed=signed[-1]))
    return {k: v for k, v in found.items() if v}
