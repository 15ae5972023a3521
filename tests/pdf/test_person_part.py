"""The person's part as the person reads it: one page, crisis advice, their words, no cut words.

Page counts come from the PDF's outline (one entry per part); text from pdftotext.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from sip_desk.domain.document import PRINT_LANGUAGES, PlanDocument
from sip_desk.domain.enums import ActionStatus, PrincipalType
from sip_desk.domain.goal import GoalDto
from sip_desk.domain.participant import ParticipantDto
from sip_desk.domain.readability import lix
from sip_desk.pdf.labels import Labels
from sip_desk.pdf.render_plan import render_plan
from sip_desk.services.registry import Services
from tests.domain.catalogues import entries
from tests.pdf.pdf_text import needs_poppler, normalise, pdftotext
from tests.pdf.person_part_check import body_sizes, cut_words, outline, part_pages, vocabulary

LANGUAGES = PRINT_LANGUAGES


@pytest.fixture(scope="module")
def demo_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PlanDocument]:
    """The latest version of each demo plan, as printed, keyed by the person's first name."""
    from sip_desk.db.engine import Database, make_engine
    from sip_desk.db.migrate import prepare_store
    from sip_desk.domain.audit import UserContext
    from sip_desk.services.context import ServiceContext
    from tests.conftest import MutableClock

    folder = tmp_path_factory.mktemp("demo")
    db = Database(make_engine(str(folder / "sip_desk.sqlite")))
    prepare_store(db)
    services = Services(
        ServiceContext(db=db, user=UserContext(user="t", unit="u"), clock=MutableClock())
    )
    services.demo.load_cases()
    docs = {}
    for summary in services.plan_list.list_plans():
        plan = services.plans.get_plan(summary.id)
        doc = services.documents.build_document(plan.id, plan.versions[-1].number, "sv")
        docs[plan.person.first_name] = doc
    db.dispose()
    return docs


def _person_pages(pdf: bytes) -> range:
    return next(iter(part_pages(pdf).values()))


def _person_text(pdf: bytes, tmp_path: Path) -> str:
    pages = _person_pages(pdf)
    return " ".join(pdftotext(pdf, tmp_path, page=n + 1) for n in pages)


def test_every_pdf_has_an_outline_entry_per_part(demo_docs: dict[str, PlanDocument]) -> None:
    pdf = render_plan(replace(demo_docs["Alva"], language="en"))

    titles = [title for title, _ in outline(pdf)]
    assert titles == ["My plan (the person's part)", "The full plan", "Signatures"]
    starts = [page for _, page in outline(pdf)]
    assert starts == sorted(starts) and starts[0] == 0
    last = PdfReader(BytesIO(pdf)).pages[starts[-1]].extract_text()
    assert "Signatures" in last


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_demo_plans_person_part_is_one_page_with_body_text_of_at_least_10_5_pt(
    demo_docs: dict[str, PlanDocument], language: str
) -> None:
    for name, doc in demo_docs.items():
        pdf = render_plan(replace(doc, language=language))

        assert len(_person_pages(pdf)) == 1, (name, language)
        sizes = [size for size, _ in body_sizes(PdfReader(BytesIO(pdf)).pages[0])]
        assert min(sizes) >= 10.5, (name, language)


def _contact(number: int) -> ParticipantDto:
    return ParticipantDto(
        id=900 + number,
        name=f"Kontakt Nummer{number}",
        organisation="Björkviks kommun",
        principal=PrincipalType.KOMMUN,
        role="Socialsekreterare",
        phone=f"010-174 07 {number:02d}",
        email=f"kontakt{number}@bjorkvik.example",
        contact_role="Kontaktperson",
    )


