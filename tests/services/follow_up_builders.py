"""Helpers for follow-up tests: plans with actions, meetings and consents at chosen days."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

from sip_desk.domain.action import ActionData
from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import (
    ActionStatus,
    ConsentForm,
    ConsentGiver,
    MeetingKind,
    PrincipalType,
    SignatureMethod,
)
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder


def local(day: date, hour: int = 10) -> datetime:
    """``day`` at ``hour`` in Stockholm, as UTC."""
    return datetime.combine(day, time(hour), LOCAL_TZ).astimezone(UTC)


class FollowUpPlans:
    """Adds things to plans made by :class:`PlanBuilder`; each call returns the stored plan."""

    def __init__(self, services: Services, make_plan: PlanBuilder) -> None:
        self.s = services
        self.make_plan = make_plan

    @property
    def today(self) -> date:
        return self.s.ctx.clock.today()

    def active(self, **person: object) -> PlanDetail:
        plan = self.make_plan.complete(**person)
        return self.s.plans.activate(plan.id, plan.version).plan

    def action(
        self,
        plan: PlanDetail,
        days: int,
        text: str = "Insats",
        responsible: int | None = None,
        organisation: str = "Socialtjänsten Testkommun",
        status: ActionStatus = ActionStatus.PLANNED,
    ) -> PlanDetail:
        data = ActionData(
            description=text,
            organisation=organisation,
            responsible_participant_id=responsible or plan.participants[0].id,
            end_date=self.today + timedelta(days=days),
            status=status,
        )
        return self.s.items.add("action", plan.id, plan.version, data).plan

    def meeting(self, plan: PlanDetail, days: int, place: str = "Storgatan 1") -> PlanDetail:
        data = MeetingData(
            kind=MeetingKind.FOLLOW_UP,
            starts_at=local(self.today + timedelta(days=days)),
            place=place,
            convenor_participant_id=plan.participants[0].id,
        )
        return self.s.meetings.add_meeting(plan.id, plan.version, data).plan

    def consent(
        self, plan: PlanDetail, until_days: int, revoked_days: int | None = None
    ) -> PlanDetail:
        data = InformationConsentData(
            organisation="Beroendemottagningen",
            principal=PrincipalType.REGION,
            valid_from=self.today - timedelta(days=100),
            valid_until=self.today + timedelta(days=until_days),
            form=ConsentForm.WRITTEN,
            given_by=ConsentGiver.PERSON,
            revoked_on=None if revoked_days is None else self.today + timedelta(days=revoked_days),
        )
        return self.s.items.add("consent", plan.id, plan.version, data).plan

    def participant(self, plan: PlanDetail, name: str, organisation: str) -> PlanDetail:
        data = ParticipantData(name=name, organisation=organisation, principal=PrincipalType.REGION)
        return self.s.items.add("participant", plan.id, plan.version, data).plan

    def coordinator(self, plan: PlanDetail, participant_id: int) -> PlanDetail:
        fields = dataclasses.replace(plan.fields, coordinator_participant_id=participant_id)
        return self.s.plans.update_fields(plan.id, plan.version, fields).plan

    def sign(self, plan: PlanDetail) -> PlanDetail:
        signature = SignatureDto(
            signer_name=plan.person.full_name,
            is_person=True,
            method=SignatureMethod.PAPER,
            signed_on=self.today,
        )
        return self.s.signing.sign_version(plan.id, plan.version, [signature])
