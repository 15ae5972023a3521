"""Plan store benchmark: the services beside raw sqlite3 queries fetching the same rows.

Builds (and caches) SQLite stores of generated plans, then times, per size:
- the plan list, first page of 200 (``services.plan_list.list_plans``), plain and with a search;
- loading one whole plan (``services.plans.get_plan``);
each beside a hand-written sqlite3 query of the same rows, in the same run, medians of N runs.

    python bench/bench_store.py                    # 1k, 10k and 100k plans
    python bench/bench_store.py --sizes 1k,10k --repeat 30
    python bench/bench_store.py --rebuild          # regenerate the cached stores

Targets (issue 2): listing within 2x the raw query, loading a plan within 3x.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench_raw import raw_get_plan, raw_list

from sip_desk.bootstrap import open_services
from sip_desk.domain.audit import UserContext
from sip_desk.domain.plan import PlanQuery
from sip_desk.services.context import Clock
from sip_desk.services.registry import Services

CACHE = Path("/tmp/sip_desk_bench")
SEED = 2026
# A fixed "now" so cached stores and repeated runs see the same follow-ups.
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SEARCH = "lindqvist"
PAGE = 200


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = 1000 if text.endswith("k") else 1
    return int(float(text.rstrip("k")) * factor)


def services_for(path: Path) -> Services:
    return open_services(str(path), user=UserContext(user="bench"), clock=Clock(lambda: NOW))


def build_store(n: int, rebuild: bool) -> Path:
    """The cached store of ``n`` plans, generated when missing (written aside, then renamed)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"plans_{n}_seed{SEED}.sqlite"
    if path.exists() and not rebuild:
        return path
    tmp = path.with_suffix(".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    services = services_for(tmp)
    result = services.demo.generate(n, seed=SEED)
    # No ANALYZE: a user's store has no planner statistics either.
    with services.ctx.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    services.ctx.db.dispose()
    tmp.rename(path)
    rows = sum(result.rows.values())
    print(f"  built {n:,} plans ({rows:,} rows, {result.rows['actions']:,} actions) "
          f"in {result.seconds:.1f} s -> {path}")  # fmt: skip
    return path


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm caches and statement caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def compare(
    name: str, service: Callable[[], Any], raw: Callable[[], Any], repeat: int, target: float
) -> dict[str, Any]:
    # Alternate so both see the same cache state; each gets its own median.
    s_ms = median_ms(service, repeat)
    r_ms = median_ms(raw, repeat)
    s_ms = min(s_ms, median_ms(service, repeat))
    r_ms = min(r_ms, median_ms(raw, repeat))
    ratio = s_ms / r_ms if r_ms else float("inf")
    return {"op": name, "service": s_ms, "raw": r_ms, "ratio": ratio, "target": target}


def check_same_rows(services: Services, conn: sqlite3.Connection, plan_id: int) -> None:
    """The raw queries must return what the services return, or the comparison means nothing."""
    for text in ("", SEARCH):
        got = [p.id for p in services.plan_list.list_plans(PlanQuery(text=text, limit=PAGE))]
        assert got == [r[0] for r in raw_list(conn, NOW, text, PAGE)], f"list differs ({text!r})"
    plan = services.plans.get_plan(plan_id)
    raw = raw_get_plan(conn, plan_id)
    assert len(plan.actions) == len(raw["actions"]) and len(plan.meetings) == len(raw["meetings"])
    assert len(plan.participants) == len(raw["participants"])


def bench_size(n: int, repeat: int, rebuild: bool) -> list[dict[str, Any]]:
    path = build_store(n, rebuild)
    services = services_for(path)
    conn = sqlite3.connect(path)
    plan_id = n // 2
    check_same_rows(services, conn, plan_id)
    plain, search = PlanQuery(limit=PAGE), PlanQuery(text=SEARCH, limit=PAGE)
    results = [
        compare("list page 200", lambda: services.plan_list.list_plans(plain),
                lambda: raw_list(conn, NOW, "", PAGE), repeat, 2.0),
        compare(f"list search {SEARCH!r}", lambda: services.plan_list.list_plans(search),
                lambda: raw_list(conn, NOW, SEARCH, PAGE), repeat, 2.0),
        compare("load one plan", lambda: services.plans.get_plan(plan_id),
                lambda: raw_get_plan(conn, plan_id), repeat, 3.0),
    ]  # fmt: skip
    conn.close()
    services.ctx.db.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,100k", help="comma-separated, e.g. 1k,10k")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per measurement")
    parser.add_argument("--rebuild", action="store_true", help="regenerate cached stores")
    args = parser.parse_args()
    print(f"{'plans':>8}  {'operation':<24} {'service ms':>10} {'raw ms':>8} {'ratio':>6}  target")
    for n in (parse_size(s) for s in args.sizes.split(",")):
        for r in bench_size(n, args.repeat, args.rebuild):
            verdict = "ok" if r["ratio"] <= r["target"] else "MISSED"
            print(f"{n:>8,}  {r['op']:<24} {r['service']:>10.2f} {r['raw']:>8.2f} "
                  f"{r['ratio']:>5.1f}x  <={r['target']:.0f}x {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
