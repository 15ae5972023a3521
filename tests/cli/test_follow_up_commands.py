from __future__ import annotations

import dataclasses
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


def test_followups_ics_carries_no_free_text_or_names_by_default(
    store, sqlite_services, tmp_path: Path
) -> None:
    """The tester's case: the meeting question, convenor and link leaked into DESCRIPTION."""
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    plan = plans.active(first_name="Jonas", last_name="Ek")
    question = "Hur ska vi ordna så att Jonas kan få ett eget boende och vara drogfri?"
    fields = dataclasses.replace(plan.fields, meeting_question=question)
    plan = sqlite_services.plans.update_fields(plan.id, plan.version, fields).plan
    plans.meeting(plan, 4, place="Vårdcentralen Norr")
    target = tmp_path / "c.ics"

    run(["followups", "--db", store, "--due-within", "90", "--ics", str(target)])
    default = target.read_text(encoding="utf-8")
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    event = next(e for e in events if f"(plan {plan.id})" in str(e["SUMMARY"]))
    run(["followups", "--db", store, "--due-within", "90", "--ics", str(target), "--full-names"])
    full = target.read_text(encoding="utf-8").replace("\r\n ", "")

    assert str(event["SUMMARY"]) == f"SIP-uppföljning: J.E. (plan {plan.id})"
    for secret in ("eget boende", "drogfri", "Jonas", "Alva", "Kim Handläggare"):
        assert secret not in default.replace("\r\n ", "")
    assert str(event["DESCRIPTION"]) == f"Plan {plan.id}"
    assert str(event["LOCATION"]) == "Vårdcentralen Norr"  # a coordinator must find the place
    assert "eget boende" in full and "Kim Handläggare" in full


def test_followups_ics_of_a_protected_person_is_kind_and_plan_only(
    sqlite_services, store, tmp_path: Path
) -> None:
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    hidden = plans.active(first_name="Hemlig", last_name="Person", protected_identity=True)
    fields = dataclasses.replace(hidden.fields, meeting_question="Flytten till Kiruna")
    hidden = sqlite_services.plans.update_fields(hidden.id, hidden.version, fields).plan
    plans.meeting(hidden, 4, place="Kirunavägen 3")
    target = tmp_path / "c5.ics"

    run(["followups", "--db", store, "--due-within", "90", "--ics", str(target), "--full-names"])

    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    event = next(e for e in events if f"plan {hidden.id})" in str(e["SUMMARY"]))
    assert str(event["SUMMARY"]) == f"SIP-uppföljning (plan {hidden.id})"
    assert str(event["DESCRIPTION"]) == f"Plan {hidden.id}"
    assert "Hemlig" not in target.read_text(encoding="utf-8").replace("\r\n ", "")
    for one in (e for e in events if f"plan {hidden.id})" in str(e["SUMMARY"])):
        data = one.to_ical().decode().replace("\r\n ", "")
        for secret in ("H.P.", "Kiruna", "Storgatan", "Kim Handläggare", "ATTENDEE", "URL"):
            assert secret not in data
