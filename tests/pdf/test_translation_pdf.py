"""Translations made at the meeting in the printed plan: the person's part prints them, the full
plan keeps the Swedish, and a signed version prints the translations it was signed with."""

from __future__ import annotations

from pathlib import Path

import pytest

from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.translation import TranslationDto
from sip_desk.services.registry import Services
from tests.pdf.pdf_text import needs_poppler, normalise, pdftotext
from tests.pdf.person_part_check import part_pages
from tests.services.test_signing import _sign

pytestmark = needs_poppler

SWEDISH_MATTERS = "Att få bo i en egen lägenhet"
ARABIC = {"what_matters": "أن أسكن في شقتي", "goal": "أن يكون لي بيت", "action": "دعم في البيت"}
TIGRINYA_GOAL = "ናይ ገዛይ ገዛ ክህልወኒ"


def _translated(
    services: Services, plan: PlanDetail, language: str, texts: dict[str, str]
) -> PlanDetail:
    ids = {"goal": plan.goals[0].id, "action": plan.actions[0].id}
    for field, text in texts.items():
        item = TranslationDto(language=language, field=field, item_id=ids.get(field), text=text)
        plan = services.translations.save(plan, item).plan
    return plan


def _parts(pdf: bytes, tmp_path: Path) -> tuple[str, str]:
    """The text of the person's part and of the full plan."""
    person, full = list(part_pages(pdf).values())[:2]

    def read(pages: range) -> str:
        return " ".join(pdftotext(pdf, tmp_path, i + 1) for i in pages)

    return read(person), read(full)


@pytest.fixture
def plan(sqlite_services: Services) -> PlanDetail:
    from tests.builders import PlanBuilder

    plan = PlanBuilder(sqlite_services).complete()
    sqlite_services.plans.save_field(plan, "what_matters", SWEDISH_MATTERS)
    return sqlite_services.plans.get_plan(plan.id)


def test_the_persons_part_prints_the_arabic_translation_and_the_full_plan_the_swedish(
    sqlite_services: Services, plan: PlanDetail, tmp_path: Path
) -> None:
    _translated(sqlite_services, plan, "ar", ARABIC)

    person, full = _parts(sqlite_services.documents.render(plan.id, None, "ar").data, tmp_path)

    for text in ARABIC.values():
        assert normalise(text) in person
        assert normalise(text) not in full
    assert SWEDISH_MATTERS not in person
    goal, action = plan.goals[0].text, plan.actions[0].description
    for text in (SWEDISH_MATTERS, goal, action):
        assert text in full


def test_an_untranslated_text_prints_in_swedish_and_another_language_its_own(
    sqlite_services: Services, plan: PlanDetail, tmp_path: Path
) -> None:
    _translated(sqlite_services, plan, "ti", {"goal": TIGRINYA_GOAL})

    tigrinya, _ = _parts(sqlite_services.documents.render(plan.id, None, "ti").data, tmp_path)
    arabic, _ = _parts(sqlite_services.documents.render(plan.id, None, "ar").data, tmp_path)

    assert normalise(TIGRINYA_GOAL) in tigrinya and SWEDISH_MATTERS in tigrinya
    assert normalise(TIGRINYA_GOAL) not in arabic and plan.goals[0].text in arabic


def test_a_signed_version_prints_the_translations_it_was_signed_with(
    sqlite_services: Services, plan: PlanDetail, tmp_path: Path
) -> None:
    plan = _translated(sqlite_services, plan, "ar", {"goal": ARABIC["goal"]})
    _sign(sqlite_services, plan)
    plan = sqlite_services.plans.get_plan(plan.id)
    _translated(sqlite_services, plan, "ar", {"goal": "هدف جديد"})

    signed, _ = _parts(sqlite_services.documents.render(plan.id, 1, "ar").data, tmp_path)
    draft, _ = _parts(sqlite_services.documents.render(plan.id, 2, "ar").data, tmp_path)

    assert normalise(ARABIC["goal"]) in signed and normalise("هدف جديد") not in signed
    assert normalise("هدف جديد") in draft
