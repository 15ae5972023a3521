"""How the person's part is shortened to fit its first page: the steps, their styles, cut texts.

The person's part is laid out step by step (see :mod:`sip_desk.pdf.person_page`), each step a
:class:`Fit` tighter than the last: less space, fewer contacts, a smaller body text, and long
texts of the person's own cut after a few lines. :func:`fit_styles` gives a step's styles and
:func:`cut_text` cuts a text, keeping its rest in :class:`Cuts` to print after page 1 under a
"continued" heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sip_desk.pdf.kit import Kit
from sip_desk.pdf.styles import COLUMN_WIDTH, Styles, TextStyle
from sip_desk.pdf.text import layout


@dataclass(frozen=True)
class Fit:
    """One shortening step: how tightly, and what, the person's part prints."""

    compact: bool = False
    """Tighter spacing; an action's who and status on one line."""
    own_contacts: bool = False
    """Only the coordinator and the named contacts, not every responsible person."""
    cut_lines: int = 0
    """Long texts are cut after this many lines (0: never) and go on after page 1."""
    size: float = 12.0
    """The body text size (12 pt; less only in the last steps)."""
    intro: bool = True
    """The fixed sentences that say what the plan is."""
    short_contacts: bool = False
    """Each contact as name and phone only (role and e-mail left out where there is a phone)."""
    short_who: bool = False
    """An action's "who" names only the person responsible when the contact list has them."""


@dataclass
class Cuts:
    """The parts of long texts that did not fit page 1: (heading, rest of the text)."""

    page: int = 2
    """The page named when a text's own continuation page is not known yet."""
    pages: dict[str, int] = field(default_factory=dict)
    """Per heading, the page its continuation starts on (found by laying the part out)."""
    rest: list[tuple[str, str]] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=dict)
    """Filled while laying out: where each continuation heading was drawn."""


def fit_styles(styles: Styles, fit: Fit) -> Styles:
    """The person's styles for a step: less space around lines and headings; its body size."""
    if not fit.compact:
        return styles
    size = fit.size
    leading = round(size * 1.2, 1)
    return replace(
        styles,
        title=replace(styles.title, size=size + 4, leading=size + 7, space_after=1),
        easy=replace(styles.easy, size=size, leading=leading, space_after=1.5),
        easy_bold=replace(styles.easy_bold, size=size, leading=leading, space_after=0.5),
        easy_heading=replace(
            styles.easy_heading,
            size=size + 1,
            leading=leading + 1,
            space_before=3.5,
            space_after=1.5,
        ),
    )


def cut_text(kit: Kit, styles: Styles, title: str, text: str, fit: Fit, cuts: Cuts) -> str:
    """``text`` as page 1 shows it: cut after ``fit.cut_lines`` lines, the rest kept in ``cuts``."""
    shown = text.strip()
    if fit.cut_lines:
        more = kit.labels("easy.more", page=cuts.pages.get(title, cuts.page))
        shown, rest = _cut(shown, styles.easy, fit.cut_lines, more)
        if rest:
            cuts.rest.append((title, rest))
    return shown


def _cut(text: str, style: TextStyle, lines: int, more: str) -> tuple[str, str]:
    """The head of ``text`` that fits ``lines`` lines with ``more`` after it, and the rest."""

    def count(candidate: str) -> int:
        return len(layout(candidate, COLUMN_WIDTH, style.size, style.bold, style.rtl))

    if count(text) <= lines + 2:  # cutting a line or two is not worth a page turn
        return text, ""
    words = text.split(" ")
    low, high = 0, len(words)
    while low < high:  # the most words whose head still fits
        middle = (low + high + 1) // 2
        if count(" ".join(words[:middle]) + " " + more) <= lines:
            low = middle
        else:
            high = middle - 1
    low = max(low, 1)
    return " ".join(words[:low]) + " " + more, " ".join(words[low:])
