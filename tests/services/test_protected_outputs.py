"""A person marked protected after their plan was signed: no version, export, invitation or
calendar file shows the address; files printed before still verify; an imported plan's PDF is
found by its hash whichever plan id it names."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from pypdf import PdfReader

from sip_desk.db.engine import Database, make_engine
from sip_desk.db.migrate import prepare_store
from sip_desk.domain.follow_up import MeetingData
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder, person_data
from tests.pdf.pdf_text import normalise, pypdf_text
from tests.services.signing_helpers import person_signature

ADDRESS = "Storgatan 5, 123 45 Björkvik"


@pytest.fixture
def other_services(tmp_path, sqlite_services):
    """A second store with its own key."""
    (tmp_path / "other").mkdir()
    db = Database(make_engine(str(tmp_path / "other" / "sip_desk.sqlite")))
    prepare_store(db)
    ctx = sqlite_services.ctx
    yield Services(ServiceContext(db=db, user=ctx.user, clock=ctx.clock))
    db.dispose()


@pytest.fixture
def protected_later(sqlite_services, clock, tmp_path):
    """Signed with a home visit booked; the person gets a protected identity afterwards."""
    s = sqlite_services
    plan = PlanBuilder(s).complete(address=ADDRESS)
    home = MeetingData(starts_at=clock.now() + timedelta(days=20), place=f"Hembesök, {ADDRESS}")
    saved = s.meetings.add_meeting(plan.id, plan.version, home)
    s.signing.sign_version(plan.id, saved.plan.version, [person_signature(clock.today())])
    s.documents.export_pdf(plan.id, tmp_path / "before.pdf", 1)
    assert "Storgatan 5" in normalise(pypdf_text((tmp_path / "before.pdf").read_bytes()))
    current = s.plans.get_plan(plan.id)
    person = dataclasses.replace(current.person, protected_identity=True)
    s.plans.update_person(plan.id, current.version, person)
    return s.plans.get_plan(plan.id)


def test_protected_after_signing_no_print_of_any_version_shows_the_address(
    sqlite_services, protected_later
) -> None:
    for number in (1, 2):  # the signed version and the draft after it
        for language in ("sv", "en", "ar"):
            pdf = sqlite_services.documents.render(protected_later.id, number, language, False)

            assert "Storgatan 5" not in normalise(pypdf_text(pdf.data)), (number, language)


def test_protected_after_signing_no_export_invitation_or_calendar_shows_the_address(
    sqlite_services, protected_later, tmp_path
) -> None:
    meeting = protected_later.meetings[0]
    pdf, ics = sqlite_services.follow_ups.meetings.write_invitation(
        protected_later.id, meeting.id, tmp_path / "kallelse.pdf"
    )

    outputs = [
        sqlite_services.transfer.export_plan(protected_later.id),
        normalise(pypdf_text(pdf.read_bytes())),
        ics.read_text(encoding="utf-8"),
        sqlite_services.calendar.worklist_calendar().decode("utf-8"),
    ]

    assert all("Storgatan 5" not in output for output in outputs)


def test_protected_after_signing_the_earlier_print_still_verifies(
    sqlite_services, protected_later, tmp_path
) -> None:
    assert sqlite_services.documents.verify_pdf(tmp_path / "before.pdf").ok


def test_imported_version_prints_with_this_stores_plan_id_and_old_prints_are_found(
    sqlite_services, protected_later, other_services, tmp_path
) -> None:
    other_services.plans.create_plan(person_data())  # the plan ids of the two stores differ
    imported = other_services.transfer.import_with_report(
        sqlite_services.transfer.export_plan(protected_later.id)
    ).plan
    assert imported.id != protected_later.id

    pdf = other_services.documents.export_pdf(imported.id, tmp_path / "here.pdf", 1)
    meta = PdfReader(tmp_path / "here.pdf").metadata
    here = other_services.documents.verify_pdf(tmp_path / "here.pdf")
    there = other_services.documents.verify_pdf(tmp_path / "before.pdf")  # the other id inside

    assert meta is not None and str(meta["/SIPDeskPlanId"]) == str(imported.id) == str(pdf.plan_id)
    assert here.version_found and here.plan_id == imported.id
    assert there.version_found and there.plan_id == imported.id and there.stored_hash_ok


def test_protected_export_without_the_home_address_still_imports_as_signed(
    sqlite_services, protected_later, other_services
) -> None:
    text = sqlite_services.transfer.export_plan(protected_later.id)

    imported = other_services.transfer.import_with_report(text).plan

    check = other_services.signing.get_version(imported.id, 1).check
    assert check is not None
    assert check.ok and check.redacted  # the cut snapshot is attested by the key, not the hash
    assert check.key_id == sqlite_services.keys.own().key_id
    assert check.content_hash == protected_later.versions[0].content_hash
    assert [m.place for m in imported.meetings] == ["", "Socialtjänsten, Storgatan 1"]
