"""Random plans built straight as DTOs (no store), for property tests of the PDF layout.

Texts are made of words of one script each (Swedish, Arabic with harakat, Ethiopic, digits,
emoji and symbols), with punctuation and brackets around them and spaces or newlines between
them, so that what a reader extracts can be compared word by word.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sip_desk.domain.action import ActionDto
from sip_desk.domain.document import PlanDocument
from sip_desk.domain.enums import (
    ActionStatus,
    GoalOutcome,
    GoalTerm,
    MeetingKind,
    MeetingStatus,
    PlanStatus,
    VersionState,
)
from sip_desk.domain.follow_up import GoalReviewData, MeetingDto
from sip_desk.domain.goal import GoalDto, NeedDto
from sip_desk.domain.participant import InformationConsentDto, ParticipantDto
from sip_desk.domain.person import PersonDto
from sip_desk.domain.plan import PlanDetail, PlanFields

LATIN = "abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوية"
HARAKAT = "\u064e\u064f\u0650\u0651\u0652"
ETHIOPIC = "ሀለሐመሠረሰሸቀበተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ"
SYMBOLS = "😀👍❤✓☎★♥✔⚠"
DIGITS = "0123456789"
WRAPS = (("", ""), ("(", ")"), ("«", "»"), ("[", "]"), ('"', '"'))
ENDS = ("", "", "", ".", ",", ":", ";", "!", "?")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _word(rng: random.Random) -> str:
    script = rng.choice((LATIN, LATIN, LATIN, ARABIC, ARABIC, ETHIOPIC, DIGITS, SYMBOLS))
    length = rng.randint(1, 3 if script is SYMBOLS else 6)
    letters = []
    for _ in range(length):
        letters.append(rng.choice(script))
        if script is ARABIC and rng.random() < 0.3:
            letters.append(rng.choice(HARAKAT))
    start, end = rng.choice(WRAPS)
    return f"{start}{''.join(letters)}{end}{rng.choice(ENDS)}"


def text(rng: random.Random, size: int) -> str:
    """Whole words up to about ``size`` characters, separated by spaces and some newlines."""
    out = ""
    while True:
        word = _word(rng)
        if out and len(out) + len(word) + 1 > size:
            return out
        if not out and len(word) > size:
            return ""
        out = f"{out}{chr(10) if rng.random() < 0.05 else ' '}{word}" if out else word


# A word is a run of letters of one script; brackets, punctuation and spaces separate words.
# Digits and symbols are neutral or weak for the bidi algorithm, and text extraction may join
# neighbouring runs of them when it rebuilds a right-to-left line, so they count one by one.
_WORD = re.compile(
    "[A-Za-z\u00c0-\u024f]+|[\u0600-\u06ff]+|[\u1200-\u139f]+|[0-9]"
    "|[\U0001f000-\U0001faff\u2600-\u27bf\u2b50]"
)


def words(value: str) -> Counter[str]:
    """The words of a text as compared with extracted text, each as its sorted letters.

    Letters are compared in NFKC (Arabic presentation forms as letters) without marks. The
    order of letters inside a word is not compared: text extraction rebuilds the order of
    right-to-left lines with its own rules, which differ from the Unicode bidi algorithm for
    neutral characters (a run of symbols in an Arabic line comes back reversed); the word order
    of mixed lines is tested on its own.
    """
    plain = unicodedata.normalize("NFKC", value)
    plain = "".join(c for c in plain if unicodedata.category(c) not in ("Mn", "Me", "Cf"))
    return Counter("".join(sorted(word)) for word in _WORD.findall(plain))


@dataclass(frozen=True)
class Sizes:
    """How big a random plan is."""

    actions: int
    participants: int
    changes: int
    long_text: int
    seed: int
    language: str


def document(sizes: Sizes) -> tuple[PlanDocument, list[str]]:
    """A random plan document and every text in it that the PDF must show."""
    rng = random.Random(sizes.seed)
    shown: list[str] = []

    def say(size: int) -> str:
        value = text(rng, size)
        shown.append(value)
        return value

    # About three fields get the long text; the rest are empty, short or a paragraph.
    fields_count = 20 + 2 * sizes.actions
    long_chance = 3 / fields_count

    def field() -> str:
        if rng.random() < long_chance:
            return say(sizes.long_text)
        return say(rng.choice((0, 20, 200)))

    participants = tuple(
        ParticipantDto(
            id=index + 1,
            name=say(rng.randint(1, 60)),
            organisation=say(rng.randint(0, 80)),
            role=say(rng.randint(0, 40)),
            phone="010-100 00 00",
            contact_role=say(rng.choice((0, 0, 20))),
        )
        for index in range(sizes.participants)
    )
    goals = tuple(
        GoalDto(id=index + 1, text=field(), term=rng.choice(list(GoalTerm)))
        for index in range(rng.randint(0, 6))
    )
    needs = tuple(NeedDto(id=index + 1, description=field()) for index in range(rng.randint(0, 4)))
    actions = tuple(
        _action(rng, index, say, field, participants, goals) for index in range(sizes.actions)
    )
    fields = PlanFields(
        reason=field(),
        meeting_question=field(),
        what_matters=field(),
        strengths=field(),
        person_own_actions=field(),
        relatives_own_actions=field(),
        crisis_warning_signs=field(),
        crisis_actions=field(),
        crisis_contacts=field(),
        lead_organisation=say(rng.randint(0, 40)),
        coordinator_participant_id=participants[0].id if participants else None,
    )
    consents = tuple(
        InformationConsentDto(
            id=index + 1,
            organisation=say(rng.randint(1, 40)),
            information_shared=field(),
            information_excluded=field(),
            valid_from=date(2026, 11, 1),
            given_by_name=say(rng.randint(0, 30)),
        )
        for index in range(rng.randint(0, 3))
    )
    meetings = (_held(field, goals), _booked(rng, say))
    changes = tuple(say(rng.choice((10, 60, 300))) for _ in range(sizes.changes))
    plan = PlanDetail(
        id=7,
        version=3,
        status=PlanStatus.ACTIVE,
        closed_reason="",
        closed_on=None,
        created_at=NOW,
        updated_at=NOW,
        person=PersonDto(id=1, first_name=say(rng.randint(1, 30)), last_name="Testsson"),
        fields=fields,
        participants=participants,
        consents=consents,
        goals=goals,
        needs=needs,
        actions=actions,
        meetings=meetings,
    )
    doc = PlanDocument(
        plan=plan,
        language=sizes.language,
        version_number=3,
        version_state=VersionState.DRAFT,
        printed_on=date(2026, 11, 21),
        changes_since_signed=changes,
    )
    return doc, shown


def _action(
    rng: random.Random,
    index: int,
    say: Callable[[int], str],
    field: Callable[[], str],
    participants: tuple[ParticipantDto, ...],
    goals: tuple[GoalDto, ...],
) -> ActionDto:
    responsible = rng.choice(participants) if participants and rng.random() < 0.7 else None
    return ActionDto(
        id=index + 1,
        description=field(),
        organisation=say(rng.randint(0, 40)),
        unit=say(rng.randint(0, 30)),
        responsible_participant_id=responsible.id if responsible else None,
        responsible_name=responsible.name if responsible else "",
        is_other_actor=rng.random() < 0.3,
        status=rng.choice([s for s in ActionStatus if s is not ActionStatus.CANCELLED]),
        goal_ids=tuple(g.id for g in goals[:2]),
        cost_responsibility=say(rng.choice((0, 0, 30))),
        start_date=date(2026, 12, 1),
        end_date=date(2027, 3, 1) if rng.random() < 0.5 else None,
    )


def _held(field: Callable[[], str], goals: tuple[GoalDto, ...]) -> MeetingDto:
    return MeetingDto(
        id=1,
        kind=MeetingKind.FIRST,
        starts_at=NOW - timedelta(days=30),
        status=MeetingStatus.HELD,
        notes=field(),
        new_needs=field(),
        decision_reason=field(),
        goal_reviews=tuple(
            GoalReviewData(goal_id=g.id, outcome=GoalOutcome.PARTLY, person_view=field())
            for g in goals[:3]
        ),
        action_reviews=(),
    )


def _booked(rng: random.Random, say: Callable[[int], str]) -> MeetingDto:
    return MeetingDto(
        id=2,
        starts_at=NOW + timedelta(days=40),
        place=say(rng.randint(0, 80)),
        convenor_name=say(rng.randint(0, 30)),
    )
