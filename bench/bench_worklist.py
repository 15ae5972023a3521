"""Worklist query time at 1k, 10k and 100k plans, beside a raw sqlite3 query of the same rows.

Usage: python bench/bench_worklist.py [--dir /tmp/sip_bench] [--sizes 1000 10000 100000]

Stores are generated once with the demo generator (``plans_<n>.sqlite`` in ``--dir``) and reused.
For each store it prints the median of several runs of:
- the service's first worklist page (200 rows, urgency order) and its bucket counts;
- one hand-written sqlite3 statement returning the same 200 rows (checked row by row);
- the time until the worklist panel shows its first rows (offscreen Qt).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sip_desk.bootstrap import open_services  # noqa: E402
from sip_desk.domain.worklist import DEFAULT_FIRST_MEETING_DAYS, WorklistFilter  # noqa: E402
from sip_desk.services.context import LOCAL_TZ  # noqa: E402
from sip_desk.services.demo_generator import generate_plans  # noqa: E402
from sip_desk.services.registry import Services  # noqa: E402
from sip_desk.services.worklist_queries import local_midnight  # noqa: E402

PAGE = 200
RUNS = 5

_COORD = (
    "(SELECT c.name FROM participants c WHERE c.plan_id = p.id AND c.is_coordinator = 1 LIMIT 1)"
)
_PLAN = "JOIN plans p ON p.id = {t}.plan_id JOIN persons pe ON pe.id = p.person_id"
_COLS = "p.id AS plan_id, pe.first_name, pe.last_name, p.status, " + _COORD + " AS coordinator"

RAW_SQL = f"""
SELECT * FROM (SELECT 'follow_up_meeting' AS kind, m.id AS item_id,
    date(m.starts_at, :offset) AS due, 0 AS rnk, '' AS w, m.starts_at AS ts, m.id AS tie,
    m.place AS title, cv.name AS responsible, lo.name AS organisation, {_COLS}
  FROM meetings m {_PLAN.format(t="m")}
  LEFT JOIN participants cv ON cv.id = m.convenor_participant_id
  LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
  WHERE m.status = 'booked' AND m.kind = 'follow_up' AND p.status != 'closed'
    AND m.starts_at < :end_ts ORDER BY m.starts_at, m.id LIMIT :page)
UNION ALL SELECT * FROM (SELECT 'action', a.id, a.end_date, 2, '', '', a.id, a.description,
    r.name, o.name, {_COLS}
  FROM actions a {_PLAN.format(t="a")}
  LEFT JOIN participants r ON r.id = a.responsible_participant_id
  LEFT JOIN organisations o ON o.id = a.organisation_id
  WHERE a.status = 'planned' AND a.end_date IS NOT NULL AND a.end_date < :end_date
    AND p.status != 'closed' ORDER BY a.end_date, a.id LIMIT :page)
UNION ALL SELECT * FROM (SELECT 'action', a.id, a.end_date, 2, '', '', a.id, a.description,
    r.name, o.name, {_COLS}
  FROM actions a {_PLAN.format(t="a")}
  LEFT JOIN participants r ON r.id = a.responsible_participant_id
  LEFT JOIN organisations o ON o.id = a.organisation_id
  WHERE a.status = 'ongoing' AND a.end_date IS NOT NULL AND a.end_date < :end_date
    AND p.status != 'closed' ORDER BY a.end_date, a.id LIMIT :page)
UNION ALL SELECT * FROM (SELECT 'consent_expiring', ic.id, ic.valid_until, 1, 'consent_expiring',
    '', ic.id, o.name, '', o.name, {_COLS}
  FROM information_consents ic {_PLAN.format(t="ic")}
  JOIN organisations o ON o.id = ic.organisation_id
  WHERE ic.valid_until >= :today AND ic.revoked_on IS NULL AND ic.valid_until < :end_date
    AND p.status != 'closed' ORDER BY ic.valid_until, ic.id LIMIT :page)
UNION ALL SELECT * FROM (SELECT 'consent_revoked', ic.id, ic.revoked_on, 1, 'consent_revoked',
    '', ic.id, o.name, '', o.name, {_COLS}
  FROM information_consents ic {_PLAN.format(t="ic")}
  JOIN organisations o ON o.id = ic.organisation_id
  WHERE ic.revoked_on IS NOT NULL AND ic.revoked_on < :end_date AND p.status != 'closed'
  ORDER BY ic.revoked_on, ic.id LIMIT :page)
