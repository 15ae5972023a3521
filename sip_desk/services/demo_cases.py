"""The example cases of DOMAIN.md, built through the real services.

Every case goes through the same service calls a user's edits do, so it is validated and audited
like user input. A case whose person (by identity number) is already stored is skipped, so
loading the demo twice adds nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sip_desk.db.repositories import person_by_identity
from sip_desk.domain.action import ActionData
from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import MeetingStatus, SignatureMethod
from sip_desk.domain.follow_up import MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.context import LOCAL_TZ
from sip_desk.services.demo_case_adult import adult_case
from sip_desk.services.demo_case_family import family_case, protected_case
from sip_desk.services.demo_case_spec import DemoCase
from sip_desk.services.demo_case_youth import youth_case
from sip_desk.services.unit_of_work import Saved

if TYPE_CHECKING:
    from sip_desk.services.registry import Services


@dataclass(frozen=True, kw_only=True)
class DemoLoadResult:
    """What loading the demo cases did.

    Attributes:
        created: ``(case key, plan id)`` for each plan made.
        skipped: keys of cases whose person was already stored.
        signed: plan ids whose first version was signed (empty until signing exists).
    """

    created: tuple[tuple[str, int], ...] = ()
    skipped: tuple[str, ...] = ()
    signed: tuple[int, ...] = ()


def demo_cases(today: date) -> tuple[DemoCase, ...]:
    """The three example cases of DOMAIN.md and a small protected-identity plan."""
    return (adult_case(today), youth_case(today), family_case(today), protected_case(today))


def load_demo_cases(services: Services) -> DemoLoadResult:
    """Store the demo cases that are not stored yet.

    Args:
        services: the services to build through; dates follow ``services.ctx.clock``.

    Returns:
        Which cases were created and which skipped.
    """
    created: list[tuple[str, int]] = []
    skipped: list[str] = []
    for case in demo_cases(services.ctx.clock.today()):
        if _stored(services, case.person.identity_number):
            skipped.append(case.key)
            continue
        created.append((case.key, _CaseBuilder(services, case).build()))
    complete = [plan_id for key, plan_id in created if key != "protected"]
    signed = _sign_demo_versions(services, complete)
    return DemoLoadResult(created=tuple(created), skipped=tuple(skipped), signed=tuple(signed))


def _stored(services: Services, identity_number: str | None) -> bool:
    if not identity_number:
        return False
    with services.ctx.db.read() as session:
        return person_by_identity(session, identity_number) is not None


def _sign_demo_versions(services: Services, plan_ids: Sequence[int]) -> list[int]:
    """Sign the first version of each complete demo plan on paper.

    Each is signed by the person (or the guardians) and every professional present, dated the
    day of the first meeting.

    Returns:
        The ids of the plans signed.
    """
    signing = services.signing
    for plan_id in plan_ids:
        plan = services.plans.get_plan(plan_id)
        signing.sign_version(plan_id, plan.version, _paper_signatures(plan, services))
    if plan_ids:
        _revise_after_signing(services, plan_ids[0])
    return list(plan_ids)


def _revise_after_signing(services: Services, plan_id: int) -> None:
    """Edit one signed demo plan: a draft with changes awaiting the person's approval."""
    plan = services.plans.get_plan(plan_id)
    fields = dataclasses.replace(
        plan.fields,
        what_matters=(plan.fields.what_matters + " Att få träffa mina barn varje vecka.").strip(),
    )
    saved = services.plans.update_fields(plan_id, plan.version, fields)
    services.items.add_goal(
        plan_id, saved.plan.version, GoalData(text="Börja på arbetsträning till våren")
    )


def _paper_signatures(plan: PlanDetail, services: Services) -> list[SignatureDto]:
    held = [m.starts_at for m in plan.meetings if m.status is MeetingStatus.HELD]
    day = min(held).astimezone(LOCAL_TZ).date() if held else services.ctx.clock.today()
    signers = [r.name for r in plan.person.representatives] or [plan.person.full_name]
    signatures = [
        SignatureDto(signer_name=name, is_person=True, method=SignatureMethod.PAPER, signed_on=day)
        for name in signers
    ]
    signatures += [
        SignatureDto(
            signer_name=p.name,
            organisation=p.organisation,
            role=p.role,
            method=SignatureMethod.PAPER,
            signed_on=day,
        )
        for p in plan.participants
        if p.present and not p.is_relative
    ]
    return signatures


class _CaseBuilder:
    """Feeds one :class:`DemoCase` through the services, resolving indexes to stored ids."""

    def __init__(self, services: Services, case: DemoCase) -> None:
        self.s = services
        self.case = case
        self.plan_id = 0
        self.version = 0

    def _track(self, saved: Saved) -> int:
        self.version = saved.plan.version
        assert saved.item_id is not None
        return saved.item_id

    def build(self) -> int:
        case, s = self.case, self.s
        plan = s.plans.create_plan(case.person, case.fields)
        self.plan_id, self.version = plan.id, plan.version
        participants = self._participants()
        for consent in case.consents:
            self._track(s.items.add_consent(self.plan_id, self.version, consent))
        needs = [
            self._track(s.items.add_need(self.plan_id, self.version, NeedData(description=text)))
            for text in case.needs
        ]
        goals = self._goals()
        self._actions(participants, needs, goals)
        self._meetings(participants)
        coordinator = participants[case.coordinator] if case.coordinator is not None else None
        fields = dataclasses.replace(case.fields, coordinator_participant_id=coordinator)
        self.version = s.plans.update_fields(self.plan_id, self.version, fields).plan.version
        if case.activate:
            s.plans.activate(self.plan_id, self.version)
        return self.plan_id

    def _participants(self) -> list[int]:
        add = self.s.items.add_participant
        return [self._track(add(self.plan_id, self.version, p)) for p in self.case.participants]

    def _goals(self) -> list[int]:
        ids: list[int] = []
        for goal in self.case.goals:
            parent = ids[goal.parent] if goal.parent is not None else None
            data = GoalData(text=goal.text, term=goal.term, parent_id=parent)
            ids.append(self._track(self.s.items.add_goal(self.plan_id, self.version, data)))
        return ids

    def _actions(self, participants: list[int], needs: list[int], goals: list[int]) -> None:
        for a in self.case.actions:
            data = ActionData(
                description=a.description,
                need_id=needs[a.need] if a.need is not None else None,
                responsible_principal=a.principal,
                organisation=a.organisation,
                unit=a.unit,
                responsible_participant_id=participants[a.responsible],
                is_other_actor=a.other_actor,
                start_date=a.start,
                end_date=a.end,
                status=a.status,
                goal_ids=tuple(goals[i] for i in a.goals),
            )
            self._track(self.s.items.add_action(self.plan_id, self.version, data))

    def _meetings(self, participants: list[int]) -> None:
        for m in self.case.meetings:
            data = MeetingData(
                kind=m.kind,
                status=m.status,
                starts_at=m.starts_at,
                place=m.place,
                video_link=m.video_link,
                convenor_participant_id=participants[m.convenor]
                if m.convenor is not None
                else None,
                notes=m.notes,
            )
            self._track(self.s.meetings.add_meeting(self.plan_id, self.version, data))
