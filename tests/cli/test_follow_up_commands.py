from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from sip_desk import bootstrap
from sip_desk.cli import run
from sip_desk.domain.worklist import WorklistFilter
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans


@pytest.fixture
def store(sqlite_services, sqlite_db, clock, monkeypatch) -> str:
    """A store with two plans; the CLI runs on it with the tests' fixed clock."""
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    alva = plans.action(plans.active(first_name="Alva"), -2, "Försenad insats")
    plans.meeting(alva, 3, place="Vårdcentralen Norr")
    bo = plans.active(first_name="Bo")
    plans.action(bo, 12, "Boendestöd")
    real = bootstrap.open_services
    monkeypatch.setattr(
        bootstrap,
        "open_services",
        lambda target, user=None, clock_=None, **kw: real(target, user=user, clock=clock, **kw),
    )
    return str(sqlite_db.path)


def test_followups_json_matches_the_store(store, sqlite_services, capsys) -> None:
    code = run(["followups", "--db", store, "--json"])

    rows = json.loads(capsys.readouterr().out)
    expected = sqlite_services.follow_ups.worklist(WorklistFilter(limit=None))
    assert code == 0
    assert [(r["kind"], r["plan_id"], r["item_id"], r["due"]) for r in rows] == [
        (i.kind.value, i.plan_id, i.item_id, i.due.isoformat()) for i in expected
    ]
    assert rows[0]["title"] == "Försenad insats"
    assert rows[0]["urgency"] == "overdue"
    assert all("identity" not in r for r in rows)


def test_followups_overdue_table_in_swedish(store, capsys) -> None:
    code = run(["followups", "--db", store, "--overdue", "--lang", "sv"])

    out = capsys.readouterr().out
    assert code == 0
    assert "Försenad insats" in out and "försenad" in out
    assert "Boendestöd" not in out and "Vårdcentralen" not in out
    assert out.strip().endswith("1 försenad")


def test_followups_filters_by_coordinator(store, capsys) -> None:
    run(["followups", "--db", store, "--coordinator", "Ingen Sådan", "--lang", "en"])

    assert capsys.readouterr().out.strip() == "Nothing to follow up."


def test_followups_writes_ics_with_stable_uids(store, tmp_path: Path, capsys) -> None:
    target = tmp_path / "uppfoljningar.ics"

    run(["followups", "--db", store, "--due-within", "7", "--ics", str(target)])
    first = Calendar.from_ical(target.read_bytes())
    run(["followups", "--db", store, "--due-within", "7", "--ics", str(target)])
    second = Calendar.from_ical(target.read_bytes())

    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert len(uids) == 1 and uids[0].startswith("sip-desk-meeting-")
    assert [str(e["LOCATION"]) for e in first.walk("VEVENT")] == ["Vårdcentralen Norr"]
    assert [str(e["UID"]) for e in second.walk("VEVENT")] == uids
    assert "Skrev 1 möte till" in capsys.readouterr().err


def test_followups_refuses_negative_days(store, capsys) -> None:
    code = run(["followups", "--db", store, "--due-within", "-3"])

    assert code == 2
    assert "--due-within ska vara mellan 0 och 3650" in capsys.readouterr().err


def test_followups_ics_names_people_in_full_only_with_full_names(store, tmp_path: Path) -> None:
    target = tmp_path / "kalender.ics"

    run(["followups", "--db", store, "--ics", str(target)])
    (initials,) = [
        str(e["SUMMARY"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    ]
    run(["followups", "--db", store, "--ics", str(target), "--full-names"])
    (full,) = [str(e["SUMMARY"]) for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]

    assert initials.startswith("SIP-uppföljning: A.T. (plan ") and "Alva" not in initials
    assert full == "SIP-uppföljning: Alva Testsson"
