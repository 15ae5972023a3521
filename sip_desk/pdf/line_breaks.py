"""Where a line may break inside a word, and greedy line breaking that uses those places.

A word that does not fit the rest of a line starts the next line; only a word wider than a whole
line is broken, in this order of preference:

1. an e-mail address or a web address only after ``@``, ``.``, ``/`` or a hyphen it has, never
   with a hyphen added (a copied address must stay right); a part still wider than the line is
   broken at the line's edge without a hyphen, and an ``@`` stays at the end of the line with
   what precedes it;
2. after a hyphen it already has ("BVC-" / "sjuksköterska");
3. at a syllable boundary from pyphen's hyphenation dictionary (Swedish or English), with a
   hyphen added ("Familjebe-" / "handlare"): only words of at least seven letters, keeping three
   on each side; words in capitals (abbreviations) are left whole;
4. only when no such place fits: after as many letters as fit, again with a hyphen, so that no
   word is ever cut without a mark.

Text is only hyphenated where a style asks for it (table cells); the person's page keeps whole
words, as plain-language guidance asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import pyphen

HYPHEN = "-"
_ADDRESS = re.compile(r"@|://|^www\.|/")
_LETTERS = re.compile(r"[^\W\d_]{7,}")
_SHORTEST_PART = 2


@dataclass(frozen=True)
class Piece:
    """A printed line as a character range of its paragraph; ``hyphen``: add a hyphen at its end."""

    start: int
    end: int
    hyphen: bool = False


@cache
def _dictionary(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang, left=3, right=3)


def is_address(word: str) -> bool:
    """True for an e-mail address or a web address."""
    return _ADDRESS.search(word) is not None


@lru_cache(maxsize=4096)
def break_points(word: str, lang: str, address: bool = False) -> tuple[tuple[int, bool], ...]:
    """The places ``word`` may break: ``(index, hyphen added)``, in increasing order.

    ``lang`` is a pyphen dictionary (``sv``, ``en``); empty: no syllable breaks. ``address``:
    the word is (the rest of) an address, broken only after ``@``, ``.``, ``/`` or ``-``.
    """
    if address or is_address(word):
        return tuple(
            (i + 1, False)
            for i, char in enumerate(word[:-1])
            if char in "@./-" and word[i + 1] not in "@./-"
        )
    points: set[tuple[int, bool]] = {
        (i + 1, False)
        for i, char in enumerate(word[:-1])
        if char == HYPHEN
        and i >= _SHORTEST_PART - 1
        and len(word) - i > _SHORTEST_PART
        and word[i - 1].isalpha()
        and word[i + 1].isalpha()
    }
    if lang:
        for match in _LETTERS.finditer(word):
            part = match.group()
            if part.isupper():
                continue
            points |= {(match.start() + p, True) for p in _dictionary(lang).positions(part)}
    return tuple(sorted(points))


def split_word(
    word: str, room: float, lang: str, measure: Callable[[str], float], address: bool = False
) -> tuple[int, bool] | None:
    """The last break point of ``word`` whose head (with its hyphen) fits ``room`` points."""
    best = None
    for index, hyphen in break_points(word, lang, address):
        head = word[:index] + (HYPHEN if hyphen else "")
        if measure(head) > room:
            break
        best = (index, hyphen)
    return best


def force_split(word: str, room: float, measure: Callable[[str], float]) -> int:
    """How many characters of ``word`` fit ``room`` with a hyphen after them (at least one)."""
    count = 1
    while count < len(word) - 1 and measure(word[: count + 1] + HYPHEN) <= room:
        count += 1
    return count


def force_split_address(word: str, room: float, measure: Callable[[str], float]) -> int:
    """How many characters of an address fit ``room`` (no hyphen; an ``@`` ends a line)."""
    best = 1
    for count in range(1, len(word)):
        end = count + 1 if word[count] == "@" else count
        if measure(word[:end]) > room:
            break
        best = end
    return min(best, len(word) - 1) if len(word) > 1 else best


def break_lines(text: str, width: float, lang: str, measure: Callable[[str], float]) -> list[Piece]:
    """Greedy line breaking at spaces, in logical order; words too long are broken (see above).

    The space a line is broken at belongs to no line.
    """
    space = measure(" ")
    out: list[Piece] = []
    line_start: int | None = None
    line_end, used, position = 0, 0.0, 0
    for word in text.split(" "):
        start = position
        address = is_address(word)
        while True:
            rest = text[start : position + len(word)]
            whole = measure(rest) if rest else 0.0
            room = width - (used + space if line_start is not None else 0.0)
            if whole <= room:
                if line_start is None:
                    line_start, used = start, whole
                else:
                    used += space + whole
                line_end = start + len(rest)
                break
            # a word that fits a line of its own goes to the next line whole
            cut = split_word(rest, room, lang, measure, address) if whole > width else None
            if cut is None and line_start is not None:
                out.append(Piece(line_start, line_end))
                line_start = None
                continue
            if cut is not None:
                index, hyphen = cut
            elif address:
                index, hyphen = force_split_address(rest, room, measure), False
            else:
                index, hyphen = force_split(rest, room, measure), True
            first = line_start if line_start is not None else start
            out.append(Piece(first, start + index, hyphen))
            line_start, start = None, start + index
        position += len(word) + 1
    out.append(Piece(line_start or 0, line_end))
    return out
