"""``sip-desk retention``: the plans due for deletion, and deleting them only when confirmed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sip_desk.bootstrap import open_services
from sip_desk.cli import run
from sip_desk.db.models import AuditEntry
from sip_desk.domain.enums import AuditAction
from sip_desk.services.registry import Services
from tests.builders import person_data
from tests.conftest import MutableClock


def _closed(services: Services, first: str, last: str) -> int:
    plan = services.plans.create_plan(person_data(first_name=first, last_name=last))
    return services.plans.close(plan.id, plan.version, "Klart").plan.id


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """Two plans closed six years ago, one closed a year ago, one open."""
    path = tmp_path / "sip_desk.sqlite"
    clock = MutableClock(datetime.now(UTC) - timedelta(days=6 * 365))
    services = open_services(str(path), clock=clock)
    ids = {"old": _closed(services, "Olle", "Gammalsson"), "older": _closed(services, "Ada", "Ek")}
    clock.set(datetime.now(UTC) - timedelta(days=365))
    ids["recent"] = _closed(services, "Nina", "Nyberg")
    ids["open"] = services.plans.create_plan(person_data(first_name="Öppen")).id
    services.ctx.db.dispose()
    return path, ids


def _run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["--db", str(path), "--lang", "en", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_retention_lists_only_plans_closed_more_than_five_years_ago(store, capsys) -> None:
    path, ids = store
    code, out, err = _run(path, capsys, "retention", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [(r["plan_id"], r["person"]) for r in listed] == [
        (ids["old"], "Olle Gammalsson"),
        (ids["older"], "Ada Ek"),
    ]

    code, out, _ = _run(path, capsys, "retention")
    assert out.splitlines()[0].split() == [
        "Plan",
        "Person",
        "Closed",
        "Last",
        "entry",
        "Due",
        "for",
        "deletion",
    ]
    assert out.splitlines()[-1] == "2 plans due for deletion (retention period 5 years)."


def test_retention_delete_without_confirmation_deletes_nothing(store, capsys) -> None:
    path, ids = store
    code, out, err = _run(path, capsys, "retention", "--delete", str(ids["old"]))
    assert code == 2
    assert "Nothing was deleted: deleting needs a confirmation" in err
    code, out, _ = _run(path, capsys, "retention", "--json")
    assert len(json.loads(out)) == 2


def test_retention_delete_with_yes_deletes_those_plans_and_logs_no_names(store, capsys) -> None:
    path, ids = store
    code, out, err = _run(path, capsys, "retention", "--delete", str(ids["old"]), "--yes")
    assert (code, err) == (0, "")
    assert out.startswith("Deleted 1 plans. They remain in the backups until those rotate out")
    code, out, _ = _run(path, capsys, "retention", "--json")
    assert [r["plan_id"] for r in json.loads(out)] == [ids["older"]]
    services = open_services(str(path))
    with services.ctx.db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE)).all()
    services.ctx.db.dispose()
    assert [(r.plan_id, r.field, r.person_id) for r in rows] == [(ids["old"], "retention", None)]
    assert "Olle" not in repr(vars(rows[0])) and "Gammalsson" not in repr(vars(rows[0]))


def test_retention_refuses_a_plan_that_is_not_due(store, capsys) -> None:
    path, ids = store
    code, _, err = _run(path, capsys, "retention", "--delete", str(ids["recent"]), "--yes")
    assert code == 2
    assert f"Plan {ids['recent']} is not due for deletion" in err
    code, _, err = _run(
        path, capsys, "--lang", "sv", "retention", "--delete", str(ids["open"]), "--yes"
    )
    assert f"Plan {ids['open']} ska inte gallras" in err


def test_retention_all_yes_deletes_every_due_plan_and_keeps_the_others(store, capsys) -> None:
    path, ids = store
    code, out, _ = _run(path, capsys, "retention", "--all", "--yes")
    assert (code, out.split(".")[0]) == (0, "Deleted 2 plans")
    code, out, _ = _run(path, capsys, "list", "--json")
    assert sorted(r["id"] for r in json.loads(out)) == [ids["recent"], ids["open"]]
    code, out, _ = _run(path, capsys, "retention")
    assert out.strip() == "No plans are due for deletion (retention period 5 years)."


def test_retention_years_sets_the_period(store, capsys) -> None:
    path, ids = store
    code, out, _ = _run(path, capsys, "retention", "--years", "1", "--json")
    assert code == 0
    assert out.splitlines()[0] == "Retention period set to 1 years."
    code, out, _ = _run(path, capsys, "retention", "--json")
    assert [r["plan_id"] for r in json.loads(out)] == [ids["old"], ids["older"], ids["recent"]]
    code, _, err = _run(path, capsys, "retention", "--years", "0")
    assert code == 2 and "whole number of years from 1 to 100" in err
