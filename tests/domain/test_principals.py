"""Completeness per principal: every kommun or region taking part has an effort, or a reason."""

from __future__ import annotations

import dataclasses
from typing import Any

from sip_desk.domain.action import ActionDto
from sip_desk.domain.completeness import check_completeness
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.participant import ParticipantDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import NoEffortReasonDto, taking_part, without_effort
from tests.domain.plan_samples import CREATED, sample_plan

KOMMUN, REGION, OTHER = PrincipalType.KOMMUN, PrincipalType.REGION, PrincipalType.OTHER
SOC = "Socialtjänsten Testkommun"


def _plan(*participants: ParticipantDto, reasons: tuple[NoEffortReasonDto, ...] = ()) -> PlanDetail:
    kim = ParticipantDto(id=21, name="Kim Handläggare", organisation=SOC, principal=KOMMUN)
    action = ActionDto(
        id=51,
        description="Boendestöd",
        responsible_principal=KOMMUN,
        organisation=SOC,
        responsible_participant_id=21,
    )
    return sample_plan(
        participants=(kim, *participants), actions=(action,), no_effort_reasons=reasons
    )


def _bo(**changes: Any) -> ParticipantDto:
    bo = ParticipantDto(
        id=22,
        position=1,
        name="Bo Läkare",
        organisation="Region Skåne",
        principal=REGION,
        unit="Beroendemottagningen",
    )
    return dataclasses.replace(bo, **changes)


def _messages(plan: PlanDetail, lang: str = "sv") -> list[str]:
    return [
        m.message(lang)
        for m in check_completeness(plan, CREATED)
        if m.code == "completeness.principal_effort"
    ]


def test_a_region_taking_part_without_an_effort_is_missing_in_plain_words() -> None:
    plan = _plan(_bo())

    assert _messages(plan) == [
        "Region Skåne (Beroendemottagningen) har ingen insats i planen – lägg till en insats "
        "eller skriv varför."
    ]
    assert _messages(plan, "en") == [
        "Region Skåne (Beroendemottagningen) has no effort in the plan – add an effort or "
        "write why."
    ]
    [item] = [
        m for m in check_completeness(plan, CREATED) if m.code == "completeness.principal_effort"
    ]
    assert item.anchor == "no_effort.region.region skåne"


def test_a_recorded_reason_or_an_effort_of_that_principal_settles_it() -> None:
    reason = NoEffortReasonDto(
        organisation="region skåne",  # names are matched without regard to case
        principal=REGION,
        reason="Behandlingen är avslutad; ingen insats behövs nu.",
        recorded_at=CREATED,
    )
    assert _messages(_plan(_bo(), reasons=(reason,))) == []
    blank = dataclasses.replace(reason, reason="  ")
    assert len(_messages(_plan(_bo(), reasons=(blank,)))) == 1

    plan = _plan(_bo())
    by_name = ActionDto(
        id=52, description="Samtal", responsible_principal=REGION, organisation="Region Skåne"
    )
    assert _messages(dataclasses.replace(plan, actions=(*plan.actions, by_name))) == []
    by_person = ActionDto(
        id=53, description="Samtal", responsible_principal=REGION, responsible_participant_id=22
    )
    assert _messages(dataclasses.replace(plan, actions=(*plan.actions, by_person))) == []
    # the same name as another kind of principal is another organisation
    other_kind = dataclasses.replace(by_name, responsible_principal=KOMMUN)
    assert len(_messages(dataclasses.replace(plan, actions=(*plan.actions, other_kind)))) == 1


def test_relatives_other_actors_and_people_without_an_organisation_are_no_principals() -> None:
    sister = ParticipantDto(id=23, name="Syster", is_relative=True, principal=REGION)
    school = ParticipantDto(id=24, name="Rektor", organisation="Skolan", principal=OTHER)
    nobody = ParticipantDto(id=25, name="Person utan organisation", principal=REGION)
    plan = _plan(sister, school, nobody)

    assert [t.organisation for t in taking_part(plan)] == [SOC]
    assert without_effort(plan) == []
    assert _messages(plan) == []


def test_one_row_per_organisation_with_all_its_units() -> None:
    nurse = _bo(id=26, name="Sara Sjuksköterska", unit="BUP Malmö")
    plan = _plan(_bo(), nurse, _bo(id=27, name="Tredje", organisation="REGION SKÅNE"))

    [region] = without_effort(plan)
    assert region.participant_ids == (22, 26, 27)
    assert region.label == "Region Skåne (Beroendemottagningen, BUP Malmö)"


def test_no_principal_item_while_the_plan_has_no_actions_at_all() -> None:
    plan = dataclasses.replace(_plan(_bo()), actions=())
    codes = [m.code for m in check_completeness(plan, CREATED)]
    assert "completeness.actions" in codes
    assert "completeness.principal_effort" not in codes
