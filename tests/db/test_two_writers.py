"""Two programs writing the same SQLite store: no lost update, no "database is locked"."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import TypeAlias

from sip_desk.bootstrap import open_services
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import StaleEditError, StoreError
from sip_desk.domain.goal import GoalData
from tests.builders import person_data

GOALS_EACH = 15
Results: TypeAlias = "multiprocessing.Queue[tuple[str, int, int]]"


def _add_goals(path: str, plan_id: int, who: str, queue: Results) -> None:
    services = open_services(path, user=UserContext(user=who))
    stale = locked = 0
    added = 0
    while added < GOALS_EACH:
        plan = services.plans.get_plan(plan_id)
        try:
            services.items.add_goal(plan.id, plan.version, GoalData(text=f"{who} {added}"))
            added += 1
        except StaleEditError:
            stale += 1  # the other program saved first: reload and try again
        except StoreError:
            locked += 1
    services.ctx.db.dispose()
    queue.put((who, stale, locked))


def test_two_processes_read_modify_write_the_same_plan(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite")
    services = open_services(path, user=UserContext(user="setup"))
    plan = services.plans.create_plan(person_data())
    context = multiprocessing.get_context("spawn")
    queue: Results = context.Queue()
    workers = [
        context.Process(target=_add_goals, args=(path, plan.id, who, queue)) for who in ("a", "b")
    ]

    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    results = [queue.get(timeout=5) for _ in workers]

    assert all(w.exitcode == 0 for w in workers)
    assert [locked for _, _, locked in results] == [0, 0]
    goals = services.plans.get_plan(plan.id).goals
    assert len(goals) == 2 * GOALS_EACH
    assert sorted(g.position for g in goals) == list(range(2 * GOALS_EACH))
    services.ctx.db.dispose()
