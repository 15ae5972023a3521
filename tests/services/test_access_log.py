"""Every read of a person's data through the services the GUI calls writes its access-log row."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from sip_desk.db.access_log import read_entries
from sip_desk.domain.access import AccessEntryDto, AccessKind, AccessQuery
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.identity import make_identity
from sip_desk.domain.plan_list import PlanPageQuery
from sip_desk.domain.worklist import WorklistFilter
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder, person_data
from tests.conftest import MutableClock
from tests.services.follow_up_builders import FollowUpPlans


def _rows(services: Services) -> list[AccessEntryDto]:
    with services.ctx.db.read_connection() as conn:
        return read_entries(conn, AccessQuery(limit=None))


def _kinds(services: Services) -> list[tuple[AccessKind | str, int | None, int | None]]:
    return [(r.kind, r.plan_id, r.person_id) for r in _rows(services)]


def test_opening_a_plan_logs_who_opened_which_person_from_the_gui(
    services: Services, make_plan: PlanBuilder
) -> None:
    plan = make_plan(first_name="Åsa", last_name="Öberg")

    services.plans.open_plan(plan.id)

    (row,) = _rows(services)
    assert (row.kind, row.plan_id, row.person_id) == (AccessKind.OPEN, plan.id, plan.person.id)
    assert (row.user, row.unit, row.program) == ("anna.test", "Socialtjänsten Vuxenenheten", "gui")
    assert row.at == services.clock.now()
    assert row.person == f"Åsa Öberg {plan.person.identity_number}"


def test_plan_list_logs_each_person_shown_once_per_quarter_hour(
    services: Services, make_plan: PlanBuilder, clock: MutableClock
) -> None:
    alva, bo = make_plan(first_name="Alva"), make_plan(first_name="Bo")

    services.plan_list.plan_page(PlanPageQuery())
    services.plan_list.plan_page(PlanPageQuery())  # scrolled back: nothing new to say
    services.plan_list.plan_page(PlanPageQuery(text="Alva"))
    clock.set(clock.current + timedelta(minutes=15))
    services.plan_list.list_plans()

    listed = {(alva.id, alva.person.id), (bo.id, bo.person.id)}
    kinds = _kinds(services)
    assert {(p, q) for k, p, q in kinds[:2] if k is AccessKind.LIST} == listed
    assert kinds[2] == (AccessKind.SEARCH, alva.id, alva.person.id)
    assert {(p, q) for k, p, q in kinds[3:] if k is AccessKind.LIST} == listed
    assert len(kinds) == 5


def test_check_export_import_and_preview_are_logged(
    services: Services, make_plan: PlanBuilder
) -> None:
    plan = make_plan.complete()
    person = plan.person.id

    services.plans.check(plan.id)
    text = services.transfer.export_plan(plan.id)
    services.transfer.preview_import(text)
    pdf = services.documents.preview(plan.id)
    services.documents.record_output(pdf, AuditAction.PRINT)

    assert _kinds(services) == [
        (AccessKind.CHECK, plan.id, person),
        (AccessKind.EXPORT, plan.id, person),
        (AccessKind.IMPORT, None, person),
        (AccessKind.PREVIEW, plan.id, person),
        (AccessKind.PRINT, plan.id, person),
    ]


def test_import_logs_the_new_plan_and_pdf_export_names_the_file(
    services: Services, make_plan: PlanBuilder, tmp_path: Path
) -> None:
    plan = make_plan.complete()
    text = services.transfer.export_plan(plan.id)

    imported = services.transfer.import_with_report(text, as_new=True).plan
    services.documents.export_pdf(plan.id, tmp_path / "plan.pdf", seal=False)

    rows = _rows(services)
    assert (rows[1].kind, rows[1].plan_id, rows[1].detail) == (
        AccessKind.IMPORT,
        imported.id,
        "json",
    )
    assert (rows[2].kind, rows[2].detail) == (AccessKind.EXPORT, f"pdf {tmp_path / 'plan.pdf'}")


def test_worklist_calendar_and_invitation_are_logged(
    services: Services, make_plan: PlanBuilder, tmp_path: Path
) -> None:
    plans = FollowUpPlans(services, make_plan)
    alva = plans.meeting(plans.active(first_name="Alva"), 3)
    plans.action(alva, -2, "Försenad insats")

    services.follow_ups.worklist(WorklistFilter(limit=None))
    services.calendar.worklist_calendar(WorklistFilter(limit=None))
    services.follow_ups.meetings.write_invitation(alva.id, alva.meetings[0].id, tmp_path / "k.pdf")

    who = (alva.id, alva.person.id)
    assert _kinds(services) == [
        (AccessKind.WORKLIST, *who),  # one row for the person, however many rows they have
        (AccessKind.CALENDAR, *who),
        (AccessKind.PRINT, *who),
        (AccessKind.CALENDAR, *who),
    ]


def test_review_filters_by_person_user_and_day_and_is_itself_logged(
    services: Services, make_plan: PlanBuilder, clock: MutableClock
) -> None:
    alva, bo = make_plan(first_name="Alva"), make_plan(first_name="Bo")
    services.plans.open_plan(alva.id)
    clock.set(clock.current + timedelta(days=2))
    services.plans.open_plan(bo.id)
    audit = services.audit

    by_person = audit.review_access(AccessQuery(identity_number=bo.person.identity_number or ""))
    day = clock.today()
    today = audit.review_access(AccessQuery(since=day, until=day))
    earlier = audit.review_access(AccessQuery(until=day - timedelta(days=1)))
    nobody = audit.review_access(AccessQuery(user="someone.else"))

    assert [(r.kind, r.plan_id) for r in by_person] == [(AccessKind.OPEN, bo.id)]
    assert [r.kind for r in today] == [
        AccessKind.OPEN,
        AccessKind.LOG_REVIEW,
        AccessKind.LOG_REVIEW,
    ]
    assert [r.plan_id for r in earlier] == [alva.id]
    assert nobody == []
    reviews = [r for r in _rows(services) if r.kind is AccessKind.LOG_REVIEW]
    assert [r.detail for r in reviews] == [
        f"person={bo.person.identity_number}",
        f"since={day} until={day}",
        f"until={day - timedelta(days=1)}",
        "user=someone.else",
    ]
    assert audit.check_chains().intact
    assert isinstance(day, date)


def test_the_plan_list_waits_for_a_busy_store_to_log_its_rows(
    sqlite_db, sqlite_services: Services
) -> None:
    # Given another program holding the write lock for longer than one attempt waits (100 ms)
    plan = sqlite_services.plans.create_plan(person_data(first_name="Alva"))
    assert sqlite_db.path is not None
    holder = sqlite3.connect(sqlite_db.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.4, lambda: holder.execute("ROLLBACK")).start()
    try:
        # When the list is shown, it waits (as every write does) and logs the person shown
        page = sqlite_services.plan_list.plan_page(PlanPageQuery())
    finally:
        time.sleep(0.5)
        holder.close()

    assert [r.id for r in page.rows] == [plan.id]
    assert _kinds(sqlite_services) == [(AccessKind.LIST, plan.id, plan.person.id)]


def test_looking_a_person_up_by_identity_number_is_logged(
    services: Services, make_plan: PlanBuilder
) -> None:
    alva, bo = make_plan(first_name="Alva"), make_plan(first_name="Bo")

    services.plans.find_person(alva.person.identity_number or "")
    services.plans.find_person(bo.person.identity_number or "")
    services.plans.find_person(make_identity(date(1950, 1, 1), 5))  # nobody: nothing logged

    assert [(r.kind, r.person_id, r.detail) for r in _rows(services)] == [
        (AccessKind.SEARCH, alva.person.id, "identity number"),
        (AccessKind.SEARCH, bo.person.id, "identity number"),
    ]
