"""Demo case 1: an adult in addiction treatment who needs housing (DOMAIN.md, example cases).

Fictional people, places and numbers (phone numbers from the range reserved for fiction).
"""

from __future__ import annotations

from datetime import date

from sip_desk.domain.enums import (
    ActionStatus,
    ConsentForm,
    ConsentGiver,
    GoalTerm,
    InvitationKind,
    PrincipalType,
)
from sip_desk.domain.identity import make_identity
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanFields
from sip_desk.services.demo_case_spec import (
    DemoAction,
    DemoCase,
    DemoGoal,
    birth_date,
    days,
    first_and_follow_up,
)

KOMMUN = "Björkviks kommun"
REGION = "Region Mellansund"
FK = "Försäkringskassan"
_K, _R, _O = PrincipalType.KOMMUN, PrincipalType.REGION, PrincipalType.OTHER

_PARTICIPANTS = (
    ParticipantData(
        name="Sara Holm",
        organisation=KOMMUN,
        principal=_K,
        unit="Vuxenenheten, missbruk och beroende",
        role="Socialsekreterare",
        phone="010-174 06 10",
        email="sara.holm@bjorkvik.example",
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
        present=True,
    ),
    ParticipantData(
        name="Lena Åkesson",
        organisation=KOMMUN,
        principal=_K,
        unit="Boendestöd",
        role="Boendestödjare",
        phone="010-174 06 14",
        email="lena.akesson@bjorkvik.example",
    ),
    ParticipantData(
        name="Ahmed Karimi",
        organisation=REGION,
        principal=_R,
        unit="Beroendemottagningen Björkvik",
        role="Sjuksköterska, behandlare",
        phone="010-174 06 20",
        email="ahmed.karimi@mellansund.example",
        present=True,
        contact_role="Fast vårdkontakt",
    ),
    ParticipantData(
        name="Karin Sjöberg",
        organisation=FK,
        principal=_O,
        role="Handläggare sjukpenning",
        phone="010-174 06 30",
        invitation=InvitationKind.INVITED,
        present=True,
    ),
    ParticipantData(
        name="Maria Ekström",
        role="Syster",
        phone="070-174 06 13",
        invitation=InvitationKind.INVITED,
        present=True,
        is_relative=True,
    ),
)

_NEEDS = (
    "Eget boende med stöd i vardagen",
    "Fortsatt behandling för alkohol- och narkotikaberoende",
    "Försörjning under sjukskrivningen",
    "En väg tillbaka till arbete",
)

_GOALS = (
    DemoGoal(text="Ha ett eget boende"),
    DemoGoal(text="Vara drogfri ett år"),
    DemoGoal(
        text="Ha skrivit kontrakt på en träningslägenhet inom tre månader",
        term=GoalTerm.SHORT,
        parent=0,
    ),
    DemoGoal(
        text="Gå på alla behandlingssamtal fram till uppföljningen",
        term=GoalTerm.SHORT,
        parent=1,
    ),
)


def _fields(today: date) -> PlanFields:
    return PlanFields(
        reason=(
            "Jonas går i öppenvårdsbehandling på Beroendemottagningen och saknar eget boende. "
            "Han behöver stöd från både kommunen och regionen, och Försäkringskassan betalar "
            "sjukpenning."
        ),
        meeting_question=(
            "Hur samordnar vi behandling, boende och ekonomi så att Jonas kan få ett eget "
            "boende och fortsätta vara drogfri?"
        ),
        requested_by="Jonas själv, tillsammans med sin behandlare på Beroendemottagningen",
        requested_on=days(today, -24),
        lead_principal=_K,
        lead_organisation=KOMMUN,
        made_with_person=True,
        plan_consent_given=True,
        plan_consent_date=days(today, -14),
        plan_consent_form=ConsentForm.WRITTEN,
        plan_consent_given_by=ConsentGiver.PERSON,
        what_matters=(
            "Att få bo själv igen och kunna ha min dotter hos mig på helgerna. "
            "Att man pratar med mig och inte om mig."
        ),
        strengths=(
            "Jonas är envis och har varit drogfri i tre månader. Han är händig och har "
            "arbetat som snickare i många år."
        ),
        person_own_actions=(
            "Gå på alla samtal på mottagningen och lämna prov enligt överenskommelse. "
            "Söka lägenheter hos bostadsförmedlingen varje vecka."
        ),
        relatives_own_actions=(
            "Systern Maria följer med på lägenhetsvisningar och finns som stöd på helgerna."
        ),
        crisis_warning_signs=(
            "Sover dåligt flera nätter i rad, drar sig undan, svarar inte i telefon, "
            "träffar sitt gamla umgänge."
        ),
        crisis_actions=(
            "Jonas ringer Maria eller Beroendemottagningen samma dag. Vid akut abstinens eller "
            "tankar på att skada sig: ring 112 eller sök psykiatrisk akutmottagning."
        ),
        crisis_contacts=(
            "Beroendemottagningen 010-174 06 20 (vardagar 8–16). "
            "Socialjouren 010-174 06 99 (kvällar och helger). Maria Ekström 070-174 06 13."
        ),
    )


