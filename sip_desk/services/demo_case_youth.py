"""Demo case 2: a 15-year-old with school absence (DOMAIN.md, example cases).

Fictional people, places and numbers (phone numbers from the range reserved for fiction).
"""

from __future__ import annotations

from datetime import date, timedelta

from sip_desk.domain.enums import (
    ActionStatus,
    ConsentForm,
    ConsentGiver,
    GoalTerm,
    InvitationKind,
    PrincipalType,
    RepresentativeKind,
)
from sip_desk.domain.identity import make_identity
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
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

SCHOOL = "Ekbackaskolan"
_K, _R, _O = PrincipalType.KOMMUN, PrincipalType.REGION, PrincipalType.OTHER
_GUARDIANS = "Petra Nordin och Mattias Nordin"

_PARTICIPANTS = (
    ParticipantData(
        name="Johan Ek",
        organisation=SCHOOL,
        principal=_O,
        role="Rektor",
        phone="010-174 06 40",
        email="johan.ek@ekbacka.example",
        invitation=InvitationKind.INVITED,
        present=True,
    ),
    ParticipantData(
        name="Annika Falk",
        organisation=SCHOOL,
        principal=_O,
        unit="Elevhälsan",
        role="Skolkurator",
        phone="010-174 06 41",
        email="annika.falk@ekbacka.example",
        invitation=InvitationKind.INVITED,
        present=True,
        contact_role="Kontaktperson i skolan",
    ),
    ParticipantData(
        name="Sofia Lind",
        organisation=REGION,
        principal=_R,
        unit="BUP Björkvik",
        role="Psykolog",
        phone="010-174 06 21",
        email="sofia.lind@mellansund.example",
        present=True,
        is_chair=True,
        contact_role="Fast vårdkontakt",
    ),
    ParticipantData(
        name="Peter Hallberg",
        organisation=KOMMUN,
        principal=_K,
        unit="Familjebehandlingen",
        role="Familjebehandlare",
        phone="010-174 06 15",
        email="peter.hallberg@bjorkvik.example",
        present=True,
    ),
    ParticipantData(
        name="Petra Nordin",
        role="Vårdnadshavare (mamma)",
        phone="070-174 06 42",
        present=True,
        is_relative=True,
    ),
    ParticipantData(
        name="Mattias Nordin",
        role="Vårdnadshavare (pappa)",
        phone="070-174 06 43",
        present=True,
        is_relative=True,
    ),
)

_NEEDS = (
    "Anpassad skolgång och stöd att komma tillbaka till skolan",
    "Bedömning och behandling av oro och nedstämdhet",
    "Stöd till familjen kring rutiner och samtal hemma",
)

_GOALS = (
    DemoGoal(text="Jag vill kunna gå till skolan utan att få ont i magen varje morgon."),
    DemoGoal(
        text="Vara i skolan minst tre förmiddagar i veckan fram till uppföljningen.",
        term=GoalTerm.SHORT,
        parent=0,
    ),
    DemoGoal(text="Att det blir mindre bråk hemma på morgnarna."),
)


def _fields(today: date) -> PlanFields:
    return PlanFields(
        reason=(
            "Alva har haft hög frånvaro sedan terminsstarten, omkring 60 procent. Hon har "
            "kontakt med BUP för oro och nedstämdhet, och familjen har familjebehandling. "
            "Skolan, BUP och socialtjänsten behöver samordna sina insatser."
        ),
        meeting_question="Vad behöver Alva för att kunna gå i skolan igen, och vem gör vad?",
        requested_by="Elevhälsan på Ekbackaskolan, med vårdnadshavarnas samtycke",
        requested_on=days(today, -17),
        lead_principal=_R,
        lead_organisation=REGION,
        made_with_person=True,
        plan_consent_given=True,
        plan_consent_date=days(today, -10),
        plan_consent_form=ConsentForm.WRITTEN,
        plan_consent_given_by=ConsentGiver.GUARDIAN,
        what_matters=(
            "Att ingen tvingar mig in i klassrummet när jag har ont i magen. "
            "Att jag får vara med Ida på rasterna."
        ),
        strengths=(
            "Alva tecknar mycket bra och tycker om matte. Hon har en nära vän i klassen "
            "och trivs i små grupper."
        ),
        person_own_actions=(
            "Alva går upp klockan sju på skoldagar och säger till Annika när det känns jobbigt."
        ),
        relatives_own_actions=(
            "Petra och Mattias turas om att följa Alva till skolan de första veckorna och "
            "går på familjesamtalen."
        ),
    )