def _four_six_six(doc: PlanDocument) -> PlanDocument:
    """The youth plan grown to 4 goals, 6 actions and 6 named contacts."""
    plan = doc.plan
    goals = (*plan.goals, GoalDto(id=990, text="Att orka träffa mina vänner på helgerna."))
    actions = list(plan.actions[:6])
    while len(actions) < 6:
        actions.append(replace(actions[-1], id=980 + len(actions), description="Stödsamtal"))
    extra = tuple(_contact(n) for n in range(6))
    participants = tuple(replace(p, contact_role="") for p in plan.participants) + extra
    grown = replace(plan, goals=goals, actions=tuple(actions), participants=participants)
    grown = replace(grown, fields=replace(plan.fields, coordinator_participant_id=900))
    return replace(doc, plan=grown)


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_plan_with_4_goals_6_actions_and_6_contacts_fits_one_page(
    demo_docs: dict[str, PlanDocument], language: str, tmp_path: Path
) -> None:
    doc = _four_six_six(replace(demo_docs["Alva"], language=language))
    assert len(doc.plan.goals) == 4 and len(doc.plan.actions) == 6

    pdf = render_plan(doc)

    assert len(_person_pages(pdf)) == 1
    text = _person_text(pdf, tmp_path)
    assert all(f"kontakt{n}@bjorkvik.example" in text for n in range(6))


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_crisis_plan_is_on_the_persons_part_with_112(
    demo_docs: dict[str, PlanDocument], language: str, tmp_path: Path
) -> None:
    labels = Labels(language)
    with_crisis = demo_docs["Jonas"]
    without = demo_docs["Alva"]

    text = _person_text(render_plan(replace(with_crisis, language=language)), tmp_path)
    other = _person_text(render_plan(replace(without, language=language)), tmp_path)

    assert normalise(labels("easy.crisis")) in text and "112" in text
    for value in (
        with_crisis.plan.fields.crisis_warning_signs,
        with_crisis.plan.fields.crisis_actions,
    ):
        assert all(word in text for word in normalise(value).split()[:6])
    assert normalise(labels("easy.crisis")) not in other


@needs_poppler
def test_the_persons_part_gives_status_and_done_by_dates_in_words(
    demo_docs: dict[str, PlanDocument], tmp_path: Path
) -> None:
    doc = demo_docs["Jonas"]
    text = _person_text(render_plan(doc), tmp_path)

    for action in doc.plan.actions:
        status = {
            ActionStatus.DONE: "Klar.",
            ActionStatus.ONGOING: "Pågår.",
            ActionStatus.PLANNED: "Inte påbörjad.",
        }.get(action.status)
        if status is None:
            continue
        start = text.index(normalise(action.description))
        after = text[start : start + 260]
        assert status in after, action.description
        said = re.search(r"Klart senast (\w+) (\d+) (\w+) (\d{4})", after.split("•")[0])
        if action.status is ActionStatus.DONE or action.end_date is None:
            assert said is None, action.description
        else:
            assert said is not None, action.description
            end = action.end_date
            assert said.groups() == (
                Labels("sv").date(end).split()[0],
                str(end.day),
                Labels("sv").date(end).split()[2],
                str(end.year),
            )
    assert re.search(r"\d{4}-\d\d-\d\d", text.replace("Utskriven 2026-11-23", "")) is None


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "måndag 28 februari 2028"), ("en", "Monday 28 February 2028")],
)
def test_a_date_in_words_has_its_weekday(language: str, expected: str) -> None:
    assert Labels(language).date(date(2028, 2, 28)) == expected


@needs_poppler
def test_guardians_gave_consent_and_can_take_it_back_and_are_shown_with_their_role(
    demo_docs: dict[str, PlanDocument], tmp_path: Path
) -> None:
    pdf = render_plan(demo_docs["Alva"])
    text = _person_text(pdf, tmp_path)

    assert "Dina vårdnadshavare Petra Nordin och Mattias Nordin gav samtycke till planen." in text
    assert "De kan ta tillbaka samtycket" in text
    assert "ditt samtycke" not in text
    assert "Det här är jag bra på Alva tecknar mycket bra" in text
    source = tmp_path / "layout.pdf"
    source.write_bytes(pdf)
    layout = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True, text=True
    ).stdout
    rows = [line for line in layout.splitlines() if line.strip().startswith("Petra Nordin")]
    assert rows and all("Vårdnadshavare" in row and "Annan aktör" not in row for row in rows)


@needs_poppler
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_word_is_cut_without_a_hyphen(
    demo_docs: dict[str, PlanDocument], language: str, tmp_path: Path
) -> None:
    for name, doc in demo_docs.items():
        printed = replace(doc, language=language)
        text = pdftotext(render_plan(printed), tmp_path)

        assert cut_words(text, vocabulary(language, printed)) == [], (name, language)


def test_the_swedish_fixed_text_of_the_persons_part_reads_easily() -> None:
    texts = entries("sv")
    keys = [k for k in texts if k.startswith("pdf.easy.")]
    fixed = "\n".join(re.sub(r"\{\w+\}", "", texts[k]) for k in keys)

    assert len(keys) > 30
    assert lix(fixed) <= 25
