"""What encryption at rest costs: the same store plain and encrypted with SQLCipher.

Copies the cached store of bench_store.py (10,000 plans by default), encrypts the copy with
``sip-desk store encrypt``'s code, and times on both, through the services, medians of N runs:
- opening the store (``open_services``: key derivation, migration check, quick integrity check);
- the plan list, first page of 200 (``services.plan_list.list_plans``);
- loading one whole plan (``services.plans.get_plan``);
- saving one field (``services.plans.save_field``: BEGIN IMMEDIATE, WAL, synchronous=FULL);
then prints the encrypted / plain ratio.

    python bench/bench_cipher.py                   # 10k plans
    python bench/bench_cipher.py --plans 1k --repeat 30
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bench_store import CACHE, NOW, PAGE, build_store, median_ms, parse_size

from sip_desk.bootstrap import open_services
from sip_desk.db.cipher_convert import encrypt
from sip_desk.domain.audit import UserContext
from sip_desk.domain.plan import PlanQuery
from sip_desk.services.context import Clock
from sip_desk.services.registry import Services

KEY = "bench passphrase of several words"


def _open(path: Path, key: str | None) -> Services:
    user, clock = UserContext(user="bench"), Clock(lambda: NOW)
    return open_services(str(path), user=user, clock=clock, passphrase=key)


def _copies(n: int) -> tuple[Path, Path]:
    source = build_store(n, rebuild=False)
    plain, secret = CACHE / f"cipher_plain_{n}.sqlite", CACHE / f"cipher_encrypted_{n}.sqlite"
    for path in (plain, secret):
        for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            part.unlink(missing_ok=True)
        shutil.copyfile(source, path)
        if Path(f"{source}.key").exists():  # the store's signing key travels with it
            shutil.copyfile(f"{source}.key", f"{path}.key")
    started = time.perf_counter()
    encrypt(secret, KEY, datetime.now())
    print(f"  encrypted a copy of {n:,} plans in {time.perf_counter() - started:.1f} s")
    shutil.rmtree(CACHE / "backups", ignore_errors=True)
    return plain, secret


def _operations(services: Services, plan_id: int) -> dict[str, Callable[[], Any]]:
    held = {"plan": services.plans.get_plan(plan_id), "n": 0}

    def save() -> None:
        plan = held["plan"]
        held["n"] += 1
        value = f"Bench {held['n']}"
        written = services.plans.save_field(plan, "what_matters", value)
        fields = dataclasses.replace(plan.fields, what_matters=value)
        held["plan"] = dataclasses.replace(plan, version=written.version, fields=fields)

    page = PlanQuery(limit=PAGE)
    return {
        "list page 200": lambda: services.plan_list.list_plans(page),
        "load one plan": lambda: services.plans.get_plan(plan_id),
        "save one field": save,
    }


def _open_ms(path: Path, key: str | None, repeat: int) -> float:
    def once() -> None:
        _open(path, key).ctx.db.dispose()

    return median_ms(once, max(3, repeat // 4))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", default="10k", help="store size, e.g. 1k or 10k")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per measurement")
    args = parser.parse_args()
    n = parse_size(args.plans)
    plain, secret = _copies(n)
    results = {"open the store": (_open_ms(plain, None, args.repeat),
                                  _open_ms(secret, KEY, args.repeat))}  # fmt: skip
    stores = {"plain": _open(plain, None), "encrypted": _open(secret, KEY)}
    ops = {kind: _operations(s, n // 2) for kind, s in stores.items()}
    for name in ops["plain"]:
        # Alternate so both see the same machine load; the better of two medians each.
        a = median_ms(ops["plain"][name], args.repeat)
        b = median_ms(ops["encrypted"][name], args.repeat)
        a = min(a, median_ms(ops["plain"][name], args.repeat))
        b = min(b, median_ms(ops["encrypted"][name], args.repeat))
        results[name] = (a, b)
    for s in stores.values():
        s.ctx.db.dispose()
    print(f"{n:,} plans, medians of {args.repeat} runs")
    print(f"{'operation':<18} {'plain ms':>9} {'encrypted ms':>13} {'ratio':>6}")
    for name, (a, b) in results.items():
        print(f"{name:<18} {a:>9.2f} {b:>13.2f} {b / a:>5.2f}x")


if __name__ == "__main__":
    main()
