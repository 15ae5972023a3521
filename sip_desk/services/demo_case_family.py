"""Demo case 3 (a family after a move to Sweden) and a small plan for a protected person.

Fictional people, places and numbers (phone numbers from the range reserved for fiction).
"""

from __future__ import annotations

from datetime import date

from sip_desk.domain.enums import (
    ActionStatus,
    ConsentForm,
    ConsentGiver,
    GoalTerm,
    PrincipalType,
)
from sip_desk.domain.identity import make_identity
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanFields
from sip_desk.services.demo_case_adult import KOMMUN, REGION
from sip_desk.services.demo_case_spec import (
    DemoAction,
    DemoCase,
    DemoGoal,
    birth_date,
    days,
    first_and_follow_up,
)

_K, _R = PrincipalType.KOMMUN, PrincipalType.REGION

_PARTICIPANTS = (
    ParticipantData(
        name="Eva Strand",
        organisation=REGION,
        principal=_R,
        unit="BVC Centrum",
        role="BVC-sjuksköterska",
        phone="010-174 06 22",
        email="eva.strand@mellansund.example",
        present=True,
        contact_role="Kontakt för Yusufs hälsa",
    ),
    ParticipantData(
        name="Omar Nasser",
        organisation=REGION,
        principal=_R,
        unit="Vårdcentralen Centrum",
        role="Distriktsläkare",
        phone="010-174 06 23",
        email="omar.nasser@mellansund.example",
        present=True,
        contact_role="Fast vårdkontakt",
    ),
    ParticipantData(
        name="Linnea Berg",
        organisation=KOMMUN,
        principal=_K,
        unit="Barn och familj, mottagningen",
        role="Socialsekreterare",
        phone="010-174 06 16",
        email="linnea.berg@bjorkvik.example",
        present=True,
        is_chair=True,
        contact_role="Samordnare",
    ),
    ParticipantData(
        name="Erik Nyberg",
        organisation=KOMMUN,
        principal=_K,
        unit="Ekonomiskt bistånd",
        role="Handläggare ekonomiskt bistånd",
        phone="010-174 06 11",
        email="erik.nyberg@bjorkvik.example",
    ),
)

_NEEDS = (
    "Hälsokontroller och vaccinationer för Yusuf",
    "Bedömning av och stöd vid nedstämdhet efter förlossningen",
    "Stöd med ekonomi och boende efter flytten",
    "Ett socialt nätverk och svenska",
)

_GOALS = (
    DemoGoal(text="Att Yusuf växer och mår bra. – ”أريد أن يكبر يوسف بصحة جيدة”"),
    DemoGoal(text="Att jag mår bättre och orkar med vardagen."),
    DemoGoal(text="Sova minst fem timmar per natt om sex veckor.", term=GoalTerm.SHORT, parent=1),
    DemoGoal(text="Att kunna prata svenska med andra föräldrar."),
)


def _fields(today: date) -> PlanFields:
    return PlanFields(
        reason=(
            "Rania och hennes son Yusuf, fyra månader, flyttade till Björkvik för två månader "
            "sedan. Rania är ensam med Yusuf, sover dåligt och känner sig nedstämd. BVC, "
            "vårdcentralen och socialtjänsten behöver samordna stödet till familjen."
        ),
        meeting_question=(
            "Hur får Rania och Yusuf det stöd de behöver med hälsa, ekonomi och vardag "
            "i den nya kommunen?"
        ),
        requested_by="BVC-sjuksköterskan efter ett hembesök",
        requested_on=days(today, -16),
        lead_principal=_K,
        lead_organisation=KOMMUN,
        made_with_person=True,
        plan_consent_given=True,
        plan_consent_date=days(today, -7),
        plan_consent_form=ConsentForm.ORAL,
        plan_consent_given_by=ConsentGiver.PERSON,
        what_matters=(
            "Att Yusuf är frisk och växer. Att jag kan prata med någon på arabiska. "
            "Att hitta andra mammor att träffa."
        ),
        strengths=(
            "Rania är en omtänksam mamma. Hon är utbildad lärare och lär sig svenska snabbt."
        ),
        person_own_actions=(
            "Gå på BVC-besöken och till öppna förskolan en gång i veckan. Börja på SFI när "
            "Yusuf har fått en förskoleplats."
        ),
        relatives_own_actions="Ranias kusin i Göteborg ringer varje söndag och hälsar på ibland.",
        print_language="ar",
    )


