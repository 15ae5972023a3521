"""LIX, the Swedish readability index (läsbarhetsindex, Björnsson 1968).

LIX = words / sentences + 100 × long words / words, where a long word has more than six
letters. Below 30 reads as very easy, 30–40 easy (children's books, easy-read news), 40–50
middling (ordinary newspapers), above 50 hard (official texts). The person's page keeps its
fixed text at 25 or below; the editor will show the LIX of what is typed for that page.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# a sentence ends at . ! ? : (and the Arabic and Ethiopic question and full stops) or a line
_SENTENCE_END = re.compile(r"[.!?:;؟።]+(?=\s|$)|\n+")
LONG_WORD = 6


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters (a hyphen or apostrophe inside a word kept)."""
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    """How many sentences ``text`` has (at least one when it has a word)."""
    return len(sentence_spans(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` is: (start, end), its end mark included, no blanks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        _add_span(spans, text, start, end.start() if end.group()[0] == "\n" else end.end())
        start = end.end()
    _add_span(spans, text, start, len(text))
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    part = text[start:end]
    if words(part):
        lead = len(part) - len(part.lstrip())
        spans.append((start + lead, start + len(part.rstrip())))


def lix(text: str) -> float:
    """The LIX of ``text``; 0.0 for a text without words."""
    found = words(text)
    if not found:
        return 0.0
    long_words = sum(1 for word in found if len(word) > LONG_WORD)
    return len(found) / max(sentence_count(text), 1) + 100 * long_words / len(found)