def _guardians_consent(
    organisation: str, principal: PrincipalType, shared: str, start: date, excluded: str = ""
) -> InformationConsentData:
    return InformationConsentData(
        organisation=organisation,
        principal=principal,
        information_shared=shared,
        information_excluded=excluded,
        valid_from=start,
        valid_until=start + timedelta(days=365),
        given_by=ConsentGiver.GUARDIAN,
        given_by_name=_GUARDIANS,
    )


def _consents(today: date) -> tuple[InformationConsentData, ...]:
    start = days(today, -10)
    return (
        _guardians_consent(
            SCHOOL,
            _O,
            "Närvaro, anpassningar i skolan och planens innehåll",
            start,
            excluded="Uppgifter från BUP:s journal",
        ),
        _guardians_consent(REGION, _R, "Planens innehåll och behandlingens uppläggning", start),
        _guardians_consent(
            KOMMUN, _K, "Planens innehåll och familjebehandlingens uppläggning", start
        ),
        InformationConsentData(
            organisation="Ungdomsmottagningen Björkvik",
            principal=_R,
            information_shared="Planens innehåll",
            valid_from=start,
            valid_until=start + timedelta(days=365),
            form=ConsentForm.ORAL,
            given_by=ConsentGiver.GUARDIAN,
            given_by_name="Petra Nordin",
            revoked_on=days(today, -3),  # Alva did not want it: the worklist warns
        ),
    )


def _actions(today: date) -> tuple[DemoAction, ...]:
    return (
        DemoAction(
            description="Anpassad studiegång: kortare dagar och start i en liten studiegrupp",
            principal=_O,
            organisation=SCHOOL,
            other_actor=True,
            responsible=0,
            need=0,
            goals=(0, 1),
            start=days(today, -10),
            end=days(today, 60),
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Kartlägga frånvaron tillsammans med Alva och vårdnadshavarna",
            principal=_O,
            organisation=SCHOOL,
            unit="Elevhälsan",
            other_actor=True,
            responsible=1,
            need=0,
            goals=(1,),
            start=days(today, -10),
            end=days(today, -2),  # overdue: not started yet
        ),
        DemoAction(
            description="Samtalsbehandling (KBT) för oro, varannan vecka",
            principal=_R,
            organisation=REGION,
            unit="BUP Björkvik",
            responsible=2,
            need=1,
            goals=(0,),
            start=days(today, -30),
            end=days(today, 90),
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Bedöma behovet av en neuropsykiatrisk utredning",
            principal=_R,
            organisation=REGION,
            unit="BUP Björkvik",
            responsible=2,
            need=1,
            start=today,
            end=days(today, 42),
        ),
        DemoAction(
            description="Familjebehandling: samtal hemma en gång i veckan om morgonrutiner",
            principal=_K,
            organisation=KOMMUN,
            unit="Familjebehandlingen",
            responsible=3,
            need=2,
            goals=(2,),
            start=days(today, -7),
            end=days(today, 84),
            status=ActionStatus.ONGOING,
        ),
    )


def youth_case(today: date) -> DemoCase:
    """Alva Nordin, 15: school, BUP, family treatment, both guardians."""
    first = days(today, -10)
    place = "Ekbackaskolan, konferensrummet"
    return DemoCase(
        key="youth",
        person=PersonData(
            first_name="Alva",
            last_name="Nordin",
            identity_number=make_identity(birth_date(today, 15, 9, 2), 462),
            phone="070-174 06 44",
            address="Ekbackavägen 21, 123 46 Björkvik",
            representatives=(
                RepresentativeData(
                    kind=RepresentativeKind.GUARDIAN, name="Petra Nordin", phone="070-174 06 42"
                ),
                RepresentativeData(
                    kind=RepresentativeKind.GUARDIAN, name="Mattias Nordin", phone="070-174 06 43"
                ),
            ),
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
            14,
            place,
            2,
            weeks=6,
            notes=(
                "Alva var med den första halvtimmen och skrev sitt mål själv. "
                "Mattias deltog via video."
            ),
        ),
    )