def _consents(today: date) -> tuple[InformationConsentData, ...]:
    return tuple(
        InformationConsentData(
            organisation=org,
            principal=principal,
            information_shared=shared,
            valid_from=days(today, -7),
            valid_until=days(today, 358),
            form=ConsentForm.ORAL,
            given_by_name="Rania Haddad (muntligt, med tolk)",
        )
        for org, principal, shared in (
            (REGION, _R, "Planens innehåll, Yusufs hälsa och Ranias mående"),
            (KOMMUN, _K, "Planens innehåll, familjens ekonomi och boende"),
        )
    )


def _actions(today: date) -> tuple[DemoAction, ...]:
    return (
        DemoAction(
            description="BVC-besök enligt barnhälsovårdens program, med tolk på arabiska",
            principal=_R,
            organisation=REGION,
            unit="BVC Centrum",
            responsible=0,
            need=0,
            goals=(0,),
            start=days(today, -40),
            end=days(today, 180),
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Bedömning av sömn och nedstämdhet, och behandling vid behov",
            principal=_R,
            organisation=REGION,
            unit="Vårdcentralen Centrum",
            responsible=1,
            need=1,
            goals=(1, 2),
            start=days(today, -7),
            end=days(today, 42),
        ),
        DemoAction(
            description="Utreda ekonomiskt bistånd och hjälpa till med ansökan om bostadsbidrag",
            principal=_K,
            organisation=KOMMUN,
            unit="Ekonomiskt bistånd",
            responsible=3,
            need=2,
            goals=(1,),
            start=days(today, -7),
            end=days(today, -1),  # overdue: the decision is not made yet
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Öppna förskolan och föräldragruppen på arabiska på familjecentralen",
            principal=_K,
            organisation=KOMMUN,
            unit="Barn och familj, mottagningen",
            responsible=2,
            need=3,
            goals=(3,),
            start=today,
            end=days(today, 60),
        ),
    )


def family_case(today: date) -> DemoCase:
    """Rania Haddad, 31, and her infant: BVC, primary care, social services; Arabic."""
    first = days(today, -7)
    place = "Familjecentralen Björkvik, Parkgatan 3"
    return DemoCase(
        key="family",
        person=PersonData(
            first_name="Rania",
            last_name="Haddad",
            identity_number=make_identity(birth_date(today, 31, 6, 21), 774),
            phone="070-174 06 50",
            address="Parkgatan 18, 123 47 Björkvik",
            preferred_language="ar",
            interpreter_needed=True,
            interpreter_language="ar",
        ),
        fields=_fields(today),
        participants=_PARTICIPANTS,
        coordinator=2,
        consents=_consents(today),
        needs=_NEEDS,
        goals=_GOALS,
        actions=_actions(today),
        meetings=first_and_follow_up(
            first,
            13,
            place,
            2,
            weeks=8,
            notes=(
                "Tolk på arabiska deltog på plats. Planen lästes upp på arabiska innan "
                "Rania gav sitt samtycke."
            ),
        ),
    )


def protected_case(today: date) -> DemoCase:
    """A small draft for a person with protected identity: the address must never show."""
    return DemoCase(
        key="protected",
        person=PersonData(
            first_name="Linda",
            last_name="Sandberg",
            identity_number=make_identity(birth_date(today, 36, 11, 2), 519),
            address="Lönnvägen 9, 123 48 Björkvik",
            protected_identity=True,
        ),
        fields=PlanFields(
            reason="Behov av samordnat stöd efter en flytt till skyddat boende.",
            requested_by="Socialtjänsten, Vuxenenheten",
            requested_on=days(today, -5),
            lead_principal=_K,
            lead_organisation=KOMMUN,
        ),
        participants=(_PARTICIPANTS[2],),
        coordinator=0,
        needs=("Trygghet och stöd i det nya boendet",),
        goals=(DemoGoal(text="Känna mig trygg där jag bor."),),
        activate=False,
    )