def _consents(today: date) -> tuple[InformationConsentData, ...]:
    start, year = days(today, -14), days(today, 351)
    shared = "Planens innehåll, behandlingens uppläggning och boendesituationen"
    return (
        InformationConsentData(
            organisation=KOMMUN,
            principal=_K,
            information_shared=shared + ", ekonomiskt bistånd",
            valid_from=start,
            valid_until=year,
            given_by_name="Jonas Ekström",
        ),
        InformationConsentData(
            organisation=REGION,
            principal=_R,
            information_shared=shared + ", provsvar i sammanfattning",
            information_excluded="Journalanteckningar om tidigare behandlingar",
            valid_from=start,
            valid_until=year,
            given_by_name="Jonas Ekström",
        ),
        InformationConsentData(
            organisation=FK,
            principal=_O,
            information_shared="Arbetsförmåga och planerad behandling",
            information_excluded="Uppgifter om missbruk utöver det som rör arbetsförmågan",
            valid_from=start,
            valid_until=days(today, 21),  # runs out soon: the worklist warns
            given_by_name="Jonas Ekström",
        ),
    )


def _actions(today: date) -> tuple[DemoAction, ...]:
    return (
        DemoAction(
            description="Boendestöd två gånger i veckan: bostadssökande, hushåll och ekonomi",
            principal=_K,
            organisation=KOMMUN,
            unit="Boendestöd",
            responsible=2,
            need=0,
            goals=(0, 2),
            start=days(today, -14),
            end=days(today, 90),
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Ansökan om träningslägenhet hos socialtjänstens bostadsgrupp",
            principal=_K,
            organisation=KOMMUN,
            unit="Vuxenenheten, missbruk och beroende",
            responsible=0,
            need=0,
            goals=(2,),
            start=days(today, -14),
            end=days(today, -3),  # overdue: still ongoing after its end date
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Utredning och beslut om ekonomiskt bistånd till hyra och uppehälle",
            principal=_K,
            organisation=KOMMUN,
            unit="Ekonomiskt bistånd",
            responsible=1,
            need=2,
            goals=(0,),
            start=days(today, -14),
            end=days(today, -7),
            status=ActionStatus.DONE,
        ),
        DemoAction(
            description="Öppenvårdsbehandling: samtal varje vecka och återfallsprevention",
            principal=_R,
            organisation=REGION,
            unit="Beroendemottagningen Björkvik",
            responsible=3,
            need=1,
            goals=(1, 3),
            start=days(today, -90),
            end=days(today, 120),
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Läkemedelsbehandling och provtagning enligt överenskommelse",
            principal=_R,
            organisation=REGION,
            unit="Beroendemottagningen Björkvik",
            responsible=3,
            need=1,
            goals=(1,),
            start=days(today, -90),
            end=days(today, 120),
            status=ActionStatus.ONGOING,
        ),
        DemoAction(
            description="Sjukpenning och avstämningsmöte om arbetsförmåga och arbetsträning",
            principal=_O,
            organisation=FK,
            responsible=4,
            need=3,
            start=days(today, -14),
            end=days(today, 42),
            other_actor=True,
        ),
    )


def adult_case(today: date) -> DemoCase:
    """Jonas Ekström, 42: addiction clinic, social services, Försäkringskassan, his sister."""
    first = days(today, -14)
    place = "Björkviks kommun, Storgatan 12, rum Eken"
    return DemoCase(
        key="adult",
        person=PersonData(
            first_name="Jonas",
            last_name="Ekström",
            identity_number=make_identity(birth_date(today, 42, 3, 14), 238),
            phone="070-174 06 12",
            email="jonas.ekstrom@example.com",
            address="Tallvägen 4 B, 123 45 Björkvik",
        ),
        fields=_fields(today),
        participants=_PARTICIPANTS,
        coordinator=0,
        consents=_consents(today),
        needs=_NEEDS,
        goals=_GOALS,
        actions=_actions(today),
        meetings=first_and_follow_up(
            first,
            10,
            place,
            0,
            weeks=8,
            notes=(
                "Första SIP-mötet. Jonas valde själv att Sara leder mötet. "
                "Försäkringskassan deltog via video."
            ),
            video_link="https://mote.bjorkvik.example/sip-4711",
        ),
    )
