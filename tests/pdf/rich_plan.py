"""A complete plan with extra data in several scripts, built through the services."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from sip_desk.domain.action import ActionData
from sip_desk.domain.document import PlanDocument, SignatureDto
from sip_desk.domain.enums import (
    ActionStatus,
    FollowUpDecision,
    GoalOutcome,
    GoalTerm,
    InvitationKind,
    MeetingKind,
    MeetingStatus,
    PrincipalType,
    RepresentativeKind,
    ReviewStatus,
    SignatureMethod,
    VersionState,
)
from sip_desk.domain.follow_up import ActionReviewData, GoalReviewData, MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import ParticipantData
from sip_desk.domain.person import PersonData, PersonDto, RepresentativeData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services

CYRILLIC = "Ђорђе Петровић"
ARABIC = "محمد الأحمد"
TIGRINYA_GOAL = "ናብ ቤት ትምህርቲ ክኸይድ እደሊ"
DARI_MATTERS = "برای من مهم است که خانه داشته باشم"
ADDRESS = "Hemliga vägen 7, 123 45 Testköping"
CHANGES = ("Ett nytt mål: Börja på en kurs i svenska.", "Boendestödet flyttas till onsdagar.")


NO_EFFORT_REASON = "Utredningen väntar tills behandlingen på beroendemottagningen är klar."


def enrich(services: Services, plan: PlanDetail) -> PlanDetail:
    """Add relatives, other actors, a need, sub-goals, reviews and every text field."""
    items, now = services.items, services.ctx.clock.now()
    person = dataclasses.replace(
        plan.person,
        address=ADDRESS,
        representatives=(RepresentativeData(kind=RepresentativeKind.GOD_MAN, name="Gun Godman"),),
    )
    saved = services.plans.update_person(plan.id, plan.version, _person_data(person))
    participants = [
        ParticipantData(
            name=CYRILLIC,
            organisation="Försäkringskassan",
            role="Handläggare sjukpenning",
            phone="010-200 00 00",
            invitation=InvitationKind.INVITED,
            present=True,
        ),
        ParticipantData(name=ARABIC, role="Bror", phone="070-300 00 00", is_relative=True),
        ParticipantData(
            name="Rut Region",
            organisation="Beroendemottagningen Testregion",
            principal=PrincipalType.REGION,
            unit="Öppenvården",
            role="Sjuksköterska",
            phone="010-400 00 00",
            email="rut.region@example.se",
            present=True,
            is_chair=True,
            contact_role="Fast vårdkontakt",
        ),
    ]
    ids = []
    for participant in participants:
        saved = items.add("participant", plan.id, saved.plan.version, participant)
        ids.append(saved.item_id)
    saved = items.add(
        "need", plan.id, saved.plan.version, NeedData(description="Stöd att sköta hemmet")
    )
    need = saved.item_id
    goal = saved.plan.goals[0].id
    saved = items.add(
        "goal",
        plan.id,
        saved.plan.version,
        GoalData(text="Betala hyran i tid varje månad", term=GoalTerm.SHORT, parent_id=goal),
    )
    sub_goal = saved.item_id
    saved = items.add("goal", plan.id, saved.plan.version, GoalData(text=TIGRINYA_GOAL))
    today = services.ctx.clock.today()
    actions = [
        ActionData(
            description="Samtalsbehandling varannan vecka",
            need_id=need,
            responsible_principal=PrincipalType.REGION,
            organisation="Beroendemottagningen Testregion",
            unit="Öppenvården",
            responsible_participant_id=ids[2],
            status=ActionStatus.ONGOING,
            goal_ids=(goal,),
            start_date=today,
            end_date=today + timedelta(days=180),
        ),
        ActionData(
            description="Utreda rätt till sjukpenning",
            responsible_principal=PrincipalType.OTHER,
            organisation="Försäkringskassan",
            responsible_participant_id=ids[0],
            is_other_actor=True,
            goal_ids=(sub_goal or goal,),
            start_date=today,
            end_date=today + timedelta(days=30),
        ),
    ]
    for action in actions:
        saved = items.add("action", plan.id, saved.plan.version, action)
    fields = dataclasses.replace(
        saved.plan.fields,
        reason="Behöver stöd från både kommun och region",
        meeting_question="Hur får Testa ett eget boende?",
        requested_by="Testa själv",
        requested_on=today - timedelta(days=5),
        what_matters="Att ha ett eget hem och träffa min dotter. " + DARI_MATTERS,
        strengths="Envis, bra på att laga mat",
        person_own_actions="Jag går på alla möten på beroendemottagningen.",
        relatives_own_actions=f"{ARABIC} skjutsar till mötena.",
        crisis_warning_signs="Slutar svara i telefon",
        crisis_actions="Ring fast vårdkontakt samma dag",
        crisis_contacts="Rut Region 010-400 00 00, Jourhavande 112",
    )
    saved = services.plans.update_fields(plan.id, saved.plan.version, fields)
    held = MeetingData(
        kind=MeetingKind.FIRST,
        starts_at=now - timedelta(days=1),
        place="Socialtjänsten, rum 3",
        status=MeetingStatus.HELD,
        notes="Alla var med.",
        new_needs="Hjälp med ekonomi",
        decision=FollowUpDecision.CONTINUE,
        decision_reason="Planen fungerar",
        action_reviews=(
            ActionReviewData(action_id=saved.plan.actions[0].id, status=ReviewStatus.ONGOING),
        ),
        goal_reviews=(
            GoalReviewData(
                goal_id=goal, outcome=GoalOutcome.PARTLY, person_view="Det går bättre nu"
            ),
        ),
    )
    saved = services.meetings.add_meeting(plan.id, saved.plan.version, held)
    # psychiatry takes part without an effort, with the reason why
    psychiatry = ParticipantData(
        name="Pia Psykiatri",
        organisation="Psykiatrin Testregion",
        principal=PrincipalType.REGION,
        unit="Allmänpsykiatrin",
        role="Läkare",
    )
    saved = items.add("participant", plan.id, saved.plan.version, psychiatry)
    services.no_effort_reasons.save(
        saved.plan, PrincipalType.REGION, "Psykiatrin Testregion", NO_EFFORT_REASON
    )
    return services.plans.get_plan(plan.id)


def _person_data(person: PersonDto) -> PersonData:
    names = {f.name for f in dataclasses.fields(PersonData)}
    return PersonData(**{n: getattr(person, n) for n in names})


def document(
    plan: PlanDetail,
    language: str = "sv",
    *,
    signed: bool = False,
    signatures: tuple[SignatureDto, ...] = (),
    changes: tuple[str, ...] = (),
) -> PlanDocument:
    """A print of ``plan`` with a fixed print date."""
    return PlanDocument(
        plan=plan,
        language=language,
        version_number=2 if signed else 3,
        version_state=VersionState.SIGNED if signed else VersionState.DRAFT,
        content_hash=("ab12" * 16) if signed else None,
        printed_on=date(2026, 11, 23),
        confidentiality_marking="Sekretess enligt OSL 26 kap. 1 §",
        signatures=signatures,
        changes_since_signed=changes,
    )


def paper_signature(name: str, is_person: bool = False) -> SignatureDto:
    """A participant marked "signed on paper"."""
    return SignatureDto(
        signer_name=name,
        is_person=is_person,
        method=SignatureMethod.PAPER,
        signed_on=date(2026, 11, 22),
    )
