"""Translations made at the meeting in the plan JSON: exported, imported, signed with the plan."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sip_desk.domain.errors import ImportFormatError, ValidationErrors
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.translation import TranslationDto, translated
from sip_desk.services.registry import Services
from tests.services.test_plan_json import plan_ids
from tests.services.test_signing import _sign


def _translated(services: Services, make_plan: Any) -> PlanDetail:
    plan: PlanDetail = make_plan.complete()
    services.plans.save_field(plan, "what_matters", "Mitt hem")
    plan = services.plans.get_plan(plan.id)
    for language, field, item_id, text in (
        ("ar", "what_matters", None, "أن أسكن في بيتي"),
        ("ar", "goal", plan.goals[0].id, "أن يكون لي بيت"),
        ("ar", "action", plan.actions[0].id, "دعم في البيت"),
        ("ti", "goal", plan.goals[0].id, "ገዛ ክህልወኒ"),
    ):
        item = TranslationDto(language=language, field=field, item_id=item_id, text=text)
        plan = services.translations.save(plan, item).plan
    return plan


def test_translations_are_exported_by_ref_and_imported_onto_the_new_goals_and_actions(
    services: Services, make_plan
) -> None:
    plan = _translated(services, make_plan)
    first = services.transfer.export_plan(plan.id)

    imported = services.transfer.import_with_report(first).plan

    assert json.loads(first)["plan"]["translations"][:2] == [
        {"language": "ar", "field": "action", "ref": "action-1", "text": "دعم في البيت"},
        {"language": "ar", "field": "goal", "ref": "goal-1", "text": "أن يكون لي بيت"},
    ]
    arabic = translated(imported, "ar")
    assert arabic.goals[0].text == "أن يكون لي بيت" and imported.goals[0].id != plan.goals[0].id
    assert arabic.actions[0].description == "دعم في البيت"
    assert arabic.fields.what_matters == "أن أسكن في بيتي"
    assert translated(imported, "ti").goals[0].text == "ገዛ ክህልወኒ"
    second = services.transfer.export_plan(imported.id)
    assert json.loads(second)["plan"] == json.loads(first)["plan"]


def test_a_plan_without_translations_exports_no_translations_key(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()

    assert "translations" not in json.loads(services.transfer.export_plan(plan.id))["plan"]


def test_a_signed_version_keeps_its_translations_through_export_and_import(
    services: Services, make_plan
) -> None:
    plan = _translated(services, make_plan)
    _sign(services, plan)

    exported = services.transfer.export_plan(plan.id)
    imported = services.transfer.import_with_report(exported, as_new=True).plan

    signed = services.signing.get_version(imported.id, 1)
    assert signed.check is not None and signed.check.ok
    assert translated(signed.plan, "ar").goals[0].text == "أن يكون لي بيت"


def _broken(services: Services, make_plan: Any, change: Any) -> str:
    doc = json.loads(services.transfer.export_plan(_translated(services, make_plan).id))
    change(doc["plan"]["translations"])
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("change", "error", "expected"),
    [
        (lambda t: t[0].update(ref="action-9"), ValidationErrors, "translations[0].ref"),
        (lambda t: t.append(dict(t[0])), ValidationErrors, "översatt två gånger"),
        (lambda t: t[0].update(language="sv"), ImportFormatError, "translations[0].language"),
        (lambda t: t[2].update(ref="goal-1"), ImportFormatError, "translations[2].ref"),
        (lambda t: t[2].update(field="reason"), ImportFormatError, "translations[2].field"),
    ],
    ids=["unknown ref", "twice", "into Swedish", "ref on a plan field", "not on the person's page"],
)
def test_a_broken_translation_is_refused_with_its_place_and_nothing_is_imported(
    services: Services, make_plan, change, error, expected
) -> None:
    text = _broken(services, make_plan, change)
    before = plan_ids(services)

    with pytest.raises(error) as info:
        services.transfer.import_with_report(text)

    assert expected in info.value.message("sv")
    assert plan_ids(services) == before
