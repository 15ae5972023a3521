from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from sip_desk.domain.enums import FollowUpDecision, GoalOutcome, InvitationKind, ReviewStatus
from sip_desk.domain.follow_up import ActionEvaluation, FollowUpRecord, GoalEvaluation
from sip_desk.domain.identity import make_identity
from sip_desk.domain.participant import ParticipantData
from sip_desk.pdf.render_follow_up import render_follow_up
from sip_desk.pdf.render_invitation import render_invitation
from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans, local

IDENTITY = make_identity(date(1984, 3, 12), 771)


def _text(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def plan(sqlite_services):
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    plan = plans.active(identity_number=IDENTITY, address="Hemvägen 3, 123 45 Testby")
    fields = dataclasses.replace(
        plan.fields, meeting_question="Hur kan Testa få ett eget boende före sommaren?"
    )
    plan = sqlite_services.plans.update_fields(plan.id, plan.version, fields).plan
    sara = ParticipantData(name="Sara Syster", is_relative=True, invitation=InvitationKind.INVITED)
    return sqlite_services.items.add("participant", plan.id, plan.version, sara).plan


def test_invitation_pdf_names_time_place_question_and_people(sqlite_services, plan) -> None:
    doc = sqlite_services.follow_ups.meetings.invitation_document(plan, plan.meetings[0].id)

    pdf = render_invitation(doc)

    text = _text(pdf)
    assert pdf.startswith(b"%PDF") and len(PdfReader(BytesIO(pdf)).pages) == 1
    assert "Kallelse till uppföljning av SIP" in text
    assert "måndag 2027-01-18" in text and "10:00–11:00" in text
    assert "Socialtjänsten, Storgatan 1" in text
    assert "Hur kan Testa få ett eget boende före sommaren?" in text
    summoned, invited = text.split("Kallade")[1].split("Inbjudna")
    assert "Kim Handläggare" in summoned and "Sara Syster" in invited
    assert "Hemvägen" not in text and IDENTITY not in text


def test_invitation_pdf_is_deterministic_and_english(sqlite_services, plan) -> None:
    service = sqlite_services.follow_ups.meetings
    doc = service.invitation_document(plan, plan.meetings[0].id, language="en")

    first, second = render_invitation(doc), render_invitation(doc)

    assert first == second
    assert "Invitation to a SIP follow-up" in _text(first)


def test_follow_up_pdf_lists_reviews_decision_and_next_version(sqlite_services, plan, clock):
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    plan = plans.sign(plan)
    meeting = plan.meetings[0]
    clock.set(meeting.starts_at + timedelta(hours=2))
    record = FollowUpRecord(
        action_reviews=tuple(
            ActionEvaluation(action_id=a.id, status=ReviewStatus.ONGOING, comment="Fortsätter")
            for a in plan.actions
        ),
        goal_reviews=tuple(
            GoalEvaluation(goal_id=g.id, outcome=GoalOutcome.PARTLY, person_view="Bättre nu")
            for g in plan.goals
        ),
        new_needs="Hjälp med ekonomin",
        decision=FollowUpDecision.REVISE,
        decision_reason="Nytt behov av budgetrådgivning",
        next_starts_at=local(date(2027, 3, 15)),
        next_place="Stadshuset",
    )
    service = sqlite_services.follow_ups.meetings
    records = sqlite_services.follow_ups.records
    started = records.start(plan.id, plan.version, meeting.id).plan
    saved = records.save(plan.id, started.version, meeting.id, record).plan
    result = records.complete(plan.id, saved.version)

    pdf = render_follow_up(service.follow_up_document(result.plan, meeting.id))

    text = _text(pdf)
    assert "Uppföljning av SIP – bilaga" in text
    assert "Boendestöd två gånger i veckan" in text and "Fortsätter" in text
    assert "Bättre nu" in text and "Hjälp med ekonomin" in text
    assert "Nytt behov av budgetrådgivning" in text
    assert "2027-03-15 10:00" in text and "Stadshuset" in text
    assert "version 2" in text
    assert IDENTITY not in text
