"""Archivable: plan, invitation and follow-up PDFs are PDF/A-2b, read back with pikepdf and qpdf."""

from __future__ import annotations

import pytest

from sip_desk.domain.enums import MeetingStatus
from sip_desk.domain.plan import PlanDetail
from sip_desk.pdf.render_follow_up import render_follow_up
from sip_desk.pdf.render_invitation import render_invitation
from sip_desk.pdf.render_plan import render_plan
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder
from tests.pdf import rich_plan
from tests.pdf.pdfa_check import assert_archival, info, needs_qpdf, qpdf_check, xmp
from tests.pdf.person_part_check import outline


@pytest.fixture
def demo(sqlite_services: Services) -> Services:
    sqlite_services.demo.load_cases()
    return sqlite_services


def _held_and_booked(demo: Services) -> tuple[PlanDetail, int, int]:
    for summary in demo.plan_list.list_plans():
        plan = demo.plans.get_plan(summary.id)
        held = [m.id for m in plan.meetings if m.status is MeetingStatus.HELD]
        booked = [m.id for m in plan.meetings if m.status is MeetingStatus.BOOKED]
        if held and booked:
            return plan, held[0], booked[0]
    raise AssertionError("no demo plan with a held and a booked meeting")


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_plan_pdf_is_pdfa_2b_with_metadata_output_intent_and_embedded_fonts(
    sqlite_services: Services, language: str
) -> None:
    plan = rich_plan.enrich(sqlite_services, PlanBuilder(sqlite_services).complete())
    doc = rich_plan.document(plan, language, signed=True)

    pdf = render_plan(doc)

    assert_archival(pdf, language)
    meta = xmp(pdf)
    assert meta["xmp:CreateDate"].startswith(doc.printed_on.isoformat())
    assert f"plan {plan.id} version 2 signed" in meta["dc:description"]
    assert meta["dc:creator"] == [plan.fields.lead_organisation]
    assert info(pdf)["/SIPDeskHash"] == "ab12" * 16  # verify's own keys are kept


def test_invitation_and_follow_up_pdfs_are_pdfa_2b(demo: Services) -> None:
    plan, held, booked = _held_and_booked(demo)
    meetings = demo.follow_ups.meetings

    invitation = render_invitation(meetings.invitation_document(plan, booked, language="en"))
    record = render_follow_up(meetings.follow_up_document(plan, held, language="ar"))

    assert_archival(invitation, "en")
    assert_archival(record, "ar")
    assert xmp(invitation)["dc:description"] == f"SIP invitation plan {plan.id}"
    assert xmp(record)["dc:description"] == f"SIP follow-up plan {plan.id}"
    assert outline(record) == [("المتابعة (ملحق)", 0)]  # the follow-up appendix's bookmark


@needs_qpdf
def test_every_demo_pdf_passes_qpdf_check(demo: Services) -> None:
    checked = 0
    for summary in demo.plan_list.list_plans():
        plan = demo.plans.get_plan(summary.id)
        pdfs = [
            demo.documents.render(plan.id, version.number, language).data
            for version in plan.versions
            for language in ("sv", "en", "ar")
        ]
        meetings = demo.follow_ups.meetings
        for meeting in plan.meetings:
            if meeting.status is MeetingStatus.BOOKED:
                pdfs.append(render_invitation(meetings.invitation_document(plan, meeting.id)))
            if meeting.status is MeetingStatus.HELD:
                pdfs.append(render_follow_up(meetings.follow_up_document(plan, meeting.id)))
        for pdf in pdfs:
            result = qpdf_check(pdf)
            assert result.returncode == 0, result.stdout + result.stderr
            assert "No syntax or stream encoding errors" in result.stdout
            checked += 1
    assert checked >= 20
