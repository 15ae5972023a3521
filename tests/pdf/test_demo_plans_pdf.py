"""Every demo plan, in every print language: the PDF holds every section, participant, goal
and action, and every version (signed and revised draft) prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sip_desk.domain.document import PRINT_LANGUAGES
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import without_effort
from sip_desk.pdf.labels import Labels
from sip_desk.services.registry import Services
from tests.domain.catalogues import entries
from tests.pdf.pdf_text import needs_poppler, normalise, pdftotext

SECTIONS = [key.removeprefix("pdf.") for key in entries("en") if key.startswith("pdf.sec.")]
# sections printed only when they have content
OPTIONAL: dict[str, Callable[[PlanDetail], bool]] = {
    "sec.crisis": lambda p: any(
        x.strip()
        for x in (p.fields.crisis_warning_signs, p.fields.crisis_actions, p.fields.crisis_contacts)
    ),
    "sec.others": lambda p: any(a.is_other_actor for a in p.actions),
    "sec.needs": lambda p: bool(p.needs),
    "sec.own": lambda p: bool(p.fields.person_own_actions or p.fields.relatives_own_actions),
    "sec.perspective": lambda p: bool(p.fields.what_matters or p.fields.strengths),
    "sec.no_effort": lambda p: bool(without_effort(p)),
}


def _words(value: str) -> list[str]:
    """The words of a text; a line mixing scripts may be extracted in another word order."""
    return [w.strip("–”\"'.,:;()") for w in normalise(value).split() if w.strip("–”\"'.,:;()")]


def _shows(value: str, text: str) -> bool:
    return normalise(value) in text or all(w in text for w in _words(value))


@pytest.fixture
def demo(sqlite_services: Services) -> Services:
    sqlite_services.demo.load_cases()
    return sqlite_services


@needs_poppler
@pytest.mark.parametrize("language", PRINT_LANGUAGES)
def test_every_demo_plan_prints_all_its_content(
    demo: Services, tmp_path: Path, language: str
) -> None:
    for summary in demo.plan_list.list_plans():
        plan = demo.plans.get_plan(summary.id)
        for version in plan.versions:
            doc = demo.documents.build_document(plan.id, version.number, language)
            text = pdftotext(
                demo.documents.render(plan.id, version.number, language).data, tmp_path
            )

            for key in SECTIONS:
                shown = normalise(Labels(language)(key)) in text
                wanted = OPTIONAL[key](doc.plan) if key in OPTIONAL else True
                assert shown == wanted, (plan.id, key)
            for participant in doc.plan.participants:
                assert _shows(participant.name, text), (plan.id, participant.name)
            for goal in doc.plan.goals:
                assert _shows(goal.text, text), (plan.id, goal.text)
            for action in doc.plan.actions:
                assert _shows(action.description, text), (plan.id, action.description)
            if plan.person.protected_identity and plan.person.address:
                assert normalise(plan.person.address) not in text
