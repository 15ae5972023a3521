"""Whether a text for the person's page reads easily: its LIX, judged with care for short texts.

The editor shows this beside each text the person's page prints (see
:mod:`sip_desk.ui.editor.readability_badge`). **The rule:**

- fewer than ``MIN_WORDS`` (10) words: not measured; a goal or a line of a crisis plan is too
  short for LIX to say anything (one long word in five gives LIX 25 alone);
- otherwise the LIX is shown, and the text is called hard when LIX is above ``HARD`` (40, where
  ordinary newspaper text begins); a short text (fewer than ``SHORT_WORDS``, 30, words) only when
  it also has a sentence of more than ``LONG_SENTENCE`` (15) words or LIX above ``SHORT_HARD``
  (50, the level of official text): in a short text the share of long words swings with one or two
  names ("Arbetsförmedlingen", "Beroendemottagningen"), a long sentence does not;
- a hard text says why: long sentences (more than 15 words a sentence on average) and/or long
  words (more than a quarter of the words longer than six letters). One of the two always
  holds above 40, since LIX is the sum of the two figures.

The longest sentence (by words) is given so the editor can mark it: it is the one to split.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sip_desk.domain.readability import LONG_WORD, sentence_spans, words

MIN_WORDS = 10
SHORT_WORDS = 30
LONG_SENTENCE = 15
HARD = 40
SHORT_HARD = 50
VERY_EASY = 30
LONG_WORD_SHARE = 25


class Ease(StrEnum):
    """How a text reads, as the editor says it."""

    UNMEASURED = "unmeasured"  # too short to measure
    VERY_EASY = "very_easy"  # LIX 30 or less
    EASY = "easy"  # LIX up to 40
    SHORT = "short"  # above 40 but short, without a long sentence, not above 50: not judged
    HARD = "hard"  # above 40: flagged


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
        return self.ease is Ease.HARD


def reading(text: str) -> Reading:
    """How ``text`` reads, by the rule in the module docstring."""
    found = words(text)
    if len(found) < MIN_WORDS:
        return Reading(lix=0, words=len(found), ease=Ease.UNMEASURED)
    spans = sentence_spans(text)
    lengths = [len(words(text[start:end])) for start, end in spans]
    longest = max(range(len(spans)), key=lambda at: lengths[at])
    per_sentence = len(found) / len(spans)
    long_share = 100 * sum(1 for word in found if len(word) > LONG_WORD) / len(found)
    value = round(per_sentence + long_share)
    if value <= VERY_EASY:
        ease = Ease.VERY_EASY
    elif value <= HARD:
        ease = Ease.EASY
    elif len(found) < SHORT_WORDS and lengths[longest] <= LONG_SENTENCE and value <= SHORT_HARD:
        ease = Ease.SHORT
    else:
        ease = Ease.HARD
    return Reading(
        lix=value,
        words=len(found),
        ease=ease,
        long_sentences=per_sentence > LONG_SENTENCE,
        long_words=long_share > LONG_WORD_SHARE,
        longest=spans[longest],
    )