UNION ALL SELECT * FROM (SELECT 'no_follow_up', NULL, :today, 1, 'no_follow_up', '', p.id, '',
    '', lo.name, {_COLS}
  FROM plans p JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
  WHERE p.status = 'active' AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.plan_id = p.id
    AND m.kind = 'follow_up' AND m.status = 'booked') ORDER BY p.id LIMIT :page)
UNION ALL SELECT * FROM (SELECT 'no_first_meeting', NULL, date(p.requested_on, :limit_days), 1,
    'no_first_meeting', '', p.id, '', '', lo.name, {_COLS}
  FROM plans p JOIN persons pe ON pe.id = p.person_id
  LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
  WHERE p.requested_on IS NOT NULL AND p.status != 'closed' AND p.requested_on < :first_end
    AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.plan_id = p.id AND m.kind = 'first'
      AND m.status != 'cancelled') ORDER BY p.requested_on, p.id LIMIT :page)
ORDER BY due, rnk, w, ts, tie LIMIT :page
"""


def raw_params(today_utc: datetime) -> dict[str, object]:
    today = today_utc.astimezone(LOCAL_TZ).date()
    end = today + timedelta(days=31)
    offset = today_utc.astimezone(LOCAL_TZ).utcoffset() or timedelta()
    end_ts = local_midnight(end).replace(tzinfo=None).isoformat(sep=" ")
    return {
        "today": today.isoformat(),
        "end_date": end.isoformat(),
        "end_ts": end_ts,
        "first_end": (end - timedelta(days=DEFAULT_FIRST_MEETING_DAYS)).isoformat(),
        "limit_days": f"+{DEFAULT_FIRST_MEETING_DAYS} days",
        "offset": f"+{int(offset.total_seconds() // 3600)} hours",
        "page": PAGE,
    }


def median_ms(fn: Callable[[], object]) -> float:
    fn()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_rows_ms(services: Services) -> float:
    from PySide6.QtWidgets import QApplication

    from sip_desk.ui.events import AppEvents
    from sip_desk.ui.worklist.worklist_panel import WorklistPanel

    app = QApplication.instance() or QApplication([])
    times = []
    for _ in range(3):
        start = time.perf_counter()
        panel = WorklistPanel(services, AppEvents(), "sv")
        panel.show()
        app.processEvents()
        assert panel.model.rowCount() > 0
        times.append((time.perf_counter() - start) * 1000)
        panel.close()
        panel.deleteLater()
        app.processEvents()
    return statistics.median(times)


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
    raw_rows = conn.execute(RAW_SQL, params).fetchall()
    same = [(r[0], r[6]) for r in raw_rows] == [
        ((i.warning or i.kind).value, i.item_id or i.plan_id) for i in items
    ]
    result: dict[str, float | bool] = {
        "service": median_ms(lambda: services.follow_ups.worklist(page)),
        "raw": median_ms(lambda: conn.execute(RAW_SQL, params).fetchall()),
        "counts": median_ms(lambda: services.follow_ups.counts(page)),
        "first_rows": first_rows_ms(services),
        "same": same,
    }
    conn.close()
    services.ctx.db.dispose()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/sip_bench"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    print(
        f"{'plans':>7} {'page (ms)':>10} {'raw (ms)':>9} {'ratio':>6} {'counts (ms)':>12}"
        f" {'first rows shown (ms)':>22} {'same rows':>10}"
    )
    results = {}
    for n in args.sizes:
        r = bench(store(args.dir, n))
        results[n] = r
        ratio = float(r["service"]) / max(float(r["raw"]), 1e-6)
        print(
            f"{n:>7} {r['service']:>10.1f} {r['raw']:>9.1f} {ratio:>6.2f} {r['counts']:>12.1f}"
            f" {r['first_rows']:>22.1f} {'yes' if r['same'] else 'NO':>10}",
            flush=True,
        )
    low, high = min(results), max(results)
    if low != high:
        grow = float(results[high]["service"]) / float(results[low]["service"])
        print(f"growth of the page query from {low} to {high} plans: {grow:.1f}x")


if __name__ == "__main__":
    main()
