"""Plan list paging: keyset (the app) against OFFSET (the baseline), first page and deep page.

    cd bench && python bench_plan_list.py                 # the cached 100,000-plan store
    python bench_plan_list.py --plans 10k --depth 5000 --repeat 5

Per sort column it times (median of ``--repeat`` runs, ms) the first page of 200 and the page
``--depth`` rows down, read by key (``services.plan_list.plan_page`` after the cursor of row
``depth``) and by OFFSET (the same order as one SQL statement with ``OFFSET depth``), in the same
run, and checks that both return the same plan ids. Also the last page (Ctrl+End, the order
reversed) and a search by a coordinator's name.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_store import PAGE, build_store, parse_size, services_for

from sip_desk.db.queries import plan_page as plan_page_module
from sip_desk.db.queries.plan_list import run
from sip_desk.domain.plan_list import PlanPageQuery, PlanSort
from sip_desk.services.registry import Services


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def offset_page(services: Services, query: PlanPageQuery, offset: int) -> list[int]:
    """The baseline: the same order as one statement with OFFSET (rows with a sort value)."""
    original = plan_page_module.run

    def with_offset(conn: Any, sql: str, params: dict[str, Any]) -> Any:
        return original(conn, sql + f" OFFSET {offset}", params)

    plan_page_module.run = with_offset  # type: ignore[assignment]
    try:
        return [p.id for p in services.plan_list.plan_page(query).rows]
    finally:
        plan_page_module.run = original  # type: ignore[assignment]


def bench_sort(services: Services, sort: PlanSort, depth: int, repeat: int) -> None:
    first = PlanPageQuery(sort=sort, descending=sort is PlanSort.UPDATED, limit=PAGE)
    lead = services.plan_list.plan_page(dataclasses.replace(first, limit=depth))
    valued = sum(1 for c in lead.cursors if c.phase == 0)
    if valued < depth:  # fewer plans have a value here (a booked follow-up): half-way down them
        depth = valued // 2
        lead = services.plan_list.plan_page(dataclasses.replace(first, limit=depth))
    deep = dataclasses.replace(first, after=lead.cursors[-1])
    keyset_ids = [p.id for p in services.plan_list.plan_page(deep).rows]
    assert keyset_ids == offset_page(services, first, depth), f"{sort}: pages differ"
    k1 = median_ms(lambda: services.plan_list.plan_page(first), repeat)
    kd = median_ms(lambda: services.plan_list.plan_page(deep), repeat)
    o1 = median_ms(lambda: offset_page(services, first, 0), repeat)
    od = median_ms(lambda: offset_page(services, first, depth), repeat)
    last = dataclasses.replace(first, backwards=True)
    kl = median_ms(lambda: services.plan_list.plan_page(last), repeat)
    print(
        f"{sort.value:15} @{depth:>6,} keyset first {k1:7.1f}  deep {kd:7.1f}  "
        f"ratio {kd / k1:5.2f}  last {kl:7.1f} | "
        f"OFFSET first {o1:7.1f}  deep {od:7.1f}  ratio {od / o1:6.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", default="100k")
    parser.add_argument("--depth", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cached = build_store(parse_size(args.plans), False)
    path = Path("/tmp/sip_desk_bench") / "plan_list_copy.sqlite"
    shutil.copy(cached, path)  # opening runs the migrations (the list's indexes)
    services = services_for(path)
    print(f"{parse_size(args.plans):,} plans, page {PAGE}, deep = after row {args.depth:,}; ms")
    for sort in PlanSort:
        bench_sort(services, sort, args.depth, args.repeat)
    coordinator = run_name(services)
    query = PlanPageQuery(text=coordinator, limit=PAGE)
    ms = median_ms(lambda: services.plan_list.plan_page(query), args.repeat)
    count = median_ms(lambda: services.plan_list.count_plans(query), args.repeat)
    print(f"search {coordinator!r}: first page {ms:.1f}, count {count:.1f}")
    services.ctx.db.dispose()


def run_name(services: Services) -> str:
    with services.ctx.db.read_connection() as conn:
        rows = run(conn, "SELECT name FROM participants WHERE is_coordinator LIMIT 1", {})
    return str(rows[0][0])


if __name__ == "__main__":
    main()
