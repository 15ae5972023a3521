"""Translations made at the meeting: stored as one write per edit, read with the plan, signed.

Each edit is one short transaction (version check, insert/update/delete, audit row) and what
the caller gets back equals the plan as stored, as for any autosaved field.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from sip_desk.domain.changes import summarise
from sip_desk.domain.errors import DomainError, NotFoundError, StaleEditError, ValidationErrors
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.snapshot import canonical_snapshot, parse_snapshot
from sip_desk.domain.translation import TranslationDto, translated
from sip_desk.services.registry import Services
from tests.services.test_signing import _sign


def _t(field: str, text: str, item_id: int | None = None, language: str = "ar") -> TranslationDto:
    return TranslationDto(language=language, field=field, item_id=item_id, text=text)


def _complete(services: Services, make_plan: Any) -> PlanDetail:
    """A complete plan that says what matters to the person, in Swedish."""
    plan = make_plan.complete()
    services.plans.save_field(plan, "what_matters", "Mitt hem")
    return services.plans.get_plan(plan.id)


def _translate(services: Services, plan: PlanDetail, *items: TranslationDto) -> PlanDetail:
    for item in items:
        plan = services.translations.save(plan, item).plan
    return plan


def test_translations_of_plan_texts_goals_and_actions_are_stored_logged_and_read_back(
    services: Services, make_plan
) -> None:
    plan = _complete(services, make_plan)
    goal, action = plan.goals[0], plan.actions[0]

    held = _translate(
        services,
        plan,
        _t("what_matters", "أن أعيش في بيتي"),
        _t("goal", "أن أذهب إلى المدرسة", goal.id),
        _t("action", "دعم في المدرسة", action.id),
    )

    stored = services.plans.get_plan(plan.id)
    assert held == stored
    assert stored.version == plan.version + 3
    assert {(t.field, t.item_id, t.text) for t in stored.translations} == {
        ("what_matters", None, "أن أعيش في بيتي"),
        ("goal", goal.id, "أن أذهب إلى المدرسة"),
        ("action", action.id, "دعم في المدرسة"),
    }
    entries = [e for e in services.audit.entries(plan_id=plan.id) if e.entity == "translation"]
    assert [(e.field, e.old, e.new) for e in entries][-1] == ("ar.action", "", "دعم في المدرسة")
    # the Swedish texts are unchanged; the Arabic view of the plan shows the translations
    assert stored.fields.what_matters == plan.fields.what_matters
    arabic = translated(stored, "ar")
    assert arabic.fields.what_matters == "أن أعيش في بيتي"
    assert arabic.goals[0].text == "أن أذهب إلى المدرسة"
    assert arabic.actions[0].description == "دعم في المدرسة"
    assert arabic.fields.strengths == plan.fields.strengths  # untranslated: Swedish
    assert translated(stored, "ti") == stored


def test_a_translation_is_replaced_and_an_empty_one_removed(services: Services, make_plan) -> None:
    plan = make_plan.complete()
    plan = _translate(services, plan, _t("strengths", "قوي"), _t("strengths", "قوي جداً"))
    assert [t.text for t in services.plans.get_plan(plan.id).translations] == ["قوي جداً"]

    plan = _translate(services, plan, _t("strengths", "   "))

    assert services.plans.get_plan(plan.id).translations == ()
    assert plan.translations == ()


def test_each_language_keeps_its_own_translation(services: Services, make_plan) -> None:
    plan = _complete(services, make_plan)

    plan = _translate(
        services, plan, _t("what_matters", "بيتي"), _t("what_matters", "ገዛይ", language="ti")
    )

    stored = services.plans.get_plan(plan.id)
    assert translated(stored, "ar").fields.what_matters == "بيتي"
    assert translated(stored, "ti").fields.what_matters == "ገዛይ"


def test_a_translation_goes_with_its_goal_when_the_goal_is_removed(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    goal = plan.goals[-1]
    plan = _translate(services, plan, _t("goal", "هدف", goal.id))

    services.items.remove("goal", plan.id, plan.version, goal.id)

    assert services.plans.get_plan(plan.id).translations == ()


def test_bad_translations_are_refused_and_nothing_is_written(services: Services, make_plan) -> None:
    plan = make_plan.complete()
    other = make_plan.complete(identity_number="", first_name="Bo")

    with pytest.raises(DomainError) as swedish:
        services.translations.save(plan, _t("what_matters", "x", language="sv"))
    assert "svenska" in swedish.value.message("sv")
    with pytest.raises(DomainError):
        services.translations.save(plan, _t("what_matters", "x", language="de"))
    with pytest.raises(ValidationErrors):
        services.translations.save(plan, _t("reason", "x"))  # not on the person's page
    with pytest.raises(ValidationErrors) as long:
        services.translations.save(plan, _t("what_matters", "x" * 20_001))
    assert long.value.errors[0].field == "translation.what_matters"
    with pytest.raises(NotFoundError):
        services.translations.save(plan, _t("goal", "x", other.goals[0].id))

    stored = services.plans.get_plan(plan.id)
    assert (stored.version, stored.translations) == (plan.version, ())


def test_a_translation_saved_on_an_old_version_is_refused(services: Services, make_plan) -> None:
    plan = make_plan.complete()
    services.translations.save(plan, _t("what_matters", "الأول"))

    with pytest.raises(StaleEditError):
        services.translations.save(plan, _t("what_matters", "الثاني"))

    assert [t.text for t in services.plans.get_plan(plan.id).translations] == ["الأول"]


def test_translations_are_signed_and_a_later_change_shows_since_signing(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    plan = _translate(services, plan, _t("what_matters", "بيتي"))
    _sign(services, plan)
    plan = services.plans.get_plan(plan.id)

    signed = services.signing.get_version(plan.id, 1)
    assert signed.plan.translations == plan.translations
    assert signed.check is not None and signed.check.ok
    changed = _translate(services, plan, _t("what_matters", "بيتي الجديد"))
    lines = summarise(signed.plan, 1, changed).lines("sv")
    assert lines == ("Ändrad översättning (العربية): det som är viktigt för dig.",)
    assert services.signing.get_version(plan.id, 1).plan.translations == plan.translations


def test_a_plan_without_translations_snapshots_as_before_and_old_snapshots_read_back(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()

    text = canonical_snapshot(plan)

    assert '"translations"' not in text
    assert parse_snapshot(text).translations == ()
    with_one = dataclasses.replace(plan, translations=(_t("goal", "هدف", plan.goals[0].id),))
    again = parse_snapshot(canonical_snapshot(with_one))
    assert again.translations == with_one.translations


def test_a_translation_of_a_blank_swedish_text_is_not_printed(
    services: Services, make_plan
) -> None:
    plan = make_plan.complete()
    services.plans.save_field(plan, "strengths", "Stark")
    plan = _translate(services, services.plans.get_plan(plan.id), _t("strengths", "قوي"))
    blank = dataclasses.replace(plan, fields=dataclasses.replace(plan.fields, strengths=" "))

    assert translated(blank, "ar").fields.strengths == " "
    assert translated(plan, "ar").fields.strengths == "قوي"
