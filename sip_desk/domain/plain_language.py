"""Whether a text for the person's page reads easily: its LIX, judged with care for short texts.

The editor shows this beside each text the person's page prints (see
:mod:`sip_desk.ui.editor.readability_badge`). **The rule:**

- LIX is named on Björnsson's usual scale: under 25 very easy, 25–30 easy, 31–40 medium,
  41–50 hard, above 50 very hard; the text is flagged above ``HARD`` (40, where ordinary
  newspaper text begins);
- fewer than ``FEW_WORDS`` (5) words: not measured; from 5 to ``MIN_WORDS`` − 1 (9) words only
  measured when LIX is above ``FEW_WORDS_HARD`` (60), and then flagged: a goal or a line of a
  crisis plan is too short for LIX to say much (one long word in five gives LIX 25 alone, a name
  like "Arbetsförmedlingen" in a plain goal of eight words LIX 20–45), but above 60 most of its
  words are long ones, as in officialese ("Handläggningsansvarig myndighetsutövare
  tillhandahåller …");
- a text under ``SHORT_WORDS`` (30) words is flagged only when it also has a sentence of more
  than ``LONG_SENTENCE`` (15) words or LIX above ``SHORT_HARD`` (50, the level of official text):
  in a short text the share of long words swings with one or two names ("Arbetsförmedlingen",
  "Beroendemottagningen"), a long sentence does not;
- a hard text says why: long sentences (more than 15 words a sentence on average) and/or long
  words (more than a quarter of the words longer than six letters). One of the two always
  holds above 40, since LIX is the sum of the two figures.

The longest sentence (by words) is given so the editor can mark it: it is the one to split.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sip_desk.domain.readability import LONG_WORD, sentence_spans, words

FEW_WORDS = 5
MIN_WORDS = 10
FEW_WORDS_HARD = 60
SHORT_WORDS = 30
LONG_SENTENCE = 15
VERY_EASY = 24
EASY = 30
HARD = 40
SHORT_HARD = 50
VERY_HARD = 50
LONG_WORD_SHARE = 25


class Ease(StrEnum):
    """How a text reads, as the editor says it."""

    UNMEASURED = "unmeasured"  # too short to measure
    VERY_EASY = "very_easy"  # LIX under 25
    EASY = "easy"  # LIX 25–30
    MEDIUM = "medium"  # LIX 31–40
    SHORT = "short"  # above 40 but short, without a long sentence, not above 50: not judged
    HARD = "hard"  # LIX 41–50: flagged
    VERY_HARD = "very_hard"  # LIX above 50: flagged


@dataclass(frozen=True)
class Reading:
    """The readability of one text."""

    lix: int
    words: int
    ease: Ease
    long_sentences: bool = False
    long_words: bool = False
    longest: tuple[int, int] = (0, 0)
    """Where the longest sentence is in the text: (start, end)."""

    @property
    def hard(self) -> bool:
        """True when the editor flags the text."""
        return self.ease in (Ease.HARD, Ease.VERY_HARD)


def reading(text: str) -> Reading:
    """How ``text`` reads, by the rule in the module docstring."""
    found = words(text)
    if len(found) < FEW_WORDS:
        return Reading(lix=0, words=len(found), ease=Ease.UNMEASURED)
    spans = sentence_spans(text)
    lengths = [len(words(text[start:end])) for start, end in spans]
    longest = max(range(len(spans)), key=lambda at: lengths[at])
    per_sentence = len(found) / len(spans)
    long_share = 100 * sum(1 for word in found if len(word) > LONG_WORD) / len(found)
    value = round(per_sentence + long_share)
    if len(found) < MIN_WORDS and value <= FEW_WORDS_HARD:
        return Reading(lix=0, words=len(found), ease=Ease.UNMEASURED)
    if value <= VERY_EASY:
        ease = Ease.VERY_EASY
    elif value <= EASY:
        ease = Ease.EASY
    elif value <= HARD:
        ease = Ease.MEDIUM
    elif len(found) < SHORT_WORDS and lengths[longest] <= LONG_SENTENCE and value <= SHORT_HARD:
        ease = Ease.SHORT
    else:
        ease = Ease.VERY_HARD if value > VERY_HARD else Ease.HARD
    return Reading(
        lix=value,
        words=len(found),
        ease=ease,
        long_sentences=per_sentence > LONG_SENTENCE,
        long_words=long_share > LONG_WORD_SHARE,
        longest=spans[longest],
    )
