"""Worklist query time at 1k, 10k and 100k plans, beside a raw sqlite3 query of the same rows.

Usage: python bench/bench_worklist.py [--dir /tmp/sip_bench] [--sizes 1000 10000 100000]

Stores are generated once with the demo generator (``plans_<n>.sqlite`` in ``--dir``) and reused.
For each store it prints the median of several runs of:
- page: the service's first worklist page (200 rows, urgency order);
- raw: hand-written sqlite3 returning the same 200 rows by the service's plan (sources in due
  order merged by SQLite, then the two anti-joins bounded by that page), and raw 1-stmt: one
  UNION ALL statement of every source (both checked row by row against the service);
- counts: the capped counts the panel shows (at most 1,000 rows read per source and bucket),
  and the exact counts (the reminder's) for comparison;
- in the real panel (offscreen Qt): time until the first rows are shown, until the counts are
  shown, how long a coordinator filter takes to show its rows and counts, and the longest
  time the GUI thread did not tick (a 5 ms timer) while counts and the filter ran.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from worklist_raw import PAGE, RAW_SQL, raw_page, raw_params  # noqa: E402

from sip_desk.bootstrap import open_services  # noqa: E402
from sip_desk.domain.worklist import COUNT_CAP, WorklistFilter  # noqa: E402
from sip_desk.services.demo_generator import generate_plans  # noqa: E402
from sip_desk.services.registry import Services  # noqa: E402

RUNS = 5


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class StallMeter:
    """Ticks every 5 ms on the GUI thread; the longest gap between ticks is the worst freeze."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self._last) * 1000)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return self.longest


def _spin_until(done: Callable[[], bool], timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    limit = time.perf_counter() + timeout
    while not done():
        QApplication.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > limit:
            raise TimeoutError("the worklist did not load in time")


def gui_once(services: Services, coordinator: str) -> dict[str, float]:
    """Open the real panel (offscreen): first rows, counts, then a coordinator filter."""
    from PySide6.QtWidgets import QApplication

    from sip_desk.ui.events import AppEvents
    from sip_desk.ui.worklist.worklist_panel import WorklistPanel

    start = time.perf_counter()
    panel = WorklistPanel(services, AppEvents(), "sv")
    panel.resize(1200, 700)
    panel.show()
    QApplication.processEvents()
    assert panel.model.rowCount() > 0
    first_rows = (time.perf_counter() - start) * 1000
    meter = StallMeter()
    _spin_until(lambda: panel.model.counts is not None)
    counts_shown = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    panel.view.coordinator.setCurrentText(coordinator)
    panel.apply_filter()
    _spin_until(lambda: not panel.model.is_loading and panel.model.counts is not None)
    filtered = (time.perf_counter() - start) * 1000
    stall = meter.stop()
    panel.close()
    panel.deleteLater()
    QApplication.processEvents()
    return {"first_rows": first_rows, "counts_shown": counts_shown, "filter": filtered,
            "stall": stall}  # fmt: skip


def gui_figures(services: Services) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    coordinator = services.follow_ups.coordinators()[0]
    runs = [gui_once(services, coordinator) for _ in range(3)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def store(folder: Path, n: int) -> Path:
    path = folder / f"plans_{n}.sqlite"
    if not path.exists():
        print(f"generating {n} plans in {path} …", flush=True)
        services = open_services(str(path))
        generate_plans(services, n)
        services.ctx.db.dispose()
    return path


def bench(path: Path) -> dict[str, float | bool]:
    services = open_services(str(path))
    now = services.ctx.clock.now()
    page = WorklistFilter(limit=PAGE)
    items = services.follow_ups.worklist(page)
    conn = sqlite3.connect(path)
    params = raw_params(now.astimezone(UTC))
    keys = [((i.warning or i.kind).value, i.item_id or i.plan_id) for i in items]
    same = all(
        [(r[0], r[6]) for r in rows] == keys
        for rows in (conn.execute(RAW_SQL, params).fetchall(), raw_page(conn, params))
    )
    result: dict[str, float | bool] = {
        "service": median_ms(lambda: services.follow_ups.worklist(page)),
        "raw": median_ms(lambda: raw_page(conn, params)),
        "raw_one": median_ms(lambda: conn.execute(RAW_SQL, params).fetchall()),
        "capped": median_ms(lambda: services.follow_ups.counts(page, cap=COUNT_CAP)),
        "exact": median_ms(lambda: services.follow_ups.counts(page), runs=1),
        "same": same,
    }
    result.update(gui_figures(services))
    conn.close()
    services.ctx.db.dispose()
    return result


COLUMNS = (
    ("plans", "n", "d"),
    ("page ms", "service", ".1f"),
    ("raw ms", "raw", ".1f"),
    ("ratio", "ratio", ".2f"),
    ("raw 1-stmt ms", "raw_one", ".1f"),
    ("counts ms", "capped", ".1f"),
    ("exact counts ms", "exact", ".1f"),
    ("first rows shown ms", "first_rows", ".1f"),
    ("counts shown ms", "counts_shown", ".1f"),
    ("filter ms", "filter", ".1f"),
    ("longest GUI stall ms", "stall", ".1f"),
    ("same rows", "same", "s"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/sip_bench"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print(" ".join(title for title, _key, _spec in COLUMNS))
    results = {}
    for n in args.sizes:
        r = bench(store(args.dir, n))
        results[n] = r
        ratio = float(r["service"]) / max(float(r["raw"]), 1e-6)
        row = {**r, "n": n, "ratio": ratio, "same": "yes" if r["same"] else "NO"}
        cells = (format(row[key], f">{len(title)}{spec}") for title, key, spec in COLUMNS)
        print(" ".join(cells), flush=True)
    low, high = min(results), max(results)
    if low != high:
        for key, what in (("service", "page query"), ("first_rows", "first rows shown")):
            grow = float(results[high][key]) / float(results[low][key])
            print(f"growth of the {what} from {low} to {high} plans: {grow:.1f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
