"""A demo-like plan whose tables are as full as a real one: many participants with long names,
long organisations and every column filled, actions with dates, consents, goals and needs."""

from __future__ import annotations

from datetime import date

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import (
    ActionStatus,
    GoalTerm,
    InvitationKind,
    PrincipalType,
    RepresentativeKind,
)
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.services.registry import Services

_PEOPLE = (
    (
        "Anna-Karin Lindqvist Håkansson",
        "Socialtjänsten, vuxenenheten i Norrköpings kommun",
        PrincipalType.KOMMUN,
        "Beroende- och boendestöd",
        "Socialsekreterare",
    ),
    (
        "Mohammed Al-Hassan Abdulrahman",
        "Beroendemottagningen, Region Östergötland",
        PrincipalType.REGION,
        "Öppenvården",
        "Sjuksköterska",
    ),
    (
        "Kristina Johansson-Wikström",
        "Försäkringskassan",
        PrincipalType.OTHER,
        "Sjukpenning",
        "Handläggare",
    ),
    (
        "Per-Olof Andersson",
        "Vårdcentralen Kneippen, Region Östergötland",
        PrincipalType.REGION,
        "Allmänmedicin",
        "Distriktsläkare",
    ),
    ("Lena Sundberg", "", PrincipalType.OTHER, "", "Syster"),
    (
        "Emelie Fredriksson Östberg",
        "Arbetsförmedlingen",
        PrincipalType.OTHER,
        "Rusta och matcha",
        "Arbetsförmedlare",
    ),
    (
        "Jonas Bergström",
        "Socialtjänsten, ekonomiskt bistånd",
        PrincipalType.KOMMUN,
        "Försörjningsstöd",
        "Handläggare",
    ),
    (
        "Sara Nyström",
        "Psykiatriska kliniken, Region Östergötland",
        PrincipalType.REGION,
        "Affektiva mottagningen",
        "Kurator",
    ),
)


def add_wide_plan(services: Services) -> int:
    """Store the plan and return its id."""
    plan = services.plans.create_plan(
        PersonData(
            first_name="Maria-Louise",
            last_name="Lindström Karlsson",
            representatives=(
                RepresentativeData(
                    kind=RepresentativeKind.GOD_MAN,
                    name="Bengt-Göran Hellström",
                    phone="070-123 45 67",
                    email="bengt-goran.hellstrom@example.invalid",
                ),
            ),
        )
    )
    ids: list[int] = []

    def add(kind: str, data: object) -> int:
        nonlocal plan
        saved = services.items.add(kind, plan.id, plan.version, data)
        plan = saved.plan
        assert saved.item_id is not None
        return saved.item_id

    for n, (name, org, principal, unit, role) in enumerate(_PEOPLE):
        ids.append(
            add(
                "participant",
                ParticipantData(
                    name=name,
                    organisation=org,
                    principal=principal if org else PrincipalType.OTHER,
                    unit=unit,
                    role=role,
                    phone=f"010-{n}23 45 6{n}",
                    email=f"{name.split()[0].lower()}@example.invalid",
                    invitation=InvitationKind.SUMMONED if org else InvitationKind.INVITED,
                    present=n % 2 == 0,
                    is_relative=not org,
                    is_chair=n == 0,
                    contact_role="Fast vårdkontakt" if n == 1 else "",
                ),
            )
        )
    goal = add("goal", GoalData(text="Ha ett eget boende med förstahandskontrakt inom ett år"))
    add("goal", GoalData(text="Vara drogfri ett år", term=GoalTerm.SHORT, parent_id=goal))
    need = add("need", NeedData(description="Stöd att hitta och behålla en egen bostad"))
    add("need", NeedData(description="Behandling för alkoholberoende i öppenvård"))
    for n, (text, principal, org) in enumerate(
        (
            ("Boendestöd två gånger i veckan med hembesök", PrincipalType.KOMMUN, _PEOPLE[0][1]),
            ("Återfallsprevention i grupp, tolv träffar", PrincipalType.REGION, _PEOPLE[1][1]),
            ("Utreda rätten till sjukpenning och planera återgång", PrincipalType.OTHER, "FK"),
        )
    ):
        add(
            "action",
            ActionData(
                description=text,
                need_id=need,
                responsible_principal=principal,
                organisation=org,
                unit="Öppenvården" if n else "Boendestöd",
                responsible_participant_id=ids[n],
                is_other_actor=principal is PrincipalType.OTHER,
                start_date=date(2026, 12, 1),
                end_date=date(2027, 6, 30),
                status=ActionStatus.ONGOING if n else ActionStatus.PLANNED,
                goal_ids=(goal,),
                cost_responsibility="Kommunen" if n == 0 else "",
            ),
        )
    consents = ((_PEOPLE[1][1], PrincipalType.REGION), (_PEOPLE[2][1], PrincipalType.OTHER))
    for org, principal in consents:
        add(
            "consent",
            InformationConsentData(
                organisation=org,
                principal=principal,
                information_shared="Behandlingsplan, provsvar och närvaro vid behandling",
                information_excluded="Uppgifter om familjen",
                valid_from=date(2026, 11, 23),
                valid_until=date(2027, 11, 23),
                given_by_name="Maria-Louise Lindström Karlsson",
            ),
        )
    return plan.id
