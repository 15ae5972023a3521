"""Builders for test plans (fictional people; identity numbers checksum-valid but invented)."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date, timedelta
from typing import Any

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import ConsentForm, ConsentGiver, MeetingKind, PrincipalType
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.goal import GoalData
from sip_desk.domain.identity import make_identity
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services

_made = itertools.count()


def _next_identity() -> str:
    """A new invented identity number: birth serials 100–998 of 12 March 1984, then the next day's
    (a whole test run makes more than the 899 one day has)."""
    made = next(_made)
    return make_identity(date(1984, 3, 12) + timedelta(days=made // 899), 100 + made % 899)


def person_data(**overrides: Any) -> PersonData:
    values: dict[str, Any] = {
        "first_name": "Testa",
        "last_name": "Testsson",
        "identity_number": _next_identity(),
        "phone": "070-000 00 00",
    }
    values.update(overrides)
    return PersonData(**values)


class PlanBuilder:
    """``make_plan()`` gives a bare draft; ``make_plan.complete()`` one that passes the check."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def __call__(self, **person: Any) -> PlanDetail:
        return self.services.plans.create_plan(person_data(**person))

    def complete(self, **person: Any) -> PlanDetail:
        s = self.services
        plan = self(**person)
        clock = s.ctx.clock
        saved = s.items.add(
            "participant",
            plan.id,
            plan.version,
            ParticipantData(
                name="Kim Handläggare",
                organisation="Socialtjänsten Testkommun",
                principal=PrincipalType.KOMMUN,
                role="Socialsekreterare",
                phone="010-100 00 00",
                present=True,
            ),
        )
        kim = saved.item_id
        saved = s.items.add(
            "consent",
            plan.id,
            saved.plan.version,
            InformationConsentData(
                organisation="Socialtjänsten Testkommun",
                principal=PrincipalType.KOMMUN,
                information_shared="Uppgifter om boende",
                valid_from=clock.today(),
                valid_until=clock.today() + timedelta(days=365),
                form=ConsentForm.WRITTEN,
                given_by=ConsentGiver.PERSON,
            ),
        )
        saved = s.items.add(
            "goal", plan.id, saved.plan.version, GoalData(text="Ha ett eget boende")
        )
        goal = saved.item_id
        assert goal is not None
        saved = s.items.add(
            "action",
            plan.id,
            saved.plan.version,
            ActionData(
                description="Boendestöd två gånger i veckan",
                organisation="Socialtjänsten Testkommun",
                responsible_participant_id=kim,
                goal_ids=(goal,),
                start_date=clock.today(),
                end_date=clock.today() + timedelta(days=90),
            ),
        )
        fields = dataclasses.replace(
            saved.plan.fields,
            made_with_person=True,
            plan_consent_given=True,
            plan_consent_date=clock.today(),
            lead_principal=PrincipalType.KOMMUN,
            lead_organisation="Socialtjänsten Testkommun",
            coordinator_participant_id=kim,
        )
        saved = s.plans.update_fields(plan.id, saved.plan.version, fields)
        saved = s.meetings.add_meeting(
            plan.id,
            saved.plan.version,
            MeetingData(
                kind=MeetingKind.FOLLOW_UP,
                starts_at=clock.now() + timedelta(weeks=8),
                place="Socialtjänsten, Storgatan 1",
                convenor_participant_id=kim,
            ),
        )
        return saved.plan
